package org.relaydoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.relaydoctor.AppInfo;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.StepResult;
import org.relaydoctor.diagnosis.Explanation;
import org.relaydoctor.diagnosis.ExplanationText;
import org.relaydoctor.diagnosis.ExtractedFacts;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.probe.TranscriptLine;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.SmtpAuth;

/// The JSON form of a check result: the schema of the command line's `--json` and of the JSON report.
/// Built field by field, so the schema is stated here and changes only on purpose. Version 1.
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Messages verdicts;

    public JsonReport(Locale locale) {
        this.verdicts = Messages.load("verdicts", locale);
    }

    public String write(CheckResult result) {
        try {
            return MAPPER.writeValueAsString(tree(result));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a check result as JSON", e);
        }
    }

    public ObjectNode tree(CheckResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        root.put("kind", "check");
        root.putObject("app").put("name", AppInfo.NAME).put("version", result.appVersion());
        root.put("language", verdicts.locale().getLanguage());
        root.put("startedAt", result.startedAt().toString());
        root.put("durationMs", result.duration().toMillis());
        root.set("profile", profile(result.profile()));
        root.set("verdict", verdict(result.verdict()));
        root.set("findings", findings(result.findings()));
        ArrayNode steps = root.putArray("steps");
        for (StepResult s : result.steps()) {
            ObjectNode n = steps.addObject();
            n.put("id", s.id()).put("kind", s.kind().name()).put("title", s.title()).put("outcome", s.outcome().name())
                    .put("durationMs", s.duration().toMillis()).put("summary", s.summary());
            strings(n.putArray("evidence"), s.evidence());
        }
        result.dns().ifPresent(d -> root.set("dns", dns(d)));
        result.smtp().ifPresent(s -> root.set("smtp", smtp(s)));
        ArrayNode transcript = root.putArray("transcript");
        for (TranscriptLine l : result.transcript()) {
            transcript.addObject().put("at", l.at().toString()).put("connection", l.connection())
                    .put("direction", l.direction().name()).put("text", l.text());
        }
        return root;
    }

    /// The verdict object alone: code, texts in the report's language, evidence, alternatives, changes.
    public ObjectNode verdict(RelayVerdict v) {
        ObjectNode n = MAPPER.createObjectNode();
        String key = "verdict." + v.code().name();
        n.put("code", v.code().name());
        n.put("title", verdicts.get(key + ".title"));
        n.put("explanation", verdicts.get(key + ".explanation"));
        strings(n.putArray("fix"), verdicts.list(key + ".fix"));
        n.put("verified", v.verified());
        strings(n.putArray("evidence"), v.evidence());
        ArrayNode alternatives = n.putArray("alternatives");
        v.alternatives().forEach(a -> alternatives.addObject().put("code", a.name())
                .put("title", verdicts.get("verdict." + a.name() + ".title")));
        ArrayNode changes = n.putArray("changes");
        for (ProfileChange c : v.changes()) {
            ObjectNode cn = changes.addObject();
            switch (c) {
                case ProfileChange.RequireSmtpAuth r -> cn.put("type", "requireSmtpAuth").put("mode", authMode(r.auth()));
                case ProfileChange.LogOnToIncomingFirst l -> cn.put("type", "logOnToIncomingFirst");
                case ProfileChange.OutgoingPort p -> cn.put("type", "outgoingPort").put("port", p.port())
                        .put("security", p.security().name());
                case ProfileChange.OutgoingHost h -> cn.put("type", "outgoingHost").put("host", h.host());
                case ProfileChange.EmailAddress e -> cn.put("type", "emailAddress").put("address", e.address());
            }
        }
        return n;
    }

    /// The JSON of `relay-doctor explain --json`: the verdict object as for a check (with what tells each
    /// alternative apart), the reply's code meanings, what the text cannot decide, and the facts found.
    public String write(Explanation e) {
        try {
            return MAPPER.writeValueAsString(tree(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("Cannot render an explanation as JSON", ex);
        }
    }

    public ObjectNode tree(Explanation e) {
        ExplanationText text = ExplanationText.of(e, verdicts.locale());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        root.put("kind", "explain");
        root.putObject("app").put("name", AppInfo.NAME).put("version", AppInfo.version());
        root.put("language", verdicts.locale().getLanguage());
        ObjectNode input = root.putObject("input");
        input.put("kind", e.kind().name()).put("refusal", e.refusal()).put("relayRefusal", e.relayRefusal())
                .put("phase", e.phase().name());
        e.server().ifPresent(v -> input.put("server", v));
        e.patternId().ifPresent(v -> input.put("patternId", v));
        e.clientError().ifPresent(v -> input.put("clientError", v));
        e.reply().ifPresent(r -> {
            ObjectNode reply = input.putObject("reply");
            reply.put("code", r.code()).put("enhancedCode", r.enhancedCode());
            strings(reply.putArray("lines"), r.lines());
        });
        ObjectNode verdict = verdict(e.verdict());
        ArrayNode alternatives = verdict.putArray("alternatives");
        text.alternatives().forEach(a -> alternatives.addObject().put("code", a.code()).put("title", a.title())
                .put("tellApart", a.tellApart()));
        root.set("verdict", verdict);
        strings(root.putArray("notes"), text.notes());
        strings(root.putArray("codes"), text.codes());
        ObjectNode undecided = root.putObject("undecided");
        e.settledBy().ifPresent(s -> undecided.put("settledBy", s.name()));
        text.undecided().ifPresent(t -> undecided.put("text", t));
        ObjectNode facts = root.putObject("facts");
        ExtractedFacts f = e.facts();
        f.outgoingServer().ifPresent(v -> facts.put("outgoingServer", v));
        f.port().ifPresent(v -> facts.put("port", v));
        f.ssl().ifPresent(v -> facts.put("ssl", v));
        f.account().ifPresent(v -> facts.put("account", v));
        f.sender().ifPresent(v -> facts.put("sender", v));
        f.recipient().ifPresent(v -> facts.put("recipient", v));
        f.reportingMta().ifPresent(v -> facts.put("reportingMta", v));
        f.remoteMta().ifPresent(v -> facts.put("remoteMta", v));
        strings(facts.putArray("addresses"), f.addresses());
        return root;
    }

    public ArrayNode findings(List<Finding> findings) {
        ArrayNode out = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode n = out.addObject();
            n.put("code", f.code().name()).put("severity", f.severity().name())
                    .put("title", verdicts.get("finding." + f.code().name() + ".title"))
                    .put("detail", fillDetails(verdicts.get("finding." + f.code().name() + ".detail"), f.details()));
            ObjectNode details = n.putObject("details");
            f.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> details.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private ObjectNode profile(AccountProfile p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", p.name()).put("displayName", p.displayName()).put("email", p.email()).put("login", p.login());
        n.putObject("incoming").put("protocol", p.incoming().protocol().name()).put("host", p.incoming().host())
                .put("port", p.incoming().port()).put("security", p.incoming().security().name());
        n.putObject("outgoing").put("host", p.outgoing().host()).put("port", p.outgoing().port())
                .put("security", p.outgoing().security().name());
        n.put("smtpAuth", authMode(p.smtpAuth()));
        if (p.smtpAuth() instanceof SmtpAuth.OwnLogin own) {
            n.put("smtpUser", own.user());
        }
        n.put("logOnToIncomingFirst", p.logOnToIncomingFirst());
        n.put("testRecipient", p.testRecipient());
        n.put("timeoutSeconds", p.timeout().toSeconds());
        return n;
    }

    /// The `dns` section: of a check's result, and the whole output of `relay-doctor dns --json`.
    public ObjectNode dns(DnsReport d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("domain", d.domain()).put("resolver", d.resolver()).put("mxStatus", d.mxStatus().name());
        d.provider().ifPresent(p -> n.put("provider", p));
        ArrayNode mx = n.putArray("mx");
        for (MxRecord r : d.mx()) {
            ObjectNode m = mx.addObject().put("preference", r.preference()).put("host", r.host());
            r.provider().ifPresent(p -> m.put("provider", p));
            strings(m.putArray("addresses"), r.addresses());
            r.problem().ifPresent(p -> m.put("problem", p.name()));
        }
        ArrayNode servers = n.putArray("servers");
        for (DnsReport.ServerName s : d.servers()) {
            ObjectNode sn = servers.addObject().put("role", s.role()).put("host", s.host()).put("status", s.status().name());
            strings(sn.putArray("addresses"), s.addresses());
            s.suggestion().ifPresent(x -> sn.put("didYouMean", x));
        }
        ArrayNode srv = n.putArray("srv");
        d.srv().forEach(r -> srv.addObject().put("service", r.service()).put("priority", r.priority())
                .put("weight", r.weight()).put("port", r.port()).put("target", r.target()));
        d.spf().ifPresent(spf -> {
            ObjectNode sn = n.putObject("spf");
            sn.put("domain", spf.domain()).put("status", spf.status().name());
            spf.record().ifPresent(r -> sn.put("record", r));
            ArrayNode ev = sn.putArray("evaluations");
            spf.evaluations().forEach(e -> ev.addObject().put("address", e.address()).put("result", e.result().name())
                    .put("mechanism", e.mechanism()).put("lookups", e.lookups()));
        });
        ArrayNode reverse = n.putArray("reverse");
        d.reverse().forEach(r -> {
            ObjectNode rn = reverse.addObject().put("role", r.role()).put("address", r.address())
                    .put("status", r.status().name()).put("forwardConfirmed", r.confirmed());
            r.name().ifPresent(x -> rn.put("name", x));
        });
        ArrayNode lists = n.putArray("blocklists");
        d.blocklists().forEach(b -> {
            ObjectNode bn = lists.addObject().put("address", b.address()).put("zone", b.zone())
                    .put("status", b.status().name()).put("listed", b.listed()).put("policy", b.policy());
            strings(bn.putArray("codes"), b.codes());
            if (!b.reason().isEmpty()) {
                bn.put("reason", b.reason());
            }
        });
        n.set("findings", findings(d.findings()));
        return n;
    }

    /// The JSON of `relay-doctor dns DOMAIN --json`.
    public String write(DnsReport d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA_VERSION);
        root.put("kind", "dns");
        root.putObject("app").put("name", AppInfo.NAME).put("version", AppInfo.version());
        root.put("language", verdicts.locale().getLanguage());
        root.set("dns", dns(d));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render a DNS report as JSON", e);
        }
    }

    private ObjectNode smtp(SmtpServerFacts s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("host", s.host()).put("port", s.port()).put("address", s.address());
        strings(n.putArray("banner"), s.banner());
        strings(n.putArray("capabilities"), s.capabilities());
        strings(n.putArray("authMechanisms"), s.authMechanisms());
        s.reportedClientAddress().ifPresent(a -> n.put("reportedClientAddress", a));
        s.tls().ifPresent(t -> {
            ObjectNode tn = n.putObject("tls");
            tn.put("protocol", t.protocol()).put("cipherSuite", t.cipherSuite()).put("subject", t.subject())
                    .put("issuer", t.issuer()).put("notAfter", String.valueOf(t.notAfter()))
                    .put("trusted", t.trusted()).put("matchesHost", t.matchesHost());
            if (!t.sha256().isEmpty()) {
                tn.put("sha256", t.sha256());
            }
            strings(tn.putArray("subjectAltNames"), t.subjectAltNames());
        });
        return n;
    }

    /// Fills `{name}` placeholders of a finding text from its details.
    public static String fillDetails(String pattern, java.util.Map<String, String> details) {
        String out = pattern;
        for (var e : details.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    static String authMode(SmtpAuth auth) {
        return switch (auth) {
            case SmtpAuth.Off o -> "off";
            case SmtpAuth.SameAsIncoming s -> "same";
            case SmtpAuth.OwnLogin l -> "separate";
        };
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
