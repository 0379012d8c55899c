package org.relaydoctor.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.AppInfo;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.StepResult;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.probe.Redactor;
import org.relaydoctor.probe.TranscriptLine;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.report.Report.Row;
import org.relaydoctor.report.Report.Section;

/// Composes the {@link Report} of a check result in one language and time zone: summary first, then the facts a
/// support engineer asks for, the DNS findings, every step, and the redacted transcript.
public final class ReportBuilder {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Messages text;
    private final Messages verdicts;
    private final Messages cli;
    private final ZoneId zone;

    public ReportBuilder(Locale locale, ZoneId zone) {
        this.text = Messages.load("report", locale);
        this.verdicts = Messages.load("verdicts", locale);
        this.cli = Messages.load("cli", locale);
        this.zone = zone;
    }

    public Locale locale() {
        return text.locale();
    }

    public Report build(CheckResult r) {
        RelayVerdict v = r.verdict();
        String key = "verdict." + v.code().name();
        String title = verdict(v.code().name());
        String explanation = verdicts.has(key + ".explanation") ? verdicts.get(key + ".explanation") : "";
        String sentence = explanation.isEmpty() ? title + "." : title + ". " + firstSentence(explanation);
        List<Section> sections = new ArrayList<>();
        sections.add(verdictSection(r));
        sections.add(facts(r));
        r.dns().ifPresent(d -> sections.addAll(dns(d)));
        sections.add(steps(r.steps()));
        sections.add(transcript(r.transcript()));
        return new Report(text.locale().getLanguage(), text.get("title", r.profile().email()), sentence, summary(r),
                sections);
    }

    /// The summary alone as plain text, for the clipboard.
    public String summaryText(CheckResult r) {
        Report report = build(r);
        StringBuilder out = new StringBuilder(report.title()).append("\n\n").append(report.sentence()).append("\n\n");
        report.summary().forEach(row -> out.append(row.label()).append(": ").append(row.value()).append('\n'));
        return out.toString();
    }

