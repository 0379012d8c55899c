package org.relaydoctor.cli;

import java.util.List;
import java.util.Locale;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.profile.SmtpAuth;

/// The plain-text form of a check result for the console: verdict, explanation, fix, evidence, findings.
/// Texts come from the `verdicts` bundle; a missing text falls back to the code itself.
public final class ResultText {
    private final Messages verdicts;
    private final Messages cli;

    public ResultText(Locale locale) {
        this.verdicts = Messages.load("verdicts", locale);
        this.cli = Messages.load("cli", locale);
    }

    public String render(CheckResult result) {
        RelayVerdict v = result.verdict();
        String key = "verdict." + v.code().name();
        StringBuilder out = new StringBuilder();
        out.append(text(key + ".title", v.code().name())).append("  [").append(v.code().name()).append("]\n");
        String explanation = text(key + ".explanation", "");
        if (!explanation.isEmpty()) {
            out.append('\n').append(explanation).append('\n');
        }
        List<String> fix = verdicts.list(key + ".fix");
        if (!fix.isEmpty()) {
            out.append('\n').append(cli.get("check.text.fix")).append('\n');
            fix.forEach(f -> out.append("  - ").append(f).append('\n'));
        }
        if (!v.changes().isEmpty()) {
            out.append('\n').append(cli.get("check.text.changes")).append('\n');
            v.changes().forEach(c -> out.append("  - ").append(change(c)).append('\n'));
        }
        out.append('\n').append(cli.get(v.verified() ? "check.text.verified" : "check.text.notVerified")).append('\n');
        if (!v.evidence().isEmpty()) {
            out.append('\n').append(cli.get("check.text.evidence")).append('\n');
            v.evidence().forEach(e -> out.append("  > ").append(e).append('\n'));
        }
        if (!v.alternatives().isEmpty()) {
            out.append('\n').append(cli.get("check.text.alternatives")).append('\n');
            v.alternatives().forEach(a -> out.append("  - ")
                    .append(text("verdict." + a.name() + ".title", a.name())).append(" [").append(a.name()).append("]\n"));
        }
        result.smtp().flatMap(SmtpServerFacts::tls)
                .filter(t -> !t.trusted() || !t.matchesHost() || v.code() == VerdictCode.TLS_FAILED)
                .ifPresent(t -> certificate(t, out));
        if (!result.findings().isEmpty()) {
            out.append('\n').append(cli.get("check.text.findings")).append('\n');
            for (Finding f : result.findings()) {
                out.append("  - ").append(f.severity().name()).append(": ")
                        .append(text("finding." + f.code().name() + ".title", f.code().name()))
                        .append(" [").append(f.code().name()).append("]");
                if (!f.details().isEmpty()) {
                    out.append(" ").append(f.details());
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /// The certificate's facts, so that a support person can decide whether to trust it (and how to, once).
    private void certificate(TlsFacts t, StringBuilder out) {
        out.append('\n').append(cli.get("check.text.certificate")).append('\n');
        out.append("  ").append(cli.get("check.text.cert.subject", t.subject())).append('\n');
        out.append("  ").append(cli.get("check.text.cert.issuer", t.issuer())).append('\n');
        if (t.notAfter() != null) {
            out.append("  ").append(cli.get("check.text.cert.notAfter", t.notAfter().toString())).append('\n');
        }
        if (!t.subjectAltNames().isEmpty()) {
            out.append("  ").append(cli.get("check.text.cert.names", String.join(", ", t.subjectAltNames()))).append('\n');
        }
        out.append("  ").append(cli.get("check.text.cert.trust", cli.get(t.trusted() ? "check.text.yes" : "check.text.no"),
                cli.get(t.matchesHost() ? "check.text.yes" : "check.text.no"))).append('\n');
        if (!t.sha256().isEmpty()) {
            out.append("  SHA-256: ").append(t.sha256()).append('\n');
            if (!t.trusted() || !t.matchesHost()) {
                out.append("  ").append(cli.get("check.text.cert.hint", t.sha256().replace(":", ""))).append('\n');
            }
        }
    }

    private String change(ProfileChange c) {
        return switch (c) {
            case ProfileChange.RequireSmtpAuth r -> cli.get("check.change.requireSmtpAuth." + switch (r.auth()) {
                case SmtpAuth.Off o -> "off";
                case SmtpAuth.SameAsIncoming s -> "same";
                case SmtpAuth.OwnLogin l -> "separate";
            });
            case ProfileChange.LogOnToIncomingFirst l -> cli.get("check.change.logOnToIncomingFirst");
            case ProfileChange.OutgoingPort p -> cli.get("check.change.outgoingPort", String.valueOf(p.port()),
                    cli.get("check.security." + p.security().name()));
            case ProfileChange.OutgoingHost h -> cli.get("check.change.outgoingHost", h.host());
            case ProfileChange.EmailAddress e -> cli.get("check.change.emailAddress", e.address());
        };
    }

    private String text(String key, String fallback) {
        return verdicts.has(key) ? verdicts.get(key) : fallback;
    }
}
