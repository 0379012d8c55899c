package org.relaydoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.check.TestMessage;
import org.relaydoctor.cli.Converters.MailboxAddress;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.dns.DnsBlocklist;
import org.relaydoctor.probe.TlsTrust;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.LastResult;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.SecretStoreException;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.report.JsonReport;
import org.relaydoctor.report.ReportFormat;
import org.relaydoctor.report.ReportWriter;

/// `relay-doctor check`: checks one account given as options; progress on stderr, the result on stdout
/// (text, or JSON with `--json`). Options left out are filled from a profile given with `--profile`
/// ({@link #toProfile(ParsedArgs, Optional)}).
final class CheckCommand implements Subcommand {
    static final String DESCRIPTION = "Checks whether the outgoing server relays with these settings; if not, names the"
            + " restriction and the setting that fixes it.";

    static final Opt<String> PROFILE = Opt.text("profile", "NAME|FILE", "A saved profile's name, or a profile file"
            + " (Relay Doctor JSON, Thunderbird prefs.js, Outlook .prf); options given here override its values. A saved"
            + " profile with \"Remember password\" uses the password from the keychain unless"
            + " --password-env/--password-file is given.");
    static final Opt<String> EMAIL = Opt.text("email", "ADDR", "The account's e-mail address.");
    static final Opt<String> NAME = Opt.text("name", "TEXT", "Your name as shown to recipients.");
    static final Opt<String> SMTP_HOST = Opt.text("smtp-host", "H", "Outgoing server (SMTP).");
    static final Opt<Integer> SMTP_PORT = Opt.value("smtp-port", "N", Integer.class, Converters.PORT,
            "Outgoing server port (default: 465 for ssl, 587 for starttls, else 25).");
    static final Opt<Security> SMTP_SECURITY = Opt.value("smtp-security", "none|ssl|starttls|auto", Security.class,
            Converters.SMTP_SECURITY, "Encryption of the outgoing connection (default: by port).");
    static final Opt<MailProtocol> INCOMING = Opt.value("incoming", "pop3|imap", MailProtocol.class, Converters.PROTOCOL,
            "Incoming server type (default: pop3).");
    static final Opt<String> INCOMING_HOST = Opt.text("incoming-host", "H", "Incoming server (POP3 or IMAP).");
    static final Opt<Integer> INCOMING_PORT = Opt.value("incoming-port", "N", Integer.class, Converters.PORT,
            "Incoming server port (default: by type and encryption).");
    static final Opt<Security> INCOMING_SECURITY = Opt.value("incoming-security", "none|ssl|starttls", Security.class,
            Converters.INCOMING_SECURITY, "Encryption of the incoming connection (default: none).");
    static final Opt<String> USER = Opt.text("user", "LOGIN",
            "User name of the incoming server (default: the e-mail address).");
    // where the password comes from: never the command line itself
    static final Opt<String> PASSWORD_ENV = Opt.text("password-env", "VAR",
            "Read the password from this environment variable.");
    static final Opt<Path> PASSWORD_FILE = Opt.value("password-file", "FILE", Path.class, Converters.PATH,
            "Read the password from the first line of this file.");
    static final Opt<String> SMTP_AUTH = Opt.value("smtp-auth", "off|same|separate", String.class,
            Converters.SMTP_AUTH_MODE, "\"My outgoing server (SMTP) requires authentication\" (default: off).");
    static final Opt<String> SMTP_USER = Opt.text("smtp-user", "LOGIN",
            "The outgoing server's own login (with --smtp-auth separate).");
    static final Opt<String> SMTP_PASSWORD_ENV = Opt.text("smtp-password-env", "VAR",
            "The outgoing server's own password, from this variable.");
    static final Opt<Boolean> POP_BEFORE_SMTP = Opt.flag("pop-before-smtp",
            "\"Log on to incoming mail server before sending mail\".");
    static final Opt<String> TO = Opt.text("to", "ADDR",
            "Test recipient outside the account's domain (nothing is delivered).");
    static final Opt<Duration> TIMEOUT = Opt.value("timeout", "SECONDS", Duration.class, Converters.TIMEOUT,
            "Time-out of each network step (default: 15).");
    static final Opt<InetSocketAddress> DNS_SERVER = SharedOptions.DNS_SERVER;
    static final Opt<DnsBlocklist> BLOCKLIST = Opt.repeatable("blocklist", "ZONE[:policy]", DnsBlocklist.class,
            Converters.BLOCKLIST, "A DNS blocklist for the client address instead of the defaults (repeatable);"
                    + " ':policy' marks a dynamic-range list like Spamhaus PBL.");
    static final Opt<Boolean> TEST_SEND = Opt.flag("test-send", "After the probes, send one real, clearly labelled"
            + " test message with exactly these settings (the probes alone never deliver anything).");
    static final Opt<String> TEST_SEND_TO = Opt.text("test-send-to", "ADDR", "Recipient of the test message"
            + " (default: the account's own address, whose inbox is then looked into for it).");
    static final Opt<Duration> ARRIVAL_WAIT = Opt.value("arrival-wait", "SECONDS", Duration.class, Converters.WAIT,
            "How long to look into the inbox for a test message sent to the account itself; 0 for no look"
                    + " (default: 30).");
    static final Opt<MailboxAddress> ARRIVAL_MAILBOX = Opt.value("arrival-mailbox", "pop3|imap[s]://USER@HOST[:PORT]",
            MailboxAddress.class, Converters.MAILBOX_ADDRESS, "With --test-send-to: the recipient's mailbox (one of"
                    + " yours) to look into for the message; pop3s and imaps use SSL/TLS. Its password comes from"
                    + " --arrival-password-env or --arrival-password-file.");
    static final Opt<String> ARRIVAL_PASSWORD_ENV = Opt.text("arrival-password-env", "VAR",
            "The password of --arrival-mailbox, from this environment variable.");
    static final Opt<Path> ARRIVAL_PASSWORD_FILE = Opt.value("arrival-password-file", "FILE", Path.class,
            Converters.PATH, "The password of --arrival-mailbox, from the first line of this file.");
    static final Opt<String> TRUST_CERT = Opt.repeatable("trust-cert", "SHA256|FILE", String.class, s -> s,
            "Trust exactly this server certificate for this check: its SHA-256 fingerprint (as the certificate facts"
                    + " of a check print it) or a PEM file (repeatable).");
    static final Opt<Boolean> INSECURE_TLS = Opt.flag("insecure-tls",
            "Accept any server certificate for this check (the findings still say what is wrong with it).");
    static final Opt<Boolean> JSON = SharedOptions.JSON;
    static final Opt<Path> REPORT = Opt.value("report", "FILE", Path.class, Converters.PATH,
            "Also write a report for the provider's support to FILE (format from --format or the extension).");
    static final Opt<ReportFormat> FORMAT = Opt.value("format", "html|pdf|txt|json|eml", ReportFormat.class,
            Converters.REPORT_FORMAT, "Format of --report (default: from the file's extension).");
    static final Opt<Locale> LANG = SharedOptions.LANG;

