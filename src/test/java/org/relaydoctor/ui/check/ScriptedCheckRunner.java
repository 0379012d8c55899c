package org.relaydoctor.ui.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.Outcome;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.probe.TranscriptLine;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.SmtpAuth;

/// A test fixture standing where the engine stands: reports two steps and returns a fixed AUTH_REQUIRED result,
/// or, when `stall` is set, reports a step and then waits until it is cancelled.
public final class ScriptedCheckRunner implements CheckRunner {
    private final boolean stall;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    public ScriptedCheckRunner(boolean stall) {
        this.stall = stall;
    }

    public boolean wasCancelled() {
        return cancelled.getCount() == 0;
    }

    @Override
    public CheckResult run(AccountProfile profile, Credentials credentials, CheckListener listener) {
        Instant start = Instant.now();
        listener.stepStarted("connect", StepKind.CONNECT, "Connect to " + profile.outgoing().host());
        if (stall) {
            try {
                cancelled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StepResult stopped = new StepResult("connect", StepKind.CONNECT, "Connect", Outcome.CANCELLED,
                    Duration.ofMillis(1), "cancelled", List.of());
            listener.stepFinished(stopped);
            return result(profile, start, RelayVerdict.of(VerdictCode.UNKNOWN, List.of()), List.of(stopped));
        }
        StepResult connect = new StepResult("connect", StepKind.CONNECT, "Connect to " + profile.outgoing().host(),
                Outcome.PASSED, Duration.ofMillis(12), "connected", List.of());
        listener.stepFinished(connect);
        listener.stepStarted("configured", StepKind.CONFIGURED_ATTEMPT, "Your settings");
        StepResult attempt = new StepResult("configured", StepKind.CONFIGURED_ATTEMPT, "Your settings", Outcome.FAILED,
                Duration.ofMillis(30), "refused at RCPT: 554 5.7.1 Relay access denied",
                List.of("554 5.7.1 <someone@example.org>: Relay access denied"));
        listener.stepFinished(attempt);
        RelayVerdict verdict = new RelayVerdict(VerdictCode.AUTH_REQUIRED, true,
                List.of("554 5.7.1 <someone@example.org>: Relay access denied"),
                List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())), List.of());
        return result(profile, start, verdict, List.of(connect, attempt));
    }

    private static CheckResult result(AccountProfile profile, Instant start, RelayVerdict verdict,
            List<StepResult> steps) {
        List<TranscriptLine> transcript = List.of(
                new TranscriptLine(start, 1, TranscriptLine.Direction.SERVER, "220 mail.example.com ESMTP"),
                new TranscriptLine(start, 1, TranscriptLine.Direction.CLIENT, "EHLO relay-doctor"),
                new TranscriptLine(start, 1, TranscriptLine.Direction.CLIENT, "RCPT TO:<someone@example.org>"),
                new TranscriptLine(start, 1, TranscriptLine.Direction.SERVER, "554 5.7.1 Relay access denied"));
        return new CheckResult(profile, start, Duration.ofMillis(42), verdict, List.of(), steps, Optional.empty(),
                Optional.empty(), transcript, "test");
    }

    @Override
    public void cancel() {
        cancelled.countDown();
    }
}
