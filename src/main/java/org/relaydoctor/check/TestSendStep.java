package org.relaydoctor.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.ReplyClassifier;
import org.relaydoctor.diagnosis.Severity;
import org.relaydoctor.diagnosis.SmtpPhase;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.probe.InboxLook;
import org.relaydoctor.probe.ProbeSession;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.probe.TestMessageSend;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.SmtpAuth;

/// The optional last step of a check, only on the user's request: one real, clearly labelled test message sent
/// with exactly the profile's settings (after the POP3/IMAP log-on when the profile asks for it), then, when it
/// went to the account itself, a look into the inbox until it arrives or the wait is over.
final class TestSendStep {
    private final StepLog steps;
    private final ProbeSession session;
    private final HostResolver resolver;
    private final AccountProfile profile;
    private final Credentials credentials;
    private final TestMessage plan;
    private final Messages texts;
    private final List<Finding> findings = new ArrayList<>();
    private Optional<TestMessageSend.Result> sent = Optional.empty();

    TestSendStep(StepLog steps, ProbeSession session, HostResolver resolver, AccountProfile profile,
            Credentials credentials, TestMessage plan, Messages texts) {
        this.steps = steps;
        this.session = session;
        this.resolver = resolver;
        this.profile = profile;
        this.credentials = credentials;
        this.plan = plan;
        this.texts = texts;
    }

    /// The recipient: the one asked for, else the account itself.
    String recipient() {
        return plan.recipient().orElse(profile.email());
    }

    /// Runs the send (and the inbox look); `smtp` is the outgoing server's address, null when it did not resolve.
    List<Finding> run(InetAddress smtp) {
        var out = profile.outgoing();
        String to = recipient();
        if (smtp == null) {
            steps.skip("test.send", StepKind.TEST_SEND, "step.test.send", profile.email(), to);
            return findings;
        }
        if (profile.logOnToIncomingFirst()) {
            Optional<InboxLook.Mailbox> box = mailbox();
            var h = steps.start("test.incoming.login", StepKind.TEST_SEND, "step.test.incoming.login",
                    profile.incoming().protocol().name(), profile.incoming().host());
            String problem = box.map(b -> new InboxLook(session).logOn(b)).orElse("no address for " + profile.incoming().host());
            steps.finish(h, problem.isEmpty() ? Outcome.PASSED : Outcome.FAILED, problem, List.of());
        }
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        var message = new TestMessageSend.Message(profile.email(), profile.displayName(), to,
                texts.get("test.message.subject", token),
                texts.get("test.message.body", out.host(), String.valueOf(out.port()), Instant.now().toString(), token),
                token);
        var h = steps.start("test.send", StepKind.TEST_SEND, "step.test.send", profile.email(), to);
        TestMessageSend.Result r = new TestMessageSend(session).send(smtp, out.host(), out.port(), out.security(),
                login(), message);
        sent = Optional.of(r);
        List<String> evidence = r.reply().map(ServerReply::lines).orElse(List.of());
        String reply = r.reply().map(ServerReply::toString).orElse(r.detail());
        steps.finish(h, r.sent() ? Outcome.PASSED : Outcome.FAILED, reply, evidence);
        if (!r.sent()) {
            findings.add(new Finding(FindingCode.TEST_MESSAGE_REFUSED, Severity.ERROR, Map.of("recipient", to,
                    "stage", r.stage().map(Enum::name).orElse(""), "reply", reply)));
            return findings;
        }
        findings.add(new Finding(FindingCode.TEST_MESSAGE_SENT, Severity.INFO, Map.of("recipient", to, "reply", reply)));
        if (!plan.arrivalWait().isZero() && (to.equalsIgnoreCase(profile.email()) || plan.mailbox().isPresent())) {
            lookForIt(token, to);
        }
        return findings;
    }

