package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaydoctor.probe.ProbeFailure;
import org.relaydoctor.probe.ServerReply;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// DNS findings as evidence for the verdict: a policy blocklist listing and the provider's server name.
class DnsEvidenceTest {
    private static final AccountProfile PROFILE = new AccountProfile("p", "", "anna@example.ru",
            new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS),
            new OutgoingServer("smtp.example.ru", 25, Security.NONE), "anna@example.ru", new SmtpAuth.Off(), false,
            "friend@example.org", Duration.ofSeconds(5));

    private static Finding listed(boolean policy) {
        return new Finding(FindingCode.CLIENT_LISTED, Severity.WARNING, Map.of("address", "203.0.113.5",
                "zone", "zen.spamhaus.org", "codes", policy ? "127.0.0.11" : "127.0.0.2", "policy", String.valueOf(policy),
                "reason", ""));
    }

    private static Diagnosis diagnose(String refusal, List<Finding> dns) {
        return diagnose(refusal, AttemptStage.GREETING, dns);
    }

    private static Diagnosis diagnose(String refusal, AttemptStage stage, List<Finding> dns) {
        ServerReply reply = ServerReply.parse(refusal);
        RelayAttempt c = new RelayAttempt(AttemptKind.CONFIGURED, 25, Security.NONE, false, PROFILE.email(),
                PROFILE.testRecipient(), stage, Optional.of(reply), Optional.empty(), false, reply.lines());
        return new Diagnoser().diagnose(new ProbeMatrix(PROFILE, c, List.of(), List.of(), false, false, List.of(),
                List.of(), Optional.empty(), Optional.of("203.0.113.5"), Optional.empty(), dns,
                Optional.empty()));
    }

    @Test
    void aPolicyListingMakesAGenericClientBlockDynamic() {
        String refusal = "554 5.7.1 Client host [203.0.113.5] blocked";
        assertThat(diagnose(refusal, List.of()).verdict().code()).isEqualTo(VerdictCode.CLIENT_BLOCKED);
        RelayVerdict v = diagnose(refusal, List.of(listed(true))).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.CLIENT_BLOCKED_DYNAMIC);
        assertThat(v.evidence()).contains("DNSBL: 203.0.113.5 listed in zen.spamhaus.org (127.0.0.11)");
        assertThat(v.alternatives()).contains(VerdictCode.CLIENT_BLOCKED);
    }

    @Test
    void aNonPolicyListingIsEvidenceButNotDynamic() {
        RelayVerdict v = diagnose("554 5.7.1 Client host [203.0.113.5] blocked", List.of(listed(false))).verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.CLIENT_BLOCKED);
        assertThat(v.evidence()).anyMatch(e -> e.startsWith("DNSBL: 203.0.113.5"));
    }

    @Test
    void aListingNeverTurnsAnotherVerdictIntoABlock() {
        RelayVerdict v = diagnose("554 5.7.1 <friend@example.org>: Relay access denied", AttemptStage.RCPT,
                List.of(listed(true))).verdict();
        assertThat(v.code()).isNotIn(VerdictCode.CLIENT_BLOCKED, VerdictCode.CLIENT_BLOCKED_DYNAMIC);
        assertThat(v.evidence()).noneMatch(e -> e.startsWith("DNSBL"));
    }

    @Test
    void theProvidersServerNameIsTheFixForHostNotFound() {
        RelayAttempt c = new RelayAttempt(AttemptKind.CONFIGURED, 25, Security.NONE, false, "", "", AttemptStage.RESOLVE,
                Optional.empty(), Optional.of(ProbeFailure.Kind.HOST_NOT_FOUND), false, List.of("cannot resolve"));
        Finding notFound = new Finding(FindingCode.SERVER_NAME_NOT_FOUND, Severity.ERROR,
                Map.of("role", "outgoing", "host", "smtp.example.ru", "suggestion", "smtp.yandex.ru"));
        RelayVerdict v = new Diagnoser().diagnose(new ProbeMatrix(PROFILE, c, List.of(), List.of(), false, false,
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(notFound), Optional.empty()))
                .verdict();
        assertThat(v.code()).isEqualTo(VerdictCode.HOST_NOT_FOUND);
        assertThat(v.changes()).containsExactly(new ProfileChange.OutgoingHost("smtp.yandex.ru"));
    }
}
