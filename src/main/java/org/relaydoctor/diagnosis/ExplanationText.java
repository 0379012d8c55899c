package org.relaydoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// An {@link Explanation} in words of one language: what the command line prints, the JSON carries and the
/// view shows. Built from the bundles `verdicts`, `explain` and `replycodes`.
///
/// @param notes        remarks on the kind of answer ("not a relay refusal", "no refusal in the text")
/// @param codes        the meaning of the reply's codes, one line each
/// @param undecided    what the text alone cannot tell and which check settles it; empty when nothing is open
/// @param facts        the facts found, one line each ("Outgoing server: smtp.example.com")
public record ExplanationText(
        String code, String title, String explanation, List<String> fix, List<String> evidence, List<String> notes,
        List<String> codes, List<Alternative> alternatives, Optional<String> undecided, List<String> facts) {

    public ExplanationText {
        fix = List.copyOf(fix);
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
        codes = List.copyOf(codes);
        alternatives = List.copyOf(alternatives);
        facts = List.copyOf(facts);
    }

    /// Another possible cause and what tells it apart from the verdict.
    public record Alternative(String code, String title, String tellApart) {}

    public static ExplanationText of(Explanation e, Locale locale) {
        Messages verdicts = Messages.load("verdicts", locale);
        Messages texts = Messages.load("explain", locale);
        String key = "verdict." + e.verdict().code().name();
        List<String> notes = new ArrayList<>();
        switch (e.kind()) {
            case EMPTY -> notes.add(texts.get("explain.empty"));
            case UNRECOGNISED -> notes.add(texts.get("explain.unrecognised"));
            default -> {
                if (!e.refusal()) {
                    notes.add(texts.get("explain.noRefusal"));
                } else if (!e.relayRefusal() && e.patternId().isPresent() && e.verdict().code() == VerdictCode.UNKNOWN) {
                    notes.add(texts.get("explain.notRelay"));
                } else if (e.verdict().code() == VerdictCode.UNKNOWN && e.reply().isPresent()) {
                    notes.add(texts.get("explain.unknownWording"));
                }
            }
        }
        List<String> codes = e.reply().map(r -> new StatusCodes(locale).describe(r)).orElse(List.of());
        List<Alternative> alternatives = e.verdict().alternatives().stream()
                .map(a -> new Alternative(a.name(), verdicts.get("verdict." + a.name() + ".title"),
                        verdicts.get("verdict." + a.name() + ".tellApart")))
                .toList();
        Optional<String> undecided = e.settledBy().map(s -> texts.get("settle." + s.name()));
        List<String> facts = new ArrayList<>();
        ExtractedFacts f = e.facts();
        e.server().ifPresent(v -> facts.add(texts.get("fact.serverFamily", v)));
        e.clientError().ifPresent(v -> facts.add(texts.get("fact.clientError", v)));
        f.outgoingServer().ifPresent(v -> facts.add(texts.get("fact.server", v)));
        f.port().ifPresent(v -> facts.add(texts.get("fact.port", Integer.toString(v))));
        f.ssl().ifPresent(v -> facts.add(texts.get("fact.ssl", texts.get(v ? "fact.yes" : "fact.no"))));
        f.account().ifPresent(v -> facts.add(texts.get("fact.account", v)));
        f.sender().ifPresent(v -> facts.add(texts.get("fact.sender", v)));
        f.recipient().ifPresent(v -> facts.add(texts.get("fact.recipient", v)));
        f.reportingMta().ifPresent(v -> facts.add(texts.get("fact.reportingMta", v)));
        f.remoteMta().ifPresent(v -> facts.add(texts.get("fact.remoteMta", v)));
        if (!f.addresses().isEmpty()) {
            facts.add(texts.get("fact.addresses", String.join(", ", f.addresses())));
        }
        boolean answered = e.refusal() || e.verdict().code() == VerdictCode.OK;
        return new ExplanationText(e.verdict().code().name(), answered ? verdicts.get(key + ".title") : "",
                answered ? verdicts.get(key + ".explanation") : "", answered ? verdicts.list(key + ".fix") : List.of(),
                e.verdict().evidence(), notes, codes, alternatives, undecided, facts);
    }
}
