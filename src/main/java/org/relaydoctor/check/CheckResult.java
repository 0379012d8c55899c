package org.relaydoctor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.probe.TranscriptLine;
import org.relaydoctor.profile.AccountProfile;

/// Everything one check found: the verdict, the findings beside it, each step, the DNS facts, the server's
/// facts and the redacted transcript. The CLI's JSON, the reports and the results view all render this.
public record CheckResult(
        AccountProfile profile,
        Instant startedAt,
        Duration duration,
        RelayVerdict verdict,
        List<Finding> findings,
        List<StepResult> steps,
        Optional<DnsReport> dns,
        Optional<SmtpServerFacts> smtp,
        List<TranscriptLine> transcript,
        String appVersion) {

    public CheckResult {
        findings = List.copyOf(findings);
        steps = List.copyOf(steps);
        transcript = List.copyOf(transcript);
    }
}
