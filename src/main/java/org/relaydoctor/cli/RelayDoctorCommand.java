package org.relaydoctor.cli;

import org.relaydoctor.AppInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/// `relay-doctor`: the top-level command; the work is done by its subcommands.
@Command(
        name = "relay-doctor",
        mixinStandardHelpOptions = true,
        versionProvider = RelayDoctorCommand.Version.class,
        description = {
            "Checks a mail account and explains why the outgoing server refused to relay a message,",
            "and which setting fixes it. Without arguments, opens the window."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the check ran and relaying works",
            "1:the check ran and found a restriction",
            "2:usage error (bad option or value)",
            "3:could not check (network failure, cancelled, internal error)"
        },
        subcommands = {ExplainCommand.class})
public final class RelayDoctorCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this), "Missing subcommand: see relay-doctor --help");
    }

    /// Prints the version the build stamped.
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                AppInfo.NAME + " " + AppInfo.version(),
                "Java " + Runtime.version() + ", JavaFX " + AppInfo.javafxVersion()
            };
        }
    }
}
