package org.relaydoctor.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relaydoctor.AppInfo;
import org.relaydoctor.diagnosis.AttemptKind;
import org.relaydoctor.diagnosis.AttemptStage;
import org.relaydoctor.diagnosis.Classification;
import org.relaydoctor.diagnosis.Diagnoser;
import org.relaydoctor.diagnosis.Diagnosis;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.ProbeMatrix;
import org.relaydoctor.diagnosis.RelayAttempt;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.ReplyClassifier;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.dns.DnsChecker;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.probe.IncomingLogin;
import org.relaydoctor.probe.PortKnock;
import org.relaydoctor.probe.ProbeFailure;
import org.relaydoctor.probe.ProbeLimits;
import org.relaydoctor.probe.ProbeSession;
import org.relaydoctor.probe.Redactor;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.probe.SmtpProbe;
import org.relaydoctor.probe.TlsHandshake;
import org.relaydoctor.probe.TlsTrust;
import org.relaydoctor.probe.Transcript;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// Checks one account: resolve, reach the configured port (and the other submission ports beside it),
/// greet, the configured attempt, then only the differential probes the verdict needs, and the diagnosis.
/// Blocking; server problems become verdicts, never exceptions. {@link #cancel()} closes every socket at once.
/// One instance runs one check at a time.
public final class AccountCheck {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountCheck.class);
    /// A foreign sender for the open-relay probe: a reserved domain nobody owns (RFC 2606).
    static final String FOREIGN_SENDER = "relay-doctor-probe@example.com";

    private final CheckOptions options;
    private final HostResolver resolver;
    private final DnsStep dnsStep;
    private final Diagnoser diagnoser;
    private final ReplyClassifier classifier;
    private volatile ProbeSession session;
    private volatile boolean cancelled;
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

    public AccountCheck(CheckOptions options) {
        this(options, HostResolver.of(options.dnsServer()), DnsStep.NONE);
    }

    /// With a resolver of one's own (the DNS package's, honouring `--dns-server`) and the DNS facts step.
    public AccountCheck(CheckOptions options, HostResolver resolver, DnsStep dnsStep) {
        this.options = options;
        this.resolver = resolver;
        this.dnsStep = dnsStep;
        this.classifier = new ReplyClassifier();
        this.diagnoser = new Diagnoser(classifier);
    }

    /// Runs the whole check; never throws for server or network problems.
    public CheckResult run(AccountProfile profile, Credentials credentials, CheckListener listener) {
        cancelled = false;
        TlsTrust.warmUpInBackground();
        Run run = new Run(profile, credentials, listener);
        return run.execute();
    }

    /// Stops the running check at once: closes every socket and interrupts its threads. Thread-safe.
    public void cancel() {
        cancelled = true;
        ProbeSession s = session;
        if (s != null) {
            s.cancel();
        }
        workers.forEach(Thread::interrupt);
    }

    /// The state of one run.
    private final class Run {
        private final AccountProfile profile;
        private final Credentials credentials;
        private final StepLog steps;
        private final Redactor redactor = new Redactor();
        private final Transcript transcript = new Transcript(redactor);
        private final ProbeSession probeSession;
        private final List<RelayAttempt> probes = new ArrayList<>();
        private final List<TlsHandshake> handshakes = new ArrayList<>();
        private final Instant startedAt = Instant.now();
        private InetAddress address;
        private SmtpProbe current;
        /// The server stopped answering in mid-dialogue once (a tarpit): later probes would each wait as long.
        private boolean stalled;
        private SmtpProbe facts;
        private boolean authOnPlain;
        private boolean startTlsOffered;
        private List<String> authMechanisms = List.of();
        private Optional<ProbeMatrix.IncomingLoginOutcome> incoming = Optional.empty();
        private final List<Integer> reachable = new ArrayList<>();

        Run(AccountProfile profile, Credentials credentials, CheckListener listener) {
            this.profile = profile;
            this.credentials = credentials;
            this.steps = new StepLog(listener, Messages.load("check", options.locale()), () -> cancelled);
            redactor.addSecret(credentials.incomingPassword());
            redactor.addSecret(credentials.smtpPassword());
            redactor.addPlainCredentials(profile.login(), credentials.incomingPassword());
            if (profile.smtpAuth() instanceof SmtpAuth.OwnLogin own) {
                redactor.addPlainCredentials(own.user(), credentials.smtpPassword());
            }
            Duration t = profile.timeout().isZero() || profile.timeout().isNegative()
                    ? AccountProfile.DEFAULT_TIMEOUT : profile.timeout();
            ProbeLimits limits = new ProbeLimits(t, t, startedAt.plus(t.multipliedBy(6)));
            this.probeSession = new ProbeSession(transcript, limits,
                    new TlsTrust(options.extraTrust(), options.pinnedCertificates(), options.trustAllCertificates()));
            session = probeSession;
            if (cancelled) {
                probeSession.cancel();
            }
        }

        CheckResult execute() {
            workers.add(Thread.currentThread());
            Optional<DnsReport> dns = Optional.empty();
            RelayAttempt configured;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Optional<DnsReport>> dnsFuture = dnsStep == DnsStep.NONE ? null : pool.submit(() -> {
                    workers.add(Thread.currentThread());
                    var h = steps.start("dns.report", StepKind.DNS, "step.dns.report", profile.emailDomain());
                    try {
                        Optional<DnsReport> r = dnsStep.run(profile, options);
                        boolean trouble = r.map(d -> d.findings().stream().anyMatch(f -> f.severity()
                                != org.relaydoctor.diagnosis.Severity.INFO)).orElse(false);
                        steps.finish(h, trouble ? Outcome.WARNING : Outcome.PASSED, r.map(d -> d.mx().size() + " MX"
                                + d.provider().map(p -> ", " + p).orElse("")).orElse(""), List.of());
                        return r;
                    } catch (RuntimeException e) {
                        steps.finish(h, Outcome.WARNING, e.getClass().getSimpleName(), List.of());
                        return Optional.empty();
                    }
                });
                configured = configuredAttempt(pool);
                if (!cancelled) {
                    differentialProbes(configured);
                }
                if (dnsFuture != null) {
                    dns = waitFor(dnsFuture);
                }
                Optional<String> client = facts == null ? Optional.empty() : facts.reportedClientAddress();
                if (dns.isPresent() && client.isPresent() && !cancelled) {
                    dns = Optional.of(clientDns(dns.get(), client.get()));
                }
            } finally {
                if (current != null) {
                    current.quit();
                }
                workers.remove(Thread.currentThread());
            }
            TestSendStep testSend = options.testSend() && !cancelled ? testSend() : null;
            List<org.relaydoctor.diagnosis.Finding> sendFindings = testSend == null ? List.of() : testSend.run(address);
            ProbeMatrix matrix = new ProbeMatrix(profile, configured, probes, authMechanisms, authOnPlain,
                    startTlsOffered, handshakes, reachable, incoming,
                    facts == null ? Optional.empty() : facts.reportedClientAddress(), hostIsMx(dns),
                    dns.map(DnsReport::findings).orElse(List.of()),
                    dns.flatMap(d -> DnsChecker.submissionServer(ProviderCatalog.bundled(), d)));
            Diagnosis diagnosis = diagnoser.diagnose(matrix);
            RelayVerdict verdict = diagnosis.verdict();
            List<org.relaydoctor.diagnosis.Finding> findings = new ArrayList<>(diagnosis.findings());
            dns.ifPresent(d -> d.findings().stream().filter(f -> !findings.contains(f)).forEach(findings::add));
            if (testSend != null) {
                verdict = testSend.adjust(verdict, classifier);
                findings.addAll(sendFindings);
            }
            if (cancelled) {
                verdict = RelayVerdict.of(VerdictCode.UNKNOWN, List.of());
            }
            // everything logged here has passed through the redactor (step summaries, transcript, evidence)
            List<StepResult> stepResults = steps.results();
            for (StepResult s : stepResults) {
                LOG.info("step {} {} {}", s.id(), s.outcome(), redactor.scrub(s.summary()));
            }
            if (LOG.isDebugEnabled()) {
                transcript.lines().forEach(l -> LOG.debug("#{} {} {}", l.connection(), l.direction(), l.text()));
            }
            LOG.info("check of {} at {}:{}: {} (verified {}) evidence {}", profile.email(), profile.outgoing().host(),
                    profile.outgoing().port(), verdict.code(), verdict.verified(), verdict.evidence());
            return new CheckResult(profile, startedAt, Duration.between(startedAt, Instant.now()), verdict, findings,
                    stepResults, dns, serverFacts(), transcript.lines(), AppInfo.version());
        }

        /// The test send runs in a session of its own: its deadline counts from its start, not the check's.
        private TestSendStep testSend() {
            Duration t = probeSession.limits().readTimeout();
            ProbeSession s = probeSession.continuedWith(new ProbeLimits(probeSession.limits().connectTimeout(), t,
                    Instant.now().plus(TestSendStep.budget(t, options.testMessage()))));
            session = s;
            if (cancelled) {
                s.cancel();
            }
            return new TestSendStep(steps, s, resolver, profile, credentials, options.testMessage(),
                    Messages.load("check", options.locale()));
        }

        /// Reverse DNS and blocklists of the client address the server reported (known only after its greeting).
        private DnsReport clientDns(DnsReport report, String client) {
            var h = steps.start("dns.client", StepKind.DNS, "step.dns.client", client);
            try {
                DnsReport r = dnsStep.client(report, client, options);
                boolean listed = r.blocklists().stream().anyMatch(DnsReport.BlocklistResult::listed);
                steps.finish(h, listed ? Outcome.WARNING : Outcome.PASSED, r.reverse().stream()
                        .filter(x -> x.role().equals("client")).map(x -> client + " = " + x.name().orElse(x.status().name()))
                        .findFirst().orElse(client), List.of());
                return r;
            } catch (RuntimeException e) {
                steps.finish(h, Outcome.WARNING, e.getClass().getSimpleName(), List.of());
                return report;
            }
        }

        private <T> Optional<T> waitFor(Future<Optional<T>> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty();
            }
        }

        /// Whether the outgoing host is one of the account domain's MX hosts (by name: a machine that is both the MX
        /// and the submission server under another name is not an inbound-only server); empty when the MX question
        /// got no answer.
        private Optional<Boolean> hostIsMx(Optional<DnsReport> dns) {
            String host = profile.outgoing().host().toLowerCase(Locale.ROOT);
            return dns.filter(d -> d.mxStatus() == org.relaydoctor.dns.DnsStatus.FOUND
                            || d.mxStatus() == org.relaydoctor.dns.DnsStatus.NO_DATA
                            || d.mxStatus() == org.relaydoctor.dns.DnsStatus.NXDOMAIN)
                    .map(d -> d.mx().stream().anyMatch(mx -> mx.host().equalsIgnoreCase(host)));
        }

        // ---- the configured attempt -------------------------------------------------------------------------

        private RelayAttempt configuredAttempt(ExecutorService pool) {
            var out = profile.outgoing();
            var h = steps.start("resolve", StepKind.DNS, "step.resolve", out.host());
            try {
                address = resolver.resolve(out.host()).getFirst();
                steps.finish(h, Outcome.PASSED, out.host() + " = " + address.getHostAddress(), List.of());
            } catch (UnknownHostException | RuntimeException e) {
                steps.finish(h, Outcome.FAILED, "no address for " + out.host(), List.of());
                transcript.note(0, "cannot resolve " + out.host());
                return failed(AttemptKind.CONFIGURED, out.port(), out.security(), AttemptStage.RESOLVE,
                        ProbeFailure.Kind.HOST_NOT_FOUND, "cannot resolve " + out.host());
            }
            Map<Integer, Future<Optional<ProbeFailure.Kind>>> knocks = new java.util.LinkedHashMap<>();
            if (options.otherPorts()) {
                for (SubmissionPort p : options.submissionPorts()) {
                    if (p.port() != out.port()) {
                        knocks.put(p.port(), pool.submit(() -> {
                            workers.add(Thread.currentThread());
                            var k = steps.start("connect." + p.port(), StepKind.CONNECT, "step.connect", p.port());
                            Optional<ProbeFailure.Kind> r = PortKnock.knock(probeSession, address, p.port());
                            steps.finish(k, r.isEmpty() ? Outcome.PASSED : Outcome.FAILED,
                                    r.map(Enum::name).orElse("open"), List.of());
                            return r;
                        }));
                    }
                }
            }
            if (profile.logOnToIncomingFirst()) {
                incomingLogin("incoming.login");
            }
            boolean withAuth = !(profile.smtpAuth() instanceof SmtpAuth.Off);
            Opened opened = open(AttemptKind.CONFIGURED, out.port(), out.security(), true);
            for (var e : knocks.entrySet()) {
                Optional<ProbeFailure.Kind> r = waitForKnock(e.getValue());
                if (r.isEmpty()) {
                    reachable.add(e.getKey());
                }
            }
            if (opened.failure() != null) {
                steps.skip("attempt.configured", StepKind.CONFIGURED_ATTEMPT, "step.attempt.configured", profile.email(),
                        profile.testRecipient(), out.port());
                return opened.failure();
            }
            current = opened.probe();
            facts = current;
            return attempt(current, AttemptKind.CONFIGURED, StepKind.CONFIGURED_ATTEMPT, out.port(), out.security(),
                    withAuth ? configuredLogin() : null, profile.email(), profile.testRecipient());
        }

        private Optional<ProbeFailure.Kind> waitForKnock(Future<Optional<ProbeFailure.Kind>> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(ProbeFailure.Kind.CANCELLED);
            } catch (ExecutionException e) {
                return Optional.of(ProbeFailure.Kind.UNREACHABLE);
            }
        }

        /// The login a mail program with these settings would use; for "off", the incoming one (for probes).
        private Login configuredLogin() {
            if (profile.smtpAuth() instanceof SmtpAuth.OwnLogin own && !credentials.smtpPassword().isEmpty()) {
                return new Login(own.user(), credentials.smtpPassword());
            }
            return new Login(profile.login(), credentials.incomingPassword());
        }

        private Login probeLogin() {
            Login l = configuredLogin();
            return l.password().isEmpty() || l.user().isBlank() ? null : l;
        }

        // ---- differential probes ----------------------------------------------------------------------------

        private void differentialProbes(RelayAttempt c) {
            var out = profile.outgoing();
            if (c.accepted()) {
                probeOnCurrent(AttemptKind.NULL_SENDER, c.withAuth() ? configuredLogin() : null, "",
                        profile.testRecipient());
                if (!c.withAuth()) {
                    probeOnCurrent(AttemptKind.FOREIGN_SENDER, null, FOREIGN_SENDER, profile.testRecipient());
                }
                return;
            }
            if (c.failure().isPresent() && c.reply().isEmpty()) {
                switch (c.failure().get()) {
                    case CONNECT_TIMEOUT, UNREACHABLE, CONNECTION_REFUSED -> otherPort();
                    case NO_GREETING -> {
                        if (out.port() == 465 && out.security() != Security.SSL_TLS) {
                            fresh(AttemptKind.WITH_TLS, out.port(), Security.SSL_TLS, c.withAuth() ? probeLogin() : null);
                        }
                    }
                    case TLS_FAILED -> {
                        if (out.security() == Security.SSL_TLS) {
                            fresh(AttemptKind.WITHOUT_TLS, out.port(), Security.AUTO, null);
                        }
                    }
                    default -> { }
                }
                return;
            }
            ServerReply reply = c.reply().orElse(null);
            boolean inTls = out.security() == Security.SSL_TLS || current != null && current.tls().isPresent();
            if (reply == null) {
                // AUTH wanted, no mechanism offered: would the server relay without the login (box off)?
                probeOnCurrent(AttemptKind.WITHOUT_AUTH, null, profile.email(), profile.testRecipient());
                // and maybe AUTH appears after STARTTLS
                if (!inTls && startTlsOffered) {
                    fresh(AttemptKind.WITH_TLS, out.port(), Security.STARTTLS, probeLogin());
                }
                return;
            }
            if (c.stage() == AttemptStage.GREETING || c.stage() == AttemptStage.EHLO || c.stage() == AttemptStage.TLS) {
                return;
            }
            Classification cls = classifier.classify(reply, c.stage().phase());
            Set<VerdictCode> hints = EnumSet.of(cls.code());
            hints.addAll(cls.alternatives());
            if (c.stage() == AttemptStage.AUTH) {
                if (!inTls && startTlsOffered && (reply.code() == 538 || reply.enhancedCode().equals("5.7.11")
                        || hints.contains(VerdictCode.TLS_REQUIRED))) {
                    fresh(AttemptKind.WITH_TLS, out.port(), Security.STARTTLS, probeLogin());
                }
                return;
            }
            boolean clientBlocked = cls.code() == VerdictCode.CLIENT_BLOCKED
                    || cls.code() == VerdictCode.CLIENT_BLOCKED_DYNAMIC
                    || Diagnoser.aboutClient(reply, facts == null ? Optional.empty() : facts.reportedClientAddress());
            if (clientBlocked && !c.withAuth() && !reply.isTransient()) {
                // servers that block an address range usually let authenticated clients through (submission)
                withAuth(probeLogin(), inTls);
                return;
            }
            if (cls.code() == VerdictCode.RECIPIENT_UNKNOWN || clientBlocked || Diagnoser.rateLimited(reply, cls)) {
                return;
            }
            if (!inTls && startTlsOffered && hints.contains(VerdictCode.TLS_REQUIRED)) {
                RelayAttempt t = fresh(AttemptKind.WITH_TLS, out.port(), Security.STARTTLS, c.withAuth() ? probeLogin() : null);
                if (t.accepted()) {
                    return;
                }
                if (!c.withAuth() && t.stage().compareTo(AttemptStage.AUTH) > 0 && probeLogin() != null) {
                    RelayAttempt ta = fresh(AttemptKind.WITH_TLS, out.port(), Security.STARTTLS, probeLogin());
                    if (ta.accepted()) {
                        return;
                    }
                }
            }
            boolean senderish = isSenderCode(cls.code()) || c.stage() == AttemptStage.MAIL && reply.code() != 530
                    || reply.enhancedCode().matches("\\d\\.1\\.[78]");
            Optional<String> loginAddress = loginAddress();
            if (!c.withAuth()) {
                if (senderish && probeOnCurrent(AttemptKind.OWN_DOMAIN_SENDER, null, ownDomainSender(),
                        profile.testRecipient()).accepted()) {
                    return;
                }
                if (c.stage() == AttemptStage.RCPT) {
                    probeOnCurrent(AttemptKind.LOCAL_RECIPIENT, null, profile.email(), localRecipient());
                }
                Login login = probeLogin();
                RelayAttempt a = withAuth(login, inTls);
                if (a != null) {
                    if (a.accepted()) {
                        return;
                    }
                    if (a.authPassedButRefused() && loginAddress.isPresent() && current != null && current.authenticated()) {
                        if (probeOnCurrent(AttemptKind.LOGIN_SENDER, login, loginAddress.get(),
                                profile.testRecipient()).accepted()) {
                            return;
                        }
                    }
                }
            } else {
                if (loginAddress.isPresent() && (senderish || c.stage() == AttemptStage.RCPT)
                        && probeOnCurrent(AttemptKind.LOGIN_SENDER, configuredLogin(), loginAddress.get(),
                                profile.testRecipient()).accepted()) {
                    return;
                }
                if (senderish && probeOnCurrent(AttemptKind.OWN_DOMAIN_SENDER, configuredLogin(), ownDomainSender(),
                        profile.testRecipient()).accepted()) {
                    return;
                }
                if (c.stage() == AttemptStage.RCPT) {
                    probeOnCurrent(AttemptKind.LOCAL_RECIPIENT, configuredLogin(), profile.email(), localRecipient());
                }
            }
            if (c.stage() == AttemptStage.RCPT && !profile.logOnToIncomingFirst() && !profile.incoming().host().isBlank()
                    && !credentials.incomingPassword().isEmpty()) {
                if (incomingLogin("probe.incoming.login")) {
                    fresh(AttemptKind.AFTER_INCOMING_LOGIN, out.port(), out.security(), c.withAuth() ? probeLogin() : null);
                }
            }
        }

        /// The configured attempt logged on (on the open connection when it offers AUTH, else on a new one, with
        /// STARTTLS when AUTH may appear only inside TLS); null when there is no login or no AUTH to use.
        private RelayAttempt withAuth(Login login, boolean inTls) {
            var out = profile.outgoing();
            if (login == null) {
                return null;
            }
            if (current != null && current.isOpen() && !current.authMechanisms().isEmpty()) {
                return probeOnCurrent(AttemptKind.WITH_AUTH, login, profile.email(), profile.testRecipient());
            }
            if (!authMechanisms.isEmpty()) {
                return fresh(AttemptKind.WITH_AUTH, out.port(), out.security(), login);
            }
            if (startTlsOffered && !inTls) {
                return fresh(AttemptKind.WITH_AUTH, out.port(), Security.STARTTLS, login);
            }
            return null;
        }

        private static boolean isSenderCode(VerdictCode code) {
            return code == VerdictCode.SENDER_NOT_LOCAL || code == VerdictCode.SENDER_NOT_OWNED
                    || code == VerdictCode.SENDER_UNKNOWN;
        }

        /// The login as an address, when it is one and differs from the entered address.
        private Optional<String> loginAddress() {
            Login l = configuredLogin();
            String user = l.user();
            if (!user.contains("@")) {
                String domain = serverDomain();
                user = user + "@" + (domain.isEmpty() ? profile.emailDomain() : domain);
            }
            return user.equalsIgnoreCase(profile.email()) || user.startsWith("@") ? Optional.empty() : Optional.of(user);
        }

        /// A sender in the server's own domain: the login address, else postmaster of the banner's domain.
        private String ownDomainSender() {
            String email = profile.emailDomain();
            String user = configuredLogin().user();
            if (user.contains("@") && !domainOf(user).equals(email)) {
                return user;
            }
            String server = serverDomain();
            if (!server.isEmpty() && !server.equals(email)) {
                return "postmaster@" + server;
            }
            return "postmaster@" + email;
        }

        private String localRecipient() {
            return "postmaster@" + profile.emailDomain();
        }

        /// The mail domain the server names in its greeting (`220 mail.example.org ESMTP` gives example.org).
        private String serverDomain() {
            List<String> banner = facts == null ? List.of() : facts.banner();
            String name = banner.isEmpty() ? "" : banner.getFirst().length() > 4 ? banner.getFirst().substring(4).strip() : "";
            name = name.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !name.contains(".") || name.matches("[0-9.]+")) {
                String host = profile.outgoing().host().toLowerCase(Locale.ROOT);
                name = host.matches("[0-9.]+") || host.contains(":") ? "" : host;
            }
            String[] labels = name.split("\\.");
            if (labels.length > 2) {
                return name.substring(name.indexOf('.') + 1);
            }
            return labels.length == 2 ? name : "";
        }

        private static String domainOf(String address) {
            int at = address.lastIndexOf('@');
            return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
        }

        private void otherPort() {
            for (SubmissionPort p : options.submissionPorts()) {
                if (reachable.contains(p.port())) {
                    fresh(AttemptKind.OTHER_PORT, p.port(), p.security(), probeLogin());
                    return;
                }
            }
        }

        private boolean incomingLogin(String id) {
            var in = profile.incoming();
            var h = steps.start(id, StepKind.INCOMING_LOGIN, "step.incoming.login",
                    in.protocol().name(), in.host(), in.port());
            try {
                InetAddress a = resolver.resolve(in.host()).getFirst();
                IncomingLogin.Result r = new IncomingLogin(probeSession).logOn(in.protocol(), a, in.host(), in.port(),
                        in.security(), profile.login(), credentials.incomingPassword());
                List<String> evidence = r.evidence().stream().map(redactor::scrub).toList();
                incoming = Optional.of(new ProbeMatrix.IncomingLoginOutcome(r.loggedIn(), evidence));
                steps.finish(h, r.loggedIn() ? Outcome.PASSED : Outcome.FAILED, String.join(" ", evidence), evidence);
                return r.loggedIn();
            } catch (UnknownHostException | RuntimeException e) {
                steps.finish(h, Outcome.FAILED, "no address for " + in.host(), List.of());
                return false;
            } catch (ProbeFailure f) {
                steps.finish(h, Outcome.FAILED, steps.failure(f.kind(), redactor.scrub(String.valueOf(f.getMessage()))),
                        List.of());
                return false;
            }
        }

        // ---- connections and attempts -----------------------------------------------------------------------

        private record Login(String user, Secret password) {}

        private record Opened(SmtpProbe probe, RelayAttempt failure) {}

        /// Connects, reads the greeting, says EHLO and starts TLS as `security` asks.
        private Opened open(AttemptKind kind, int port, Security security, boolean record) {
            String suffix = kind == AttemptKind.CONFIGURED ? "" : "." + kind.name().toLowerCase(Locale.ROOT);
            var h = steps.start("connect." + port + suffix, StepKind.CONNECT, "step.connect", port);
            SmtpProbe p;
            try {
                p = SmtpProbe.connect(probeSession, address, profile.outgoing().host(), port, security == Security.SSL_TLS);
                p.tls().ifPresent(handshakes::add);
                steps.finish(h, Outcome.PASSED, address.getHostAddress() + ":" + port, List.of());
            } catch (ProbeFailure f) {
                steps.finish(h, Outcome.FAILED, steps.failure(f.kind(), String.valueOf(f.getMessage())), List.of());
                AttemptStage stage = f.kind() == ProbeFailure.Kind.TLS_FAILED ? AttemptStage.TLS : AttemptStage.CONNECT;
                // an implicit-TLS handshake that got no answer in time: the server is silent, plain or not
                stalled |= f.kind() == ProbeFailure.Kind.TLS_FAILED && f.getCause() instanceof java.net.SocketTimeoutException;
                return new Opened(null, failed(kind, port, security, stage, f.kind(), f.getMessage()));
            }
            var g = steps.start("greeting." + port + suffix, StepKind.GREETING, "step.greeting", port);
            ServerReply greeting = null;
            try {
                greeting = p.greeting();
                if (greeting.code() != 220) {
                    steps.finish(g, Outcome.FAILED, greeting.toString(), scrub(greeting));
                    p.quit();
                    return new Opened(null, refused(kind, port, security, false, "", "", AttemptStage.GREETING, greeting, true));
                }
                ServerReply ehlo = p.ehlo();
                if (!ehlo.isPositive()) {
                    steps.finish(g, Outcome.FAILED, ehlo.toString(), scrub(ehlo));
                    p.quit();
                    return new Opened(null, refused(kind, port, security, false, "", "", AttemptStage.EHLO, ehlo, true));
                }
                if (record) {
                    authOnPlain = security != Security.SSL_TLS && p.authMechanisms().stream()
                            .anyMatch(m -> m.equals("PLAIN") || m.equals("LOGIN"));
                    startTlsOffered = p.supportsExtension("STARTTLS");
                    authMechanisms = p.authMechanisms();
                }
                steps.finish(g, Outcome.PASSED, greeting.lines().getFirst(), scrub(greeting));
            } catch (ProbeFailure f) {
                steps.finish(g, outcomeOf(f), steps.failure(f.kind(), String.valueOf(f.getMessage())), List.of());
                p.close();
                if (greeting != null && f.kind() == ProbeFailure.Kind.DROPPED) {
                    // greeted, then hung up on EHLO: the server turned this client away, quote both
                    List<String> evidence = new ArrayList<>(scrub(greeting));
                    evidence.add(redactor.scrub(f.kind().name() + ": " + f.getMessage() + " in answer to EHLO"));
                    return new Opened(null, new RelayAttempt(kind, port, security, false, "", "", AttemptStage.EHLO,
                            Optional.empty(), Optional.of(f.kind()), false, evidence));
                }
                return new Opened(null, failed(kind, port, security, AttemptStage.GREETING, f.kind(), f.getMessage()));
            }
            if (security == Security.STARTTLS || security == Security.AUTO && p.supportsExtension("STARTTLS")) {
                var t = steps.start("tls." + port + suffix, StepKind.TLS, "step.tls", port);
                try {
                    ServerReply r = p.startTls();
                    if (r.code() != 220) {
                        steps.finish(t, Outcome.FAILED, r.toString(), scrub(r));
                        p.quit();
                        return new Opened(null, refused(kind, port, security, false, "", "", AttemptStage.TLS, r, true));
                    }
                    p.tls().ifPresent(handshakes::add);
                    if (record) {
                        authMechanisms = p.authMechanisms();
                    }
                } catch (ProbeFailure f) {
                    steps.finish(t, outcomeOf(f), steps.failure(f.kind(), String.valueOf(f.getMessage())), List.of());
                    p.close();
                    return new Opened(null, failed(kind, port, security, AttemptStage.TLS, f.kind(), f.getMessage()));
                }
                steps.finish(t, p.tls().map(TlsHandshake::acceptable).orElse(false) ? Outcome.PASSED : Outcome.WARNING,
                        p.tls().map(x -> x.protocol() + ", " + x.subject()).orElse(""), List.of());
            }
            if (p.tls().isPresent() && !p.tls().get().acceptable() && !options.trustAllCertificates()) {
                // a mail program that checks certificates stops here
                TlsHandshake x = p.tls().get();
                p.quit();
                if (record) {
                    facts = p; // the certificate's facts are what the user needs to decide about it
                }
                return new Opened(null, new RelayAttempt(kind, port, security, false, "", "", AttemptStage.TLS,
                        Optional.empty(), Optional.of(ProbeFailure.Kind.TLS_FAILED), false,
                        List.of("certificate: " + x.subject() + (x.trusted() ? "" : "; not trusted: " + x.trustProblem())
                                + (x.matchesHost() ? "" : "; not issued for " + profile.outgoing().host())
                                + (x.expired() ? "; expired " + x.notAfter() : ""))));
            }
            return new Opened(p, null);
        }

        /// A probe on a new connection of its own.
        private RelayAttempt fresh(AttemptKind kind, int port, Security security, Login login) {
            if (stalled) {
                return notTried(kind, port, security);
            }
            Opened o = open(kind, port, security, false);
            if (o.failure() != null) {
                probes.add(o.failure());
                return o.failure();
            }
            try {
                RelayAttempt a = attempt(o.probe(), kind, StepKind.PROBE, port, security, login,
                        kind == AttemptKind.OWN_DOMAIN_SENDER ? ownDomainSender() : profile.email(), profile.testRecipient());
                probes.add(a);
                return a;
            } finally {
                if (current != null) {
                    current.quit();
                }
                current = o.probe();
            }
        }

        /// A probe on the connection already open (after RSET), or on a new one when the server hung up.
        private RelayAttempt probeOnCurrent(AttemptKind kind, Login login, String sender, String recipient) {
            var out = profile.outgoing();
            if (stalled) {
                return notTried(kind, out.port(), out.security());
            }
            if (current == null || !current.isOpen() || login == null && current.authenticated()) {
                if (current != null) {
                    current.quit();
                }
                Opened o = open(kind, out.port(), out.security(), false);
                if (o.failure() != null) {
                    probes.add(o.failure());
                    current = null;
                    return o.failure();
                }
                current = o.probe();
            }
            RelayAttempt a = attempt(current, kind, StepKind.PROBE, out.port(), out.security(), login, sender, recipient);
            probes.add(a);
            return a;
        }

        /// AUTH (when `login` is given), MAIL FROM, RCPT TO, then RSET: never DATA.
        private RelayAttempt attempt(SmtpProbe p, AttemptKind kind, StepKind stepKind, int port, Security security,
                Login login, String sender, String recipient) {
            String key = kind == AttemptKind.CONFIGURED ? "attempt.configured" : "probe." + kind.name().toLowerCase(Locale.ROOT);
            var h = steps.start(key + (stepKind == StepKind.PROBE && port != profile.outgoing().port() ? "." + port : ""),
                    stepKind, "step." + key, sender, recipient, port);
            AttemptStage stage = AttemptStage.AUTH;
            boolean withAuth = login != null;
            boolean authOffered = !p.authMechanisms().isEmpty();
            try {
                if (login != null && !p.authenticated()) {
                    Optional<ServerReply> r = p.authenticate(login.user(), login.password(), Optional.empty());
                    if (r.isEmpty()) {
                        List<String> ev = p.lastEhlo().map(Run.this::scrub)
                                .orElse(List.of("(HELO: no ESMTP extensions)"));
                        steps.finish(h, Outcome.FAILED, "no usable AUTH mechanism offered", ev);
                        return new RelayAttempt(kind, port, security, true, sender, recipient, AttemptStage.AUTH,
                                Optional.empty(), Optional.empty(), false, ev);
                    }
                    if (r.get().code() != 235) {
                        return finish(h, refused(kind, port, security, true, sender, recipient, AttemptStage.AUTH,
                                r.get(), authOffered));
                    }
                }
                stage = AttemptStage.MAIL;
                ServerReply mail = p.mailFrom(sender);
                if (!mail.isPositive()) {
                    rset(p);
                    return finish(h, refused(kind, port, security, withAuth, sender, recipient, AttemptStage.MAIL, mail,
                            authOffered));
                }
                stage = AttemptStage.RCPT;
                ServerReply rcpt = p.rcptTo(recipient);
                rset(p);
                AttemptStage end = rcpt.isPositive() ? AttemptStage.ACCEPTED : AttemptStage.RCPT;
                return finish(h, refused(kind, port, security, withAuth, sender, recipient, end, rcpt, authOffered));
            } catch (ProbeFailure f) {
                steps.finish(h, outcomeOf(f), steps.failure(f.kind(), String.valueOf(f.getMessage())), List.of());
                return failed(kind, port, security, stage, f.kind(), f.getMessage());
            }
        }

        private void rset(SmtpProbe p) {
            try {
                if (p.isOpen()) {
                    p.rset();
                }
            } catch (ProbeFailure f) {
                // the next probe opens a new connection, unless the server has stopped answering
                stalled |= f.kind() == ProbeFailure.Kind.TIMEOUT;
            }
        }

        private RelayAttempt finish(StepLog.Handle h, RelayAttempt a) {
            steps.finish(h, a.accepted() ? Outcome.PASSED : Outcome.FAILED,
                    a.reply().map(ServerReply::toString).map(redactor::scrub).orElse(""), a.evidence());
            return a;
        }

        private RelayAttempt refused(AttemptKind kind, int port, Security security, boolean withAuth, String sender,
                String recipient, AttemptStage stage, ServerReply reply, boolean authOffered) {
            return new RelayAttempt(kind, port, security, withAuth, sender, recipient, stage, Optional.of(reply),
                    Optional.empty(), authOffered, scrub(reply));
        }

        /// A probe left out because the server stopped answering: it is not part of the matrix.
        private RelayAttempt notTried(AttemptKind kind, int port, Security security) {
            transcript.note(0, "probe " + kind.name().toLowerCase(Locale.ROOT)
                    + " not tried: the server stopped answering earlier");
            return new RelayAttempt(kind, port, security, false, "", "", AttemptStage.CONNECT, Optional.empty(),
                    Optional.of(ProbeFailure.Kind.TIMEOUT), false, List.of());
        }

        private RelayAttempt failed(AttemptKind kind, int port, Security security, AttemptStage stage,
                ProbeFailure.Kind failure, String message) {
            stalled |= failure == ProbeFailure.Kind.TIMEOUT;
            return new RelayAttempt(kind, port, security, false, "", "", stage, Optional.empty(), Optional.of(failure),
                    false, List.of(redactor.scrub(failure.name() + ": " + message)));
        }

        private List<String> scrub(ServerReply reply) {
            return reply.lines().stream().map(redactor::scrub).toList();
        }

        private Outcome outcomeOf(ProbeFailure f) {
            return f.kind() == ProbeFailure.Kind.CANCELLED || cancelled ? Outcome.CANCELLED : Outcome.FAILED;
        }

        private Optional<SmtpServerFacts> serverFacts() {
            if (facts == null) {
                return Optional.empty();
            }
            Optional<TlsFacts> tls = facts.tls().map(t -> new TlsFacts(t.protocol(), t.cipherSuite(), t.subject(),
                    t.issuer(), t.notAfter(), t.subjectAltNames(), t.trusted(), t.matchesHost(), t.sha256()));
            return Optional.of(new SmtpServerFacts(profile.outgoing().host(), profile.outgoing().port(),
                    facts.remoteAddress(), facts.banner().stream().map(redactor::scrub).toList(), facts.capabilities(),
                    authMechanisms, facts.reportedClientAddress(), tls));
        }
    }
}
