package org.relaydoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.HostResolver;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.probe.TlsTrust;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.LastResult;
import org.relaydoctor.profile.SecretStoreException;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.report.JsonReport;
import org.relaydoctor.report.ReportFormat;
import org.relaydoctor.report.ReportWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/// `relay-doctor check`: checks one account given as options; progress on stderr, the result on stdout
/// (text, or JSON with `--json`). Options left out are `null` here, so that a profile file read by a later
/// `--profile` option can fill them ({@link #toProfile(Optional)}).
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks whether the outgoing server relays with these settings; if not, names the restriction "
                + "and the setting that fixes it.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RelayDoctorCommand root;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "A saved profile's name, or a profile file (Relay Doctor JSON, Thunderbird prefs.js, Outlook"
                    + " .prf); options given here override its values. A saved profile with \"Remember password\""
                    + " uses the password from the keychain unless --password-env/--password-file is given.")
    String profileRef;

    @Option(names = "--email", paramLabel = "ADDR", description = "The account's e-mail address.")
    String email;

    @Option(names = "--name", paramLabel = "TEXT", description = "Your name as shown to recipients.")
    String name;

    @Option(names = "--smtp-host", paramLabel = "H", description = "Outgoing server (SMTP).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "N", converter = PortConverter.class,
            description = "Outgoing server port (default: 465 for ssl, 587 for starttls, else 25).")
    Integer smtpPort;

    @Option(names = "--smtp-security", paramLabel = "none|ssl|starttls|auto", converter = SmtpSecurityConverter.class,
            description = "Encryption of the outgoing connection (default: by port).")
    Security smtpSecurity;

    @Option(names = "--incoming", paramLabel = "pop3|imap", converter = ProtocolConverter.class,
            description = "Incoming server type (default: pop3).")
    MailProtocol incoming;

    @Option(names = "--incoming-host", paramLabel = "H", description = "Incoming server (POP3 or IMAP).")
    String incomingHost;

    @Option(names = "--incoming-port", paramLabel = "N", converter = PortConverter.class,
            description = "Incoming server port (default: by type and encryption).")
    Integer incomingPort;

    @Option(names = "--incoming-security", paramLabel = "none|ssl|starttls", converter = IncomingSecurityConverter.class,
            description = "Encryption of the incoming connection (default: none).")
    Security incomingSecurity;

    @Option(names = "--user", paramLabel = "LOGIN", description = "User name of the incoming server (default: the e-mail address).")
    String user;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    /// Where the password comes from: never the command line itself.
    static final class PasswordSource {
        @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
        String env;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
        Path file;
    }

    @Option(names = "--smtp-auth", paramLabel = "off|same|separate", converter = SmtpAuthModeConverter.class,
            description = "\"My outgoing server (SMTP) requires authentication\" (default: off).")
    String smtpAuth;

    @Option(names = "--smtp-user", paramLabel = "LOGIN", description = "The outgoing server's own login (with --smtp-auth separate).")
    String smtpUser;

    @Option(names = "--smtp-password-env", paramLabel = "VAR", description = "The outgoing server's own password, from this variable.")
    String smtpPasswordEnv;

    @Option(names = "--pop-before-smtp", description = "\"Log on to incoming mail server before sending mail\".")
    Boolean popBeforeSmtp;

    @Option(names = "--to", paramLabel = "ADDR", description = "Test recipient outside the account's domain (nothing is delivered).")
    String to;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutConverter.class,
            description = "Time-out of each network step (default: 15).")
    Duration timeout;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", converter = DnsServerConverter.class,
            description = "Send every DNS look-up to this resolver.")
    InetSocketAddress dnsServer;

    @Option(names = "--blocklist", paramLabel = "ZONE[:policy]", converter = DnsCommand.BlocklistConverter.class,
            description = "A DNS blocklist for the client address instead of the defaults (repeatable); ':policy' marks"
                    + " a dynamic-range list like Spamhaus PBL.")
    java.util.List<org.relaydoctor.dns.DnsBlocklist> blocklists = new java.util.ArrayList<>();

    @Option(names = "--test-send", description = "After the probes, send one real, clearly labelled test message with"
            + " exactly these settings (the probes alone never deliver anything).")
    boolean testSend;

    @Option(names = "--test-send-to", paramLabel = "ADDR", description = "Recipient of the test message (default: the"
            + " account's own address, whose inbox is then looked into for it).")
    String testSendTo;

    @Option(names = "--arrival-wait", paramLabel = "SECONDS", converter = WaitConverter.class, description = "How long"
            + " to look into the inbox for a test message sent to the account itself; 0 for no look (default: 30).")
    Duration arrivalWait;

    @Option(names = "--arrival-mailbox", paramLabel = "pop3|imap[s]://USER@HOST[:PORT]", converter = MailboxConverter.class,
            description = "With --test-send-to: the recipient's mailbox (one of yours) to look into for the message;"
                    + " pop3s and imaps use SSL/TLS. Its password comes from --arrival-password-env or --arrival-password-file.")
    MailboxAddress arrivalMailbox;

    @Option(names = "--arrival-password-env", paramLabel = "VAR", description = "The password of --arrival-mailbox,"
            + " from this environment variable.")
    String arrivalPasswordEnv;

    @Option(names = "--arrival-password-file", paramLabel = "FILE", description = "The password of --arrival-mailbox,"
            + " from the first line of this file.")
    Path arrivalPasswordFile;

    @Option(names = "--trust-cert", paramLabel = "SHA256|FILE",
            description = "Trust exactly this server certificate for this check: its SHA-256 fingerprint (as the"
                    + " certificate facts of a check print it) or a PEM file (repeatable).")
    java.util.List<String> trustCerts = new java.util.ArrayList<>();

    @Option(names = "--insecure-tls", description = "Accept any server certificate for this check (the findings still"
            + " say what is wrong with it).")
    boolean insecureTls;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a report for the provider's support to FILE (format from --format or the extension).")
    java.nio.file.Path report;

    @Option(names = "--format", paramLabel = "html|pdf|txt|json|eml", converter = ReportFormatConverter.class,
            description = "Format of --report (default: from the file's extension).")
    ReportFormat reportFormat;

    @Option(names = "--lang", paramLabel = "ru|en|uk", converter = LanguageConverter.class,
            description = "Language of the output (default: the system's).")
    Locale lang;

    /// The test recipient when none is given: a reserved domain that accepts no mail (RFC 2606, null MX).
    static final String DEFAULT_RECIPIENT = "relay-doctor-test@example.com";

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = lang != null ? lang : Locale.getDefault();
        ReportFormat format = reportFormat();
        Optional<ProfileReference> reference = profileReference();
        AccountProfile profile = toProfile(reference.map(ProfileReference::profile));
        Credentials credentials = credentials(locale);
        if (credentials.incomingPassword().isEmpty() && reference.isPresent()) {
            credentials = new Credentials(rememberedPassword(reference.get(), err), credentials.smtpPassword());
        }
        if (dnsServer != null && dnsServer.isUnresolved()) {
            try {
                // resolved once here, so that a wrong name is a usage error rather than HOST_NOT_FOUND for the servers
                dnsServer = new InetSocketAddress(java.net.InetAddress.getByName(dnsServer.getHostString()), dnsServer.getPort());
            } catch (java.net.UnknownHostException e) {
                throw new ParameterException(spec.commandLine(), "--dns-server: cannot find " + dnsServer.getHostString());
            }
        }
        CheckOptions options = trust(new CheckOptions(Optional.ofNullable(dnsServer), false, true, false, locale));
        if (!testSend && (testSendTo != null || arrivalWait != null || arrivalMailbox != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--test-send-to, --arrival-wait and --arrival-mailbox need --test-send");
        }
        if (arrivalMailbox != null && (testSendTo == null || arrivalPasswordEnv == null && arrivalPasswordFile == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--arrival-mailbox needs --test-send-to and --arrival-password-env or --arrival-password-file");
        }
        if (testSend) {
            Optional<org.relaydoctor.check.TestMessage.Mailbox> box = Optional.ofNullable(arrivalMailbox)
                    .map(m -> m.with(arrivalPasswordEnv != null ? fromEnv(arrivalPasswordEnv, Messages.load("cli", locale))
                            : fromFile(arrivalPasswordFile, Messages.load("cli", locale))));
            options = options.withTestSend(new org.relaydoctor.check.TestMessage(Optional.ofNullable(testSendTo),
                    arrivalWait != null ? arrivalWait : org.relaydoctor.check.TestMessage.DEFAULT.arrivalWait(), box));
        }
        try {
            AccountCheck check = new AccountCheck(options, HostResolver.of(options.dnsServer()), DnsStep.live(blocklists));
            CheckResult result = check.run(profile, credentials, new ConsoleProgress(err));
            out.print(json ? new JsonReport(locale).write(result) + "\n" : new ResultText(locale).render(result));
            out.flush();
            if (report != null) {
                writeReport(result, format, locale, err);
            }
            reference.flatMap(ProfileReference::saved).filter(saved -> sameServers(saved.profile(), profile))
                    .ifPresent(saved -> recordResult(saved, result, err));
            return ExitStatus.of(result);
        } catch (RuntimeException e) {
            err.println(Messages.load("cli", locale).get("check.error.internal", e.getClass().getSimpleName()));
            return ExitStatus.COULD_NOT_CHECK;
        }
    }

    /// `--trust-cert` and `--insecure-tls`: a fingerprint is pinned; a file's certificates are pinned and trusted as
    /// issuers too (a file may hold the server's own certificate or its private CA).
    private CheckOptions trust(CheckOptions options) {
        java.util.List<String> pins = new java.util.ArrayList<>();
        java.util.List<java.security.cert.X509Certificate> anchors = new java.util.ArrayList<>();
        for (String value : trustCerts) {
            Optional<String> fingerprint = TlsTrust.fingerprint(value);
            if (fingerprint.isPresent()) {
                pins.add(fingerprint.get());
                continue;
            }
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "--trust-cert: '" + value
                        + "' is neither a SHA-256 fingerprint (64 hex digits) nor a certificate file");
            }
            try {
                for (var c : TlsTrust.readCertificates(file)) {
                    anchors.add(c);
                    pins.add(TlsTrust.sha256(c));
                }
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--trust-cert: " + file + ": " + e.getMessage());
            }
        }
        return options.withExtraTrust(anchors).withPinnedCertificates(pins).withTrustAllCertificates(insecureTls);
    }

    private ReportFormat reportFormat() {
        if (report == null) {
            if (reportFormat != null) {
                throw new ParameterException(spec.commandLine(), "--format needs --report FILE");
            }
            return null;
        }
        if (reportFormat != null) {
            return reportFormat;
        }
        return ReportFormat.ofFile(report).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--report: cannot tell the format from '" + report.getFileName() + "'; add --format html|pdf|txt|json|eml"));
    }

    /// Writes the report; a file that cannot be written is a message on stderr, the check's result stands.
    private void writeReport(CheckResult result, ReportFormat format, Locale locale, PrintWriter err) {
        Optional<String> support = ReportWriter.supportAddress(result);
        try {
            new ReportWriter(locale, java.time.ZoneId.systemDefault()).write(result, format, support, report);
            err.println(Messages.load("cli", locale).get("check.report.written", report));
        } catch (java.io.IOException e) {
            err.println(Messages.load("cli", locale).get("check.report.failed", report, e.getMessage()));
        }
    }

    /// `html|pdf|txt|json|eml`, any case.
    static final class ReportFormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.ofName(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "expected html, pdf, txt, json or eml, not '" + value + "'"));
        }
    }

    private Optional<ProfileReference> profileReference() {
        if (profileRef == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProfileReference.resolve(profileRef, () -> {
                if (root == null) {
                    throw new IllegalStateException("no saved profiles");
                }
                return root.profileStore();
            }));
        } catch (ProfileReference.NotFound e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }

    /// The keychain's password for a saved profile with "Remember password"; empty (with a note) otherwise.
    private Secret rememberedPassword(ProfileReference reference, PrintWriter err) {
        if (root == null || reference.saved().isEmpty() || !reference.saved().get().rememberPassword()) {
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
    public AccountProfile toProfile(Optional<AccountProfile> base) {
        String mail = pick(email, base.map(AccountProfile::email), null);
        if (mail == null || mail.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--email=ADDR'");
        }
        String host = pick(smtpHost, base.map(p -> p.outgoing().host()), null);
        if (host == null || host.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--smtp-host=H'");
        }
        Security sec = pick(smtpSecurity, base.map(p -> p.outgoing().security()), null);
        Integer port = pick(smtpPort, base.map(p -> p.outgoing().port()), null);
        if (port == null) {
            port = sec == Security.SSL_TLS ? 465 : sec == Security.STARTTLS ? 587 : 25;
        }
        if (sec == null) {
            sec = port == 465 ? Security.SSL_TLS : port == 587 ? Security.STARTTLS : Security.AUTO;
        }
        MailProtocol protocol = pick(incoming, base.map(p -> p.incoming().protocol()), MailProtocol.POP3);
        Security inSec = pick(incomingSecurity, base.map(p -> p.incoming().security()), Security.NONE);
        int inPort = pick(incomingPort, base.map(p -> p.incoming().port()), protocol.defaultPort(inSec));
        String inHost = pick(incomingHost, base.map(p -> p.incoming().host()), "");
        String login = pick(user, base.map(AccountProfile::login), mail);
        SmtpAuth auth = switch (pick(smtpAuth, Optional.<String>empty(), null) == null
                ? base.map(p -> JsonModes.mode(p.smtpAuth())).orElse("off") : smtpAuth) {
            case "same" -> new SmtpAuth.SameAsIncoming();
            case "separate" -> new SmtpAuth.OwnLogin(pick(smtpUser,
                    base.map(p -> p.smtpAuth() instanceof SmtpAuth.OwnLogin o ? o.user() : null), login));
            default -> new SmtpAuth.Off();
        };
        boolean popFirst = pick(popBeforeSmtp, base.map(AccountProfile::logOnToIncomingFirst), false);
        String recipient = pick(to, base.map(AccountProfile::testRecipient), DEFAULT_RECIPIENT);
        if (recipient.isBlank()) {
            recipient = DEFAULT_RECIPIENT;
        }
        Duration t = pick(timeout, base.map(AccountProfile::timeout), AccountProfile.DEFAULT_TIMEOUT);
        String display = pick(name, base.map(AccountProfile::displayName), "");
        String profileName = base.map(AccountProfile::name).orElse(mail);
        return new AccountProfile(profileName, display, mail, new IncomingServer(protocol, inHost, inPort, inSec),
                new OutgoingServer(host, port, sec), login, auth, popFirst, recipient, t);
    }

    private Credentials credentials(Locale locale) {
        Messages m = Messages.load("cli", locale);
        Secret incomingPassword = Secret.empty();
        if (password != null && password.env != null) {
            incomingPassword = fromEnv(password.env, m);
        } else if (password != null && password.file != null) {
            try {
                String first = Files.readAllLines(password.file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                incomingPassword = Secret.of(first);
            } catch (IOException | RuntimeException e) {
                throw new ParameterException(spec.commandLine(), m.get("check.error.passwordFile", password.file));
            }
        }
        Secret smtpPassword = smtpPasswordEnv == null ? Secret.empty() : fromEnv(smtpPasswordEnv, m);
        return new Credentials(incomingPassword, smtpPassword);
    }

    private Secret fromFile(Path file, Messages m) {
        try {
            return Secret.of(Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            throw new ParameterException(spec.commandLine(), m.get("check.error.passwordFile", file));
        }
    }

    private Secret fromEnv(String variable, Messages m) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new ParameterException(spec.commandLine(), m.get("check.error.passwordEnv", variable));
        }
        return Secret.of(value);
    }

    private static <T> T pick(T option, Optional<T> fromBase, T fallback) {
        if (option != null) {
            return option;
        }
        return fromBase.filter(v -> v != null).orElse(fallback);
    }

    /// The `--smtp-auth` words for a profile's mode.
    private static final class JsonModes {
        static String mode(SmtpAuth auth) {
            return switch (auth) {
                case SmtpAuth.Off o -> "off";
                case SmtpAuth.SameAsIncoming s -> "same";
                case SmtpAuth.OwnLogin l -> "separate";
            };
        }
    }

    // ---- converters: a bad value is a clear usage error (exit 2), never a stack trace -------------------------

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port < 1 || port > 65535) {
                    throw new TypeConversionException("'" + value + "' is not a port number (1-65535)");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a port number (1-65535)");
            }
        }
    }

    static final class SmtpSecurityConverter implements ITypeConverter<Security> {
        @Override
        public Security convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "plain" -> Security.NONE;
                case "ssl", "tls", "ssl/tls" -> Security.SSL_TLS;
                case "starttls" -> Security.STARTTLS;
                case "auto" -> Security.AUTO;
                default -> throw new TypeConversionException("'" + value + "' is not one of none, ssl, starttls, auto");
            };
        }
    }

    static final class IncomingSecurityConverter implements ITypeConverter<Security> {
        @Override
        public Security convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none", "plain" -> Security.NONE;
                case "ssl", "tls", "ssl/tls" -> Security.SSL_TLS;
                case "starttls", "stls" -> Security.STARTTLS;
                default -> throw new TypeConversionException("'" + value + "' is not one of none, ssl, starttls");
            };
        }
    }

    static final class ProtocolConverter implements ITypeConverter<MailProtocol> {
        @Override
        public MailProtocol convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "pop3", "pop" -> MailProtocol.POP3;
                case "imap" -> MailProtocol.IMAP;
                default -> throw new TypeConversionException("'" + value + "' is not one of pop3, imap");
            };
        }
    }

    static final class SmtpAuthModeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (!v.equals("off") && !v.equals("same") && !v.equals("separate")) {
                throw new TypeConversionException("'" + value + "' is not one of off, same, separate");
            }
            return v;
        }
    }

    static final class TimeoutConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                int s = Integer.parseInt(value.strip());
                if (s < 1 || s > 600) {
                    throw new TypeConversionException("'" + value + "' is not a time-out in seconds (1-600)");
                }
                return Duration.ofSeconds(s);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a time-out in seconds (1-600)");
            }
        }
    }

    /// `--arrival-mailbox` before its password is known.
    record MailboxAddress(MailProtocol protocol, Security security, String user, String host, int port) {
        org.relaydoctor.check.TestMessage.Mailbox with(Secret password) {
            return new org.relaydoctor.check.TestMessage.Mailbox(protocol, host, port, security, user, password);
        }
    }

    /// `pop3://user@host:port`, `imaps://user@host` and the like; the user may itself contain '@'.
    static final class MailboxConverter implements ITypeConverter<MailboxAddress> {
        private static final java.util.regex.Pattern FORM =
                java.util.regex.Pattern.compile("(?i)(pop3s?|imaps?)://(.+)@([^@:/\\s]+)(?::(\\d{1,5}))?/?");

        @Override
        public MailboxAddress convert(String value) {
            var m = FORM.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not pop3|pop3s|imap|imaps://USER@HOST[:PORT]");
            }
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            MailProtocol protocol = scheme.startsWith("pop3") ? MailProtocol.POP3 : MailProtocol.IMAP;
            Security security = scheme.endsWith("s") ? Security.SSL_TLS : Security.NONE;
            int port = m.group(4) == null ? protocol.defaultPort(security) : new PortConverter().convert(m.group(4));
            return new MailboxAddress(protocol, security, m.group(2), m.group(3), port);
        }
    }

    static final class WaitConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                int s = Integer.parseInt(value.strip());
                if (s < 0 || s > 600) {
                    throw new TypeConversionException("'" + value + "' is not a wait in seconds (0-600)");
                }
                return Duration.ofSeconds(s);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a wait in seconds (0-600)");
            }
        }
    }

    static final class DnsServerConverter implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            String v = value.strip();
            String host = v;
            int port = 53;
            if (v.startsWith("[")) { // [v6]:port
                int end = v.indexOf(']');
                if (end < 0) {
                    throw new TypeConversionException("'" + value + "' is not HOST[:PORT]");
                }
                host = v.substring(1, end);
                if (v.length() > end + 1) {
                    port = parsePort(v.substring(end + 2), value);
                }
            } else if (v.chars().filter(c -> c == ':').count() == 1) {
                host = v.substring(0, v.indexOf(':'));
                port = parsePort(v.substring(v.indexOf(':') + 1), value);
            }
            if (host.isBlank()) {
                throw new TypeConversionException("'" + value + "' is not HOST[:PORT]");
            }
            return InetSocketAddress.createUnresolved(host, port);
        }

        private static int parsePort(String p, String value) {
            try {
                return new PortConverter().convert(p);
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "' is not HOST[:PORT]");
            }
        }
    }

    static final class LanguageConverter implements ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "en", "ru", "uk" -> Locale.of(v);
                default -> throw new TypeConversionException("'" + value + "' is not one of ru, en, uk");
            };
        }
    }
}
