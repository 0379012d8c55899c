package org.relaydoctor.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.relaydoctor.cli.ExitStatus;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.LastResult;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;

/// The workload that trains the command line's AOT cache (JEP 483/514/515) at build and install time
/// (`-Drelaydoctor.aotTraining=true` with `-XX:AOTCacheOutput`): `check` against every built-in demo server, in text
/// and JSON, then `dns`, `explain`, `demo`, `profiles`, a help text and `--version`, all in one JVM so that one cache
/// covers every command. Nothing leaves 127.0.0.1: DNS questions go to the demo's own DNS server.
/// It also gives the window's second training run its saved profiles ([#saveSampleProfiles]).
final class AotTraining {
    static final String PROPERTY = "relaydoctor.aotTraining";
    /// Set on the window's training run for its cache for users with saved profiles (install-hooks.sh): the window
    /// then starts with a few, so that the list's and the editor's classes come from that cache.
    static final String WINDOW_PROFILES_PROPERTY = "relaydoctor.aotTrainingProfiles";

    private AotTraining() {}

    static void run(Supplier<Path> configDir) throws IOException {
        Path dir = Files.createTempDirectory("relay-doctor-aot");
        Path password = dir.resolve("password");
        try (DemoServers demo = DemoServers.start()) {
            Files.writeString(password, DemoServers.PASSWORD);
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            String dns = demo.dnsServer();
            for (List<String> args : commands(demo.scenarios(), password, dns)) {
                int status = new RelayDoctorCommand(configDir).run(args.toArray(String[]::new), nowhere, nowhere);
                if (status == ExitStatus.USAGE) {
                    // a training that no longer parses would leave the cache without the check's classes
                    throw new IllegalStateException("AOT training: usage error in " + String.join(" ", args));
                }
            }
        } finally {
            Files.deleteIfExists(password);
            Files.deleteIfExists(dir);
        }
    }

    /// Saves a few accounts of the shapes people have (IMAP over SSL, POP3 with "log on to incoming mail server
    /// before sending", a separate SMTP login), two with a last result; never over profiles already saved there.
    static void saveSampleProfiles(Path configDir) throws IOException {
        ProfileStore store = new ProfileStore(configDir);
        if (Files.exists(store.file())) {
            return;
        }
        Instant checked = Instant.parse("2026-01-15T09:30:00Z");
        store.save(List.of(
                new StoredProfile(StoredProfile.newId(), sample("Work", "Анна Петрова", "anna.petrova@example.ru",
                        new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS),
                        new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS), new SmtpAuth.SameAsIncoming(),
                        false), false, Optional.of(new LastResult("AUTH_REQUIRED", checked))),
                new StoredProfile(StoredProfile.newId(), sample("Home", "Boris", "boris@mail.example.net",
                        new IncomingServer(MailProtocol.POP3, "pop.example.net", 110, Security.NONE),
                        new OutgoingServer("smtp.example.net", 25, Security.NONE), new SmtpAuth.Off(), true),
                        false, Optional.of(new LastResult("POP_BEFORE_SMTP", checked))),
                StoredProfile.create(sample("Shop", "Shop", "info@shop.example.com",
                        new IncomingServer(MailProtocol.IMAP, "mail.example.com", 143, Security.STARTTLS),
                        new OutgoingServer("mail.example.com", 465, Security.SSL_TLS),
                        new SmtpAuth.OwnLogin("smtp-shop"), false))));
    }

    private static AccountProfile sample(String name, String displayName, String email, IncomingServer incoming,
            OutgoingServer outgoing, SmtpAuth auth, boolean logOnFirst) {
        return new AccountProfile(name, displayName, email, incoming, outgoing, email, auth, logOnFirst,
                "someone@example.org", AccountProfile.DEFAULT_TIMEOUT);
    }

    /// The command lines of the training: a check of every scenario (every other one as JSON), then the rest.
    static List<List<String>> commands(List<DemoScenario> scenarios, Path password, String dns) {
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            commands.add(check(scenarios.get(i).profile(), password, dns, i % 2 == 0));
        }
        commands.add(List.of("dns", SmtpHandler.DOMAIN, "--dns-server", dns, "--json"));
        commands.add(List.of("dns", SmtpHandler.DOMAIN, "--dns-server", dns));
        commands.add(List.of("explain", "550 5.7.1 <friend@example.org>: Relay access denied"));
        commands.add(List.of("demo", "--scenario", scenarios.getFirst().id()));
        commands.add(List.of("profiles", "list"));
        commands.add(List.of("--help"));
        commands.add(List.of("--version"));
        return commands;
    }

    private static List<String> check(AccountProfile p, Path password, String dns, boolean json) {
        List<String> a = new ArrayList<>(List.of("check", "--email", p.email(), "--user", p.login(),
                "--smtp-host", p.outgoing().host(), "--smtp-port", String.valueOf(p.outgoing().port()),
                "--smtp-security", name(p.outgoing().security()),
                "--incoming", p.incoming().protocol().name().toLowerCase(Locale.ROOT),
                "--incoming-host", p.incoming().host(), "--incoming-port", String.valueOf(p.incoming().port()),
                "--incoming-security", name(p.incoming().security()),
                "--smtp-auth", p.smtpAuth() instanceof SmtpAuth.Off ? "off" : "same",
                "--to", p.testRecipient(), "--timeout", "5", "--dns-server", dns, "--insecure-tls",
                "--password-file", password.toString()));
        if (json) {
            a.add("--json");
        }
        return a;
    }

    private static String name(Security s) {
        return switch (s) {
            case NONE -> "none";
            case SSL_TLS -> "ssl";
            case STARTTLS -> "starttls";
            case AUTO -> "auto";
        };
    }
}
