package org.relaydoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.relaydoctor.AppInfo;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SecretStore;
import org.relaydoctor.profile.SecretStoreSelector;
import org.relaydoctor.profile.TrustedCertificates;

/// `relay-doctor`: the top-level command; the work is done by its subcommands. {@link #run} is the whole command
/// line: parse ({@link LineParser}), then help, version or the named command.
public final class RelayDoctorCommand implements Subcommand {
    static final String NAME = "relay-doctor";

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

    /// Runs the command line `args`: the result on `out`, progress and messages on `err`; returns the exit status.
    /// A usage error is one line on `err` and a hint at `--help`, exit status 2.
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            Invocation invocation;
            try {
                invocation = parse(args);
            } catch (UsageException e) {
                return usageError(e, NAME, err);
            }
            return switch (invocation) {
                case Invocation.Help(CommandSpec spec) -> {
                    HelpText.print(spec, out);
                    yield ExitStatus.RELAY_WORKS;
                }
                case Invocation.Version() -> {
                    out.println(AppInfo.NAME + " " + AppInfo.version());
                    out.println("Java " + Runtime.version() + ", JavaFX " + AppInfo.javafxVersion());
                    yield ExitStatus.RELAY_WORKS;
                }
                case Invocation.Run(String name, Subcommand command, ParsedArgs parsed) -> {
                    try {
                        yield command.run(parsed, new Output(out, err));
                    } catch (UsageException e) {
                        yield usageError(e, name, err);
                    }
                }
            };
        } finally {
            out.flush();
            err.flush();
        }
    }

    /// The parser step alone: what `args` ask for, or why they cannot be run. Only the tables of the commands named
    /// on the line are built.
    public Invocation parse(String... args) throws UsageException {
        return LineParser.parse(this, List.of(args));
    }

    private static int usageError(UsageException e, String command, PrintWriter err) {
        String name = e.command(command);
        err.println(name + ": " + e.getMessage());
        err.println("Try '" + name + " --help' for more information.");
        return ExitStatus.USAGE;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(NAME,
                        "Checks a mail account and explains why the outgoing server refused to relay a message, and"
                                + " which setting fixes it. Without arguments, opens the window.")
                .withChildren(
                        new CommandSpec.Child("check", CheckCommand.DESCRIPTION, parent -> new CheckCommand(this)),
                        new CommandSpec.Child("dns", DnsCommand.DESCRIPTION, parent -> new DnsCommand()),
                        new CommandSpec.Child("demo", DemoCommand.DESCRIPTION, parent -> new DemoCommand()),
                        new CommandSpec.Child("profiles", ProfilesCommand.DESCRIPTION, parent -> new ProfilesCommand(this)),
                        new CommandSpec.Child("explain", ExplainCommand.DESCRIPTION, parent -> new ExplainCommand()))
                .withExitStatuses(
                        "0:the check ran and relaying works",
                        "1:the check ran and found a restriction",
                        "2:usage error (bad option or value)",
                        "3:could not check (network failure, cancelled, internal error)");
    }

    /// Without a command there is nothing to do (the launcher opens the window instead).
    @Override
    public int run(ParsedArgs args, Output output) throws UsageException {
        throw new UsageException(NAME, "Missing command: one of check, dns, demo, profiles, explain");
    }

    /// The certificates trusted in the window ("Trust this certificate…"); none when no configuration folder was given.
    public List<String> trustedCertificates() {
        Path dir;
        try {
            dir = configDir.get();
        } catch (IllegalStateException e) {
            return List.of();
        }
        return new TrustedCertificates(dir).fingerprints();
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
}
