package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Optional;
import org.relaydoctor.probe.ServerReply;

/// Understands one server reply: the enhanced status code (RFC 3463), the basic code, and the wording of
/// the common servers. The check and the offline explainer share this one classifier.
public final class ReplyClassifier {

    /// The meaning of `reply`, received at `phase`.
    public Classification classify(ServerReply reply, SmtpPhase phase) {
        if (reply.isPositive()) {
            return of(VerdictCode.OK, false);
        }
        String e = reply.enhancedCode();
        if (e.startsWith("5.1.1")) {
            return of(VerdictCode.RECIPIENT_UNKNOWN, false);
        }
        if (e.equals("5.7.8") || e.equals("5.7.3") || reply.code() == 535) {
            return of(VerdictCode.AUTH_FAILED, false);
        }
        if (e.equals("5.7.0") && reply.code() == 530 || reply.code() == 530) {
            return new Classification(VerdictCode.AUTH_REQUIRED, List.of(VerdictCode.TLS_REQUIRED), Optional.empty(),
                    Optional.empty(), true);
        }
        if (reply.isTransient()) {
            return of(VerdictCode.RATE_LIMITED, false);
        }
        if (phase == SmtpPhase.RCPT && (e.startsWith("5.7.") || reply.code() == 550 || reply.code() == 553 || reply.code() == 554)) {
            return new Classification(VerdictCode.AUTH_REQUIRED,
                    List.of(VerdictCode.POP_BEFORE_SMTP, VerdictCode.NETWORK_RESTRICTED, VerdictCode.RECIPIENT_NOT_LOCAL),
                    Optional.empty(), Optional.empty(), true);
        }
        return of(VerdictCode.UNKNOWN, false);
    }

    private static Classification of(VerdictCode code, boolean relayRefusal) {
        return new Classification(code, List.of(), Optional.empty(), Optional.empty(), relayRefusal);
    }
}