    private List<Row> summary(CheckResult r) {
        AccountProfile p = r.profile();
        RelayVerdict v = r.verdict();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(text.get("summary.verdict"), verdict(v.code().name()) + " [" + v.code().name() + "]"));
        rows.add(new Row(text.get("summary.account"), p.email()
                + (p.login().equals(p.email()) ? "" : " (" + text.get("summary.login") + " " + p.login() + ")")));
        rows.add(new Row(text.get("summary.outgoing"), p.outgoing().host() + ":" + p.outgoing().port() + ", "
                + security(p.outgoing().security().name())));
        rows.add(new Row(text.get("summary.incoming"), p.incoming().protocol().name() + " " + p.incoming().host() + ":"
                + p.incoming().port() + ", " + security(p.incoming().security().name())));
        rows.add(new Row(text.get("summary.auth"), switch (p.smtpAuth()) {
            case SmtpAuth.Off o -> text.get("auth.off");
            case SmtpAuth.SameAsIncoming s -> text.get("auth.same");
            case SmtpAuth.OwnLogin l -> text.get("auth.separate", l.user());
        } + (p.logOnToIncomingFirst() ? "; " + text.get("auth.incomingFirst") : "")));
        rows.add(new Row(text.get("summary.recipient"), p.testRecipient()));
        rows.add(new Row(text.get("summary.fix"), v.changes().isEmpty() ? text.get("fix.none")
                : String.join("; ", v.changes().stream().map(this::change).toList())));
        rows.add(new Row(text.get("summary.fixWorked"), v.changes().isEmpty() ? "—"
                : text.get(v.verified() ? "fix.worked" : "fix.notVerified")));
        rows.add(new Row(text.get("summary.checkedAt"), dateTime(r.startedAt())));
        return rows;
    }

    private Section verdictSection(CheckResult r) {
        RelayVerdict v = r.verdict();
        String key = "verdict." + v.code().name();
        List<List<String>> rows = new ArrayList<>();
        if (verdicts.has(key + ".explanation")) {
            rows.add(List.of(text.get("verdict.explanation"), verdicts.get(key + ".explanation")));
        }
        verdicts.list(key + ".fix").forEach(f -> rows.add(List.of(text.get("verdict.fix"), f)));
        v.evidence().forEach(e -> rows.add(List.of(text.get("verdict.evidence"), e)));
        v.alternatives().forEach(a -> rows.add(List.of(text.get("verdict.alternative"), verdict(a.name()) + " [" + a.name() + "]")));
        for (Finding f : r.findings()) {
            rows.add(List.of(text.get("verdict.finding"), finding(f)));
        }
        return new Section(text.get("section.verdict"), "", List.of(), rows, false);
    }

    private Section facts(CheckResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text.get("facts.date"), dateTime(r.startedAt())));
        rows.add(List.of(text.get("facts.duration"), millis(r.duration().toMillis())));
        rows.add(List.of(text.get("facts.program"), AppInfo.NAME + " " + r.appVersion()));
        Optional<SmtpServerFacts> smtp = r.smtp();
        smtp.ifPresentOrElse(s -> {
            rows.add(List.of(text.get("facts.server"), s.host() + ":" + s.port() + " (" + s.address() + ")"));
            rows.add(List.of(text.get("facts.clientAddress"), s.reportedClientAddress().orElse(text.get("facts.notSaid"))));
            rows.add(List.of(text.get("facts.banner"), String.join("\n", s.banner())));
            rows.add(List.of(text.get("facts.capabilities"), String.join("\n", s.capabilities())));
            rows.add(List.of(text.get("facts.authMechanisms"),
                    s.authMechanisms().isEmpty() ? "—" : String.join(" ", s.authMechanisms())));
            s.tls().ifPresentOrElse(t -> tls(t, rows), () -> rows.add(List.of(text.get("facts.tls"), text.get("facts.noTls"))));
        }, () -> rows.add(List.of(text.get("facts.server"), text.get("facts.noServer"))));
        return new Section(text.get("section.facts"), "", List.of(), rows, false);
    }

    private void tls(TlsFacts t, List<List<String>> rows) {
        rows.add(List.of(text.get("facts.tls"), t.protocol() + ", " + t.cipherSuite()));
        rows.add(List.of(text.get("facts.certSubject"), t.subject()));
        rows.add(List.of(text.get("facts.certIssuer"), t.issuer()));
        rows.add(List.of(text.get("facts.certExpires"), t.notAfter() == null ? "—" : dateTime(t.notAfter())));
        if (!t.subjectAltNames().isEmpty()) {
            rows.add(List.of(text.get("facts.certNames"), String.join(", ", t.subjectAltNames())));
        }
        if (!t.sha256().isEmpty()) {
            rows.add(List.of(text.get("facts.certSha256"), t.sha256()));
        }
        rows.add(List.of(text.get("facts.certTrust"), text.get(t.trusted() ? "yes" : "no") + "; "
                + text.get("facts.certMatches") + ": " + text.get(t.matchesHost() ? "yes" : "no")));
    }

    /// Every part the DNS model holds, each as its own table; empty parts are left out.
    private List<Section> dns(DnsReport d) {
        List<Section> out = new ArrayList<>();
        String note = text.get("dns.note", d.domain(), d.resolver(), d.mxStatus().name())
                + d.provider().map(p -> " " + text.get("dns.provider", p)).orElse("");
        List<List<String>> mx = new ArrayList<>();
        for (MxRecord m : d.mx()) {
            mx.add(List.of(String.valueOf(m.preference()), m.host(), m.provider().orElse("—"),
                    String.join(", ", m.addresses()), m.problem().map(Enum::name).orElse("")));
        }
        out.add(new Section(text.get("section.mx"), note, List.of(text.get("dns.preference"), text.get("dns.host"),
                text.get("dns.providerColumn"), text.get("dns.addresses"), text.get("dns.problem")), mx, false));
        if (!d.servers().isEmpty()) {
            out.add(new Section(text.get("section.servers"), "", List.of(text.get("dns.role"), text.get("dns.host"),
                    text.get("dns.status"), text.get("dns.addresses"), text.get("dns.didYouMean")),
                    d.servers().stream().map(s -> List.of(text.get("dns.role." + s.role()), s.host(), s.status().name(),
                            String.join(", ", s.addresses()), s.suggestion().orElse(""))).toList(), false));
        }
        if (!d.srv().isEmpty()) {
            out.add(new Section(text.get("section.srv"), "", List.of("service", "priority", "weight", "port", "target"),
                    d.srv().stream().map(s -> List.of(s.service(), String.valueOf(s.priority()), String.valueOf(s.weight()),
                            String.valueOf(s.port()), s.target())).toList(), false));
        }
        d.spf().ifPresent(spf -> {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(spf.domain(), spf.status().name(), spf.record().orElse("—"), "", ""));
            spf.evaluations().forEach(e -> rows.add(List.of("", "", "", e.address(), e.result().name() + " (" + e.mechanism() + ")")));
            out.add(new Section(text.get("section.spf"), "", List.of(text.get("dns.domain"), text.get("dns.status"),
                    text.get("dns.record"), text.get("dns.address"), text.get("dns.result")), rows, false));
        });
        if (!d.reverse().isEmpty()) {
            out.add(new Section(text.get("section.reverse"), "", List.of(text.get("dns.role"), text.get("dns.address"),
                    text.get("dns.status"), text.get("dns.name"), text.get("dns.confirmed")),
                    d.reverse().stream().map(x -> List.of(text.get("dns.role." + x.role()), x.address(), x.status().name(), x.name().orElse("—"),
                            text.get(x.confirmed() ? "yes" : "no"))).toList(), false));
        }
        if (!d.blocklists().isEmpty()) {
            out.add(new Section(text.get("section.blocklists"), "", List.of(text.get("dns.address"), text.get("dns.zone"),
                    text.get("dns.listed"), text.get("dns.codes"), text.get("dns.reason")),
                    d.blocklists().stream().map(b -> List.of(b.address(), b.zone() + (b.policy() ? " (policy)" : ""),
                            b.listed() ? text.get("yes") : b.status().name(), String.join(", ", b.codes()), b.reason()))
                            .toList(), false));
        }
        if (!d.findings().isEmpty()) {
            out.add(new Section(text.get("section.dnsFindings"), "", List.of(),
                    d.findings().stream().map(f -> List.of(f.severity().name(), finding(f))).toList(), false));
        }
        return out;
    }

    private Section steps(List<StepResult> steps) {
        List<List<String>> rows = new ArrayList<>();
        for (StepResult s : steps) {
            String summary = s.summary() + (s.evidence().isEmpty() ? "" : "\n" + String.join("\n", s.evidence()));
            rows.add(List.of(s.title(), text.get("outcome." + s.outcome().name()), millis(s.duration().toMillis()), summary));
        }
        return new Section(text.get("section.steps"), "", List.of(text.get("steps.step"), text.get("steps.outcome"),
                text.get("steps.duration"), text.get("steps.result")), rows, false);
    }

    private Section transcript(List<TranscriptLine> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (TranscriptLine l : lines) {
            String arrow = switch (l.direction()) {
                case CLIENT -> "C:";
                case SERVER -> "S:";
                case NOTE -> "--";
            };
            rows.add(List.of(TIME.format(l.at().atZone(zone)), "#" + l.connection(), arrow, l.text()));
        }
        return new Section(text.get("section.transcript"), text.get("transcript.note", Redactor.MASK, zone.getId()),
                List.of(), rows, true);
    }

    private String finding(Finding f) {
        String k = "finding." + f.code().name();
        String title = verdicts.has(k + ".title") ? verdicts.get(k + ".title") : f.code().name();
        String detail = verdicts.has(k + ".detail") ? JsonReport.fillDetails(verdicts.get(k + ".detail"), f.details()) : "";
        return title + " [" + f.code().name() + "]" + (detail.isEmpty() ? "" : ": " + detail);
    }

    private String change(ProfileChange c) {
        return switch (c) {
            case ProfileChange.RequireSmtpAuth r -> cli.get("check.change.requireSmtpAuth." + JsonReport.authMode(r.auth()));
            case ProfileChange.LogOnToIncomingFirst l -> cli.get("check.change.logOnToIncomingFirst");
            case ProfileChange.OutgoingPort p -> cli.get("check.change.outgoingPort", String.valueOf(p.port()),
                    cli.get("check.security." + p.security().name()));
            case ProfileChange.OutgoingHost h -> cli.get("check.change.outgoingHost", h.host());
            case ProfileChange.EmailAddress e -> cli.get("check.change.emailAddress", e.address());
        };
    }

    private String verdict(String code) {
        String k = "verdict." + code + ".title";
        return verdicts.has(k) ? verdicts.get(k) : code;
    }

    private String security(String name) {
        String k = "check.security." + name;
        return cli.has(k) ? cli.get(k) : name;
    }

    private String dateTime(Instant at) {
        return DATE_TIME.format(ZonedDateTime.ofInstant(at, zone));
    }

    private String millis(long ms) {
        return text.get("ms", ms);
    }

    private static String firstSentence(String s) {
        int end = s.indexOf(". ");
        return end < 0 ? s : s.substring(0, end + 1);
    }
}