    /// The test recipient when none is given: a reserved domain that accepts no mail (RFC 2606, null MX).
    static final String DEFAULT_RECIPIENT = "relay-doctor-test@example.com";

    private final RelayDoctorCommand root;

    CheckCommand(RelayDoctorCommand root) {
        this.root = root;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(RelayDoctorCommand.NAME + " check", DESCRIPTION)
                .withOptions(PROFILE, EMAIL, NAME, SMTP_HOST, SMTP_PORT, SMTP_SECURITY, INCOMING, INCOMING_HOST,
                        INCOMING_PORT, INCOMING_SECURITY, USER, PASSWORD_ENV, PASSWORD_FILE, SMTP_AUTH, SMTP_USER,
                        SMTP_PASSWORD_ENV, POP_BEFORE_SMTP, TO, TIMEOUT, DNS_SERVER, BLOCKLIST, TEST_SEND, TEST_SEND_TO,
                        ARRIVAL_WAIT, ARRIVAL_MAILBOX, ARRIVAL_PASSWORD_ENV, ARRIVAL_PASSWORD_FILE, TRUST_CERT,
                        INSECURE_TLS, JSON, REPORT, FORMAT, LANG)
                .withExclusive(PASSWORD_ENV, PASSWORD_FILE);
    }

    @Override
    public int run(ParsedArgs args, Output output) throws UsageException {
        PrintWriter err = output.err();
        PrintWriter out = output.out();
        Locale locale = args.value(LANG).orElse(Locale.getDefault());
        Optional<ReportFormat> format = reportFormat(args);
        Optional<ProfileReference> reference = profileReference(args);
        AccountProfile profile = toProfile(args, reference.map(ProfileReference::profile));
        Credentials credentials = credentials(args, locale);
        if (credentials.incomingPassword().isEmpty() && reference.isPresent()) {
            credentials = new Credentials(rememberedPassword(reference.get(), err), credentials.smtpPassword());
        }
        Optional<InetSocketAddress> dnsServer = dnsServer(args);
        CheckOptions options = trust(args, new CheckOptions(dnsServer, false, true, false, locale),
                root.trustedCertificates());
        boolean testSend = args.has(TEST_SEND);
        Optional<String> testSendTo = args.value(TEST_SEND_TO);
        Optional<MailboxAddress> arrivalMailbox = args.value(ARRIVAL_MAILBOX);
        if (!testSend && (testSendTo.isPresent() || args.value(ARRIVAL_WAIT).isPresent() || arrivalMailbox.isPresent())) {
            throw new UsageException("--test-send-to, --arrival-wait and --arrival-mailbox need --test-send");
        }
        Optional<String> arrivalEnv = args.value(ARRIVAL_PASSWORD_ENV);
        Optional<Path> arrivalFile = args.value(ARRIVAL_PASSWORD_FILE);
        if (arrivalMailbox.isPresent() && (testSendTo.isEmpty() || arrivalEnv.isEmpty() && arrivalFile.isEmpty())) {
            throw new UsageException(
                    "--arrival-mailbox needs --test-send-to and --arrival-password-env or --arrival-password-file");
        }
        if (testSend) {
            Messages m = Messages.load("cli", locale);
            Optional<TestMessage.Mailbox> box = Optional.empty();
            if (arrivalMailbox.isPresent()) {
                MailboxAddress a = arrivalMailbox.get();
                Secret password = arrivalEnv.isPresent() ? fromEnv(arrivalEnv.get(), m) : fromFile(arrivalFile.get(), m);
                box = Optional.of(new TestMessage.Mailbox(a.protocol(), a.host(), a.port(), a.security(), a.user(),
                        password));
            }
            options = options.withTestSend(new TestMessage(testSendTo,
                    args.value(ARRIVAL_WAIT).orElse(TestMessage.DEFAULT.arrivalWait()), box));
        }
        try {
            AccountCheck check = new AccountCheck(options, HostResolver.of(options.dnsServer()),
                    DnsStep.live(args.values(BLOCKLIST)));
            CheckResult result = check.run(profile, credentials, new ConsoleProgress(err));
            out.print(args.has(JSON) ? new JsonReport(locale).write(result) + "\n" : new ResultText(locale).render(result));
            out.flush();
            if (format.isPresent()) {
                writeReport(result, format.get(), args.value(REPORT).orElseThrow(), locale, err);
            }
            reference.flatMap(ProfileReference::saved).filter(saved -> sameServers(saved.profile(), profile))
                    .ifPresent(saved -> recordResult(saved, result, err));
            return ExitStatus.of(result);
        } catch (RuntimeException e) {
            err.println(Messages.load("cli", locale).get("check.error.internal", e.getClass().getSimpleName()));
            return ExitStatus.COULD_NOT_CHECK;
        }
    }

