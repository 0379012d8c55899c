package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydoctor.probe.ServerReply;

/// Understands one server reply in layers: the wording of the common servers first (most specific), then the
/// enhanced status code (RFC 3463), then the basic code. The knowledge is data (`replies.json`, see
/// {@link ReplyKnowledge}); the check and the offline explainer share this one classifier.
///
/// Outcomes: a positive reply is {@link VerdictCode#OK}; a refusal gets the most likely code with the other
/// possible ones as alternatives; a refusal nothing explains is {@link VerdictCode#UNKNOWN} (its codes still
/// carry meaning, see {@link StatusCodes}). Input is bounded, so a huge or hostile reply costs little.
public final class ReplyClassifier {
    /// How much of a reply's text is looked at; real replies are far shorter.
    static final int MAX_TEXT = 2_000;
    private static final int MAX_LINES = 40;
    private static final Pattern BASIC_PREFIX = Pattern.compile("^\\d{3}[ -]?");
    private static final Pattern ENHANCED_PREFIX = Pattern.compile("^[245]\\.\\d{1,3}\\.\\d{1,3}\\b");

    /// Which layer of knowledge decided.
    public enum Layer {
        /// The server's wording matched a known pattern.
        WORDING,
        /// The enhanced status code decided.
        ENHANCED_CODE,
        /// The basic reply code decided.
        BASIC_CODE,
        /// The reply is positive.
        POSITIVE,
        /// Nothing known matched.
        NONE
    }

    /// A classification with the knowledge behind it.
    ///
    /// @param pattern  the wording entry that matched, when the layer is {@link Layer#WORDING}
    public record Match(Classification classification, Layer layer, Optional<ReplyKnowledge.ReplyPattern> pattern) {}

    private final ReplyKnowledge knowledge;

    public ReplyClassifier() {
        this(ReplyKnowledge.standard());
    }

    public ReplyClassifier(ReplyKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    /// The meaning of `reply`, received at `phase`.
    public Classification classify(ServerReply reply, SmtpPhase phase) {
        return match(reply, phase).classification();
    }

    /// The meaning of `reply` with the layer and knowledge entry that decided it.
    public Match match(ServerReply reply, SmtpPhase phase) {
        if (reply.isPositive()) {
            return new Match(new Classification(VerdictCode.OK, List.of(), Optional.empty(), Optional.empty(), false),
                    Layer.POSITIVE, Optional.empty());
        }
        String text = searchableText(reply);
        String enhanced = reply.enhancedCode();
        for (ReplyKnowledge.ReplyPattern p : knowledge.patterns()) {
            if (applies(p, reply, phase) && p.regex().matcher(text).find()) {
                return new Match(new Classification(p.verdict(), p.alternatives(), Optional.of(p.server()),
                        Optional.of(p.id()), p.relayRefusal()), Layer.WORDING, Optional.of(p));
            }
        }
        if (!enhanced.isEmpty()) {
            for (ReplyKnowledge.CodeRule r : knowledge.enhancedCodes()) {
                if (r.code().equals(enhanced) && ruleApplies(r, reply, phase)) {
                    return codeMatch(r, Layer.ENHANCED_CODE);
                }
            }
        }
        if (reply.code() != 0) {
            String basic = Integer.toString(reply.code());
            for (ReplyKnowledge.CodeRule r : knowledge.basicCodes()) {
                if (r.code().equals(basic) && ruleApplies(r, reply, phase)) {
                    return codeMatch(r, Layer.BASIC_CODE);
                }
            }
        }
        return new Match(new Classification(VerdictCode.UNKNOWN, List.of(), Optional.empty(), Optional.empty(), false),
                Layer.NONE, Optional.empty());
    }

    private static Match codeMatch(ReplyKnowledge.CodeRule r, Layer layer) {
        return new Match(new Classification(r.verdict(), r.alternatives(), Optional.empty(), Optional.empty(),
                r.relayRefusal()), layer, Optional.empty());
    }

    private static boolean applies(ReplyKnowledge.ReplyPattern p, ServerReply reply, SmtpPhase phase) {
        if (!p.phases().isEmpty() && !p.phases().contains(phase)) {
            return false;
        }
        if (!p.basic().isEmpty() && !p.basic().contains(reply.code())) {
            return false;
        }
        return p.enhanced().isEmpty() || reply.enhancedCode().isEmpty() || p.enhanced().contains(reply.enhancedCode());
    }

    private static boolean ruleApplies(ReplyKnowledge.CodeRule r, ServerReply reply, SmtpPhase phase) {
        return (r.phases().isEmpty() || r.phases().contains(phase))
                && (r.basic().isEmpty() || r.basic().contains(reply.code()));
    }

    /// The reply's words without codes, lines joined by a space, at most {@link #MAX_TEXT} characters, lower case,
    /// the Russian YO folded to YE (servers and translators write both).
    static String searchableText(ServerReply reply) {
        StringBuilder out = new StringBuilder();
        int lines = 0;
        for (String line : reply.lines()) {
            if (lines++ == MAX_LINES || out.length() >= MAX_TEXT) {
                break;
            }
            String rest = line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) : line;
            Matcher basic = BASIC_PREFIX.matcher(rest);
            if (basic.find()) {
                rest = rest.substring(basic.end());
            }
            Matcher e = ENHANCED_PREFIX.matcher(rest);
            if (e.find()) {
                rest = rest.substring(e.end());
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(rest.strip());
        }
        if (out.length() > MAX_TEXT) {
            out.setLength(MAX_TEXT);
        }
        return out.toString().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
