package org.relaydoctor.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.relaydoctor.AppInfo;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SecretStore;
import org.relaydoctor.profile.SecretStoreSelector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
        subcommands = {CheckCommand.class, DnsCommand.class, DemoCommand.class, ProfilesCommand.class, ExplainCommand.class})
public final class RelayDoctorCommand implements Runnable {
    private final Supplier<Path> configDir;
    private final Supplier<SecretStore> secrets;
    private SecretStore selectedSecrets;

    /// For callers that need no saved profiles; commands that do report that no folder was given.
    public RelayDoctorCommand() {
        this(() -> {
            throw new IllegalStateException("no configuration folder was given to the command line");
        });
    }

    /// `configDir` is where `profiles.json` lives (the app passes `AppDirs.detect().config()`); the secret store
    /// is the OS keychain, probed the first time a command needs a remembered password.
    public RelayDoctorCommand(Supplier<Path> configDir) {
        this(configDir, SecretStoreSelector::forThisMachine);
    }

    public RelayDoctorCommand(Supplier<Path> configDir, Supplier<SecretStore> secrets) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /// The command line for `args`. picocli reflects over every option of every subcommand it is given, a good part of
    /// a command's start; when `args` begin with a subcommand's name, only that subcommand is built.
    public static CommandLine commandLine(RelayDoctorCommand root, String... args) {
        Command command = RelayDoctorCommand.class.getAnnotation(Command.class);
        if (args.length > 0) {
            for (Class<?> sub : command.subcommands()) {
                if (sub.getAnnotation(Command.class).name().equals(args[0])) {
                    CommandLine lean = new CommandLine(CommandSpec.wrapWithoutInspection(root).name(command.name()));
                    return lean.addSubcommand(new CommandLine(sub));
                }
            }
        }
        return new CommandLine(root);
    }

    /// The saved profiles of this user (or of `RELAY_DOCTOR_HOME`).
    public ProfileStore profileStore() {
        return new ProfileStore(configDir.get());
    }

    /// The remembered passwords; the keychain is probed once, on first use, so commands that need no
    /// password never touch D-Bus.
    public synchronized SecretStore secretStore() {
        if (selectedSecrets == null) {
            selectedSecrets = secrets.get();
        }
        return selectedSecrets;
    }

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