    /// `--dns-server`, resolved once here, so that a wrong name is a usage error rather than HOST_NOT_FOUND for the
    /// servers.
    private static Optional<InetSocketAddress> dnsServer(ParsedArgs args) throws UsageException {
        Optional<InetSocketAddress> given = args.value(DNS_SERVER);
        if (given.isEmpty() || !given.get().isUnresolved()) {
            return given;
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(given.get().getHostString()),
                    given.get().getPort()));
        } catch (UnknownHostException e) {
            throw new UsageException("--dns-server: cannot find " + given.get().getHostString());
        }
    }

    /// `--trust-cert` and `--insecure-tls`: a fingerprint is pinned; a file's certificates are pinned and trusted as
    /// issuers too (a file may hold the server's own certificate or its private CA). The certificates trusted in the
    /// window are pinned as well.
    private static CheckOptions trust(ParsedArgs args, CheckOptions options, List<String> trusted)
            throws UsageException {
        List<String> pins = new ArrayList<>(trusted);
        List<X509Certificate> anchors = new ArrayList<>();
        for (String value : args.values(TRUST_CERT)) {
            Optional<String> fingerprint = TlsTrust.fingerprint(value);
            if (fingerprint.isPresent()) {
                pins.add(fingerprint.get());
                continue;
            }
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--trust-cert: '" + value
                        + "' is neither a SHA-256 fingerprint (64 hex digits) nor a certificate file");
            }
            try {
                for (X509Certificate c : TlsTrust.readCertificates(file)) {
                    anchors.add(c);
                    pins.add(TlsTrust.sha256(c));
                }
            } catch (IOException e) {
                throw new UsageException("--trust-cert: " + file + ": " + e.getMessage());
            }
        }
        return options.withExtraTrust(anchors).withPinnedCertificates(pins)
                .withTrustAllCertificates(args.has(INSECURE_TLS));
    }

    /// The format of `--report`; empty without a report.
    private static Optional<ReportFormat> reportFormat(ParsedArgs args) throws UsageException {
        Optional<Path> report = args.value(REPORT);
        Optional<ReportFormat> format = args.value(FORMAT);
        if (report.isEmpty()) {
            if (format.isPresent()) {
                throw new UsageException("--format needs --report FILE");
            }
            return Optional.empty();
        }
        if (format.isPresent()) {
            return format;
        }
        Optional<ReportFormat> byName = ReportFormat.ofFile(report.get());
        if (byName.isEmpty()) {
            throw new UsageException("--report: cannot tell the format from '" + report.get().getFileName()
                    + "'; add --format html|pdf|txt|json|eml");
        }
        return byName;
    }

    /// Writes the report; a file that cannot be written is a message on stderr, the check's result stands.
    private static void writeReport(CheckResult result, ReportFormat format, Path report, Locale locale,
            PrintWriter err) {
        Optional<String> support = ReportWriter.supportAddress(result);
        try {
            new ReportWriter(locale, java.time.ZoneId.systemDefault()).write(result, format, support, report);
            err.println(Messages.load("cli", locale).get("check.report.written", report));
        } catch (IOException e) {
            err.println(Messages.load("cli", locale).get("check.report.failed", report, e.getMessage()));
        }
    }

    private Optional<ProfileReference> profileReference(ParsedArgs args) throws UsageException {
        Optional<String> ref = args.value(PROFILE);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileReference.resolve(ref.get(), root::profileStore));
        } catch (ProfileReference.NotFound e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
    }

    /// The keychain's password for a saved profile with "Remember password"; empty (with a note) otherwise.
    private Secret rememberedPassword(ProfileReference reference, PrintWriter err) {
        if (reference.saved().isEmpty() || !reference.saved().get().rememberPassword()) {
            return Secret.empty();
        }
        try {
            return reference.rememberedPassword(root.secretStore()).orElse(Secret.empty());
        } catch (SecretStoreException e) {
            err.println(e.getMessage());
            return Secret.empty();
        }
    }

    /// Whether the check ran with the saved settings: a result for overridden servers or log-on says nothing
    /// about the profile, so it is not kept.
    private static boolean sameServers(AccountProfile saved, AccountProfile checked) {
        return saved.email().equals(checked.email()) && saved.incoming().equals(checked.incoming())
                && saved.outgoing().equals(checked.outgoing()) && saved.login().equals(checked.login())
                && saved.smtpAuth().equals(checked.smtpAuth())
                && saved.logOnToIncomingFirst() == checked.logOnToIncomingFirst();
    }

    /// Keeps the verdict beside the saved profile, so the profile list shows it; a failure only warns.
    private void recordResult(StoredProfile saved, CheckResult result, PrintWriter err) {
        try {
            root.profileStore().recordResult(saved.id(),
                    new LastResult(result.verdict().code().name(), result.startedAt().plus(result.duration())));
        } catch (IOException | RuntimeException e) {
            err.println(e.getMessage());
        }
    }

    /// The profile the options describe, laid over `base` (a profile file) where options are left out.
    static AccountProfile toProfile(ParsedArgs args, Optional<AccountProfile> base) throws UsageException {
        String mail = pick(args.value(EMAIL), base.map(AccountProfile::email), null);
        if (mail == null || mail.isBlank()) {
            throw new UsageException("Missing required option: '--email=ADDR'");
        }
        String host = pick(args.value(SMTP_HOST), base.map(p -> p.outgoing().host()), null);
        if (host == null || host.isBlank()) {
            throw new UsageException("Missing required option: '--smtp-host=H'");
        }
        Security sec = pick(args.value(SMTP_SECURITY), base.map(p -> p.outgoing().security()), null);
        Integer port = pick(args.value(SMTP_PORT), base.map(p -> p.outgoing().port()), null);
        if (port == null) {
            port = sec == Security.SSL_TLS ? 465 : sec == Security.STARTTLS ? 587 : 25;
        }
        if (sec == null) {
            sec = port == 465 ? Security.SSL_TLS : port == 587 ? Security.STARTTLS : Security.AUTO;
        }
        MailProtocol protocol = pick(args.value(INCOMING), base.map(p -> p.incoming().protocol()), MailProtocol.POP3);
        Security inSec = pick(args.value(INCOMING_SECURITY), base.map(p -> p.incoming().security()), Security.NONE);
        int inPort = pick(args.value(INCOMING_PORT), base.map(p -> p.incoming().port()), protocol.defaultPort(inSec));
        String inHost = pick(args.value(INCOMING_HOST), base.map(p -> p.incoming().host()), "");
        String login = pick(args.value(USER), base.map(AccountProfile::login), mail);
        SmtpAuth auth = switch (pick(args.value(SMTP_AUTH), base.map(p -> mode(p.smtpAuth())), "off")) {
            case "same" -> new SmtpAuth.SameAsIncoming();
            case "separate" -> new SmtpAuth.OwnLogin(pick(args.value(SMTP_USER),
                    base.map(p -> p.smtpAuth() instanceof SmtpAuth.OwnLogin o ? o.user() : null), login));
            default -> new SmtpAuth.Off();
        };
        boolean popFirst = args.has(POP_BEFORE_SMTP) || base.map(AccountProfile::logOnToIncomingFirst).orElse(false);
        String recipient = pick(args.value(TO), base.map(AccountProfile::testRecipient), DEFAULT_RECIPIENT);
        if (recipient.isBlank()) {
            recipient = DEFAULT_RECIPIENT;
        }
        Duration t = pick(args.value(TIMEOUT), base.map(AccountProfile::timeout), AccountProfile.DEFAULT_TIMEOUT);
        String display = pick(args.value(NAME), base.map(AccountProfile::displayName), "");
        String profileName = base.map(AccountProfile::name).orElse(mail);
        return new AccountProfile(profileName, display, mail, new IncomingServer(protocol, inHost, inPort, inSec),
                new OutgoingServer(host, port, sec), login, auth, popFirst, recipient, t);
    }

    /// The option if given, else the profile's value, else `fallback`.
    private static <T> T pick(Optional<T> option, Optional<T> fromBase, T fallback) {
        return option.or(() -> fromBase).orElse(fallback);
    }

    /// The `--smtp-auth` word for a profile's mode.
    private static String mode(SmtpAuth auth) {
        return switch (auth) {
            case SmtpAuth.Off o -> "off";
            case SmtpAuth.SameAsIncoming s -> "same";
            case SmtpAuth.OwnLogin l -> "separate";
        };
    }

    private static Credentials credentials(ParsedArgs args, Locale locale) throws UsageException {
        Messages m = Messages.load("cli", locale);
        Secret incomingPassword = Secret.empty();
        Optional<String> env = args.value(PASSWORD_ENV);
        Optional<Path> file = args.value(PASSWORD_FILE);
        if (env.isPresent()) {
            incomingPassword = fromEnv(env.get(), m);
        } else if (file.isPresent()) {
            incomingPassword = fromFile(file.get(), m);
        }
        Optional<String> smtpEnv = args.value(SMTP_PASSWORD_ENV);
        Secret smtpPassword = smtpEnv.isEmpty() ? Secret.empty() : fromEnv(smtpEnv.get(), m);
        return new Credentials(incomingPassword, smtpPassword);
    }

    private static Secret fromFile(Path file, Messages m) throws UsageException {
        try {
            return Secret.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            throw new UsageException(m.get("check.error.passwordFile", file));
        }
    }

    private static Secret fromEnv(String variable, Messages m) throws UsageException {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new UsageException(m.get("check.error.passwordEnv", variable));
        }
        return Secret.of(value);
    }
}