    private void lookForIt(String token, String to) {
        Optional<InboxLook.Mailbox> box = plan.mailbox().isPresent() ? ownedMailbox(plan.mailbox().get()) : mailbox();
        String where = plan.mailbox().map(TestMessage.Mailbox::host).orElse(profile.incoming().host());
        if (box.isEmpty() || box.get().password().isEmpty()) {
            steps.skip("test.arrival", StepKind.TEST_SEND, "step.test.arrival", where, plan.arrivalWait().toSeconds());
            return;
        }
        var h = steps.start("test.arrival", StepKind.TEST_SEND, "step.test.arrival", where,
                plan.arrivalWait().toSeconds());
        InboxLook.Result r = new InboxLook(session).waitFor(box.get(), token, plan.arrivalWait());
        String seconds = String.valueOf(r.waited().toSeconds());
        if (r.found()) {
            steps.finish(h, Outcome.PASSED, texts.get("test.arrived", seconds), List.of());
            findings.add(new Finding(FindingCode.TEST_MESSAGE_ARRIVED, Severity.INFO,
                    Map.of("recipient", to, "seconds", seconds)));
        } else if (!r.problem().isEmpty()) {
            steps.finish(h, Outcome.FAILED, r.problem(), List.of());
        } else {
            steps.finish(h, Outcome.WARNING, texts.get("test.notArrived", seconds), List.of());
            findings.add(new Finding(FindingCode.TEST_MESSAGE_NOT_ARRIVED, Severity.WARNING,
                    Map.of("recipient", to, "seconds", String.valueOf(plan.arrivalWait().toSeconds()))));
        }
    }

    /// When the probes found nothing wrong but the real message was refused, the refusal is the verdict.
    RelayVerdict adjust(RelayVerdict verdict, ReplyClassifier classifier) {
        boolean relays = verdict.code() == VerdictCode.OK || verdict.code() == VerdictCode.NULL_SENDER_REJECTED;
        if (!relays || sent.isEmpty() || sent.get().sent()) {
            return verdict;
        }
        TestMessageSend.Result r = sent.get();
        if (r.reply().isEmpty()) {
            return r.failure().map(f -> RelayVerdict.of(switch (f) {
                case TLS_FAILED -> VerdictCode.TLS_FAILED;
                case CONNECTION_REFUSED -> VerdictCode.CONNECTION_REFUSED;
                case HOST_NOT_FOUND -> VerdictCode.HOST_NOT_FOUND;
                default -> VerdictCode.UNKNOWN;
            }, List.of(r.detail()))).orElse(verdict);
        }
        SmtpPhase phase = switch (r.stage().orElse(TestMessageSend.Stage.DATA)) {
            case CONNECT -> SmtpPhase.CONNECT;
            case TLS -> SmtpPhase.STARTTLS;
            case AUTH -> SmtpPhase.AUTH;
            case MAIL -> SmtpPhase.MAIL;
            case RCPT -> SmtpPhase.RCPT;
            case DATA -> SmtpPhase.DATA;
        };
        return RelayVerdict.of(classifier.classify(r.reply().get(), phase).code(), r.reply().get().lines());
    }

    private Optional<TestMessageSend.Login> login() {
        return switch (profile.smtpAuth()) {
            case SmtpAuth.Off o -> Optional.empty();
            case SmtpAuth.SameAsIncoming s -> Optional.of(new TestMessageSend.Login(profile.login(),
                    credentials.incomingPassword()));
            case SmtpAuth.OwnLogin own -> Optional.of(new TestMessageSend.Login(own.user(),
                    credentials.smtpPassword().isEmpty() ? credentials.incomingPassword() : credentials.smtpPassword()));
        };
    }

    /// The mailbox the user named for a recipient other than the account.
    private Optional<InboxLook.Mailbox> ownedMailbox(TestMessage.Mailbox m) {
        try {
            InetAddress a = resolver.resolve(m.host()).getFirst();
            return Optional.of(new InboxLook.Mailbox(m.protocol(), a, m.host(), m.port(), m.security(), m.user(),
                    m.password()));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<InboxLook.Mailbox> mailbox() {
        var in = profile.incoming();
        if (in.host().isBlank()) {
            return Optional.empty();
        }
        try {
            InetAddress a = resolver.resolve(in.host()).getFirst();
            Secret password = credentials.incomingPassword();
            return Optional.of(new InboxLook.Mailbox(in.protocol(), a, in.host(), in.port(), in.security(),
                    profile.login(), password));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// How long the send and the look may take in all, for the session that runs them.
    static Duration budget(Duration timeout, TestMessage plan) {
        return timeout.multipliedBy(4).plus(plan.arrivalWait());
    }
}
