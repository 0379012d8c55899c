package org.relaydoctor.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// What server replies and mail programs' error numbers mean: the data of `replies.json`, read once.
/// The team extends the file, not the code; `ReplyKnowledgeTest` replays every entry's example.
public final class ReplyKnowledge {
    private static final String RESOURCE = "/org/relaydoctor/diagnosis/replies.json";

    /// One known wording of one server.
    ///
    /// @param enhanced  enhanced codes the entry is limited to when the reply carries one; empty for any
    /// @param basic     basic codes the reply must carry; empty for any (or none)
    /// @param phases    phases the reply must have come at; empty for any
    public record ReplyPattern(
            String id, String server, Pattern regex, Set<SmtpPhase> phases, Set<String> enhanced, Set<Integer> basic,
            VerdictCode verdict, List<VerdictCode> alternatives, boolean relayRefusal, String example, String source,
            Optional<String> note) {
        public ReplyPattern {
            phases = phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
            enhanced = Set.copyOf(enhanced);
            basic = Set.copyOf(basic);
            alternatives = List.copyOf(alternatives);
        }
    }

    /// The meaning of a code (enhanced such as "5.7.1" or basic such as "550") when no wording is known.
    public record CodeRule(
            String code, Set<Integer> basic, Set<SmtpPhase> phases, VerdictCode verdict,
            List<VerdictCode> alternatives, boolean relayRefusal) {
        public CodeRule {
            basic = Set.copyOf(basic);
            phases = Set.copyOf(phases);
            alternatives = List.copyOf(alternatives);
        }
    }

    /// A mail program's own error number, such as Outlook's 0x800CCC79.
    public record ClientError(
            String number, String client, VerdictCode verdict, List<VerdictCode> alternatives, boolean relayRefusal) {
        public ClientError {
            alternatives = List.copyOf(alternatives);
        }
    }

    /// A mail program's own wording for a failure that carries no server reply (Thunderbird, Outlook).
    public record ClientMessage(
            String id, String client, Pattern regex, VerdictCode verdict, List<VerdictCode> alternatives,
            String example, String source) {
        public ClientMessage {
            alternatives = List.copyOf(alternatives);
        }
    }

    private static final class Holder {
        static final ReplyKnowledge STANDARD = load();
    }

    private final List<ReplyPattern> patterns;
    private final List<CodeRule> enhancedCodes;
    private final List<CodeRule> basicCodes;
    private final List<ClientError> clientErrors;
    private final List<ClientMessage> clientMessages;

    private ReplyKnowledge(List<ReplyPattern> patterns, List<CodeRule> enhancedCodes, List<CodeRule> basicCodes,
            List<ClientError> clientErrors, List<ClientMessage> clientMessages) {
        this.patterns = List.copyOf(patterns);
        this.enhancedCodes = List.copyOf(enhancedCodes);
        this.basicCodes = List.copyOf(basicCodes);
        this.clientErrors = List.copyOf(clientErrors);
        this.clientMessages = List.copyOf(clientMessages);
    }

    /// The knowledge shipped with the program, parsed and compiled on first use.
    public static ReplyKnowledge standard() {
        return Holder.STANDARD;
    }

    public List<ReplyPattern> patterns() {
        return patterns;
    }

    public List<CodeRule> enhancedCodes() {
        return enhancedCodes;
    }

    public List<CodeRule> basicCodes() {
        return basicCodes;
    }

    public List<ClientError> clientErrors() {
        return clientErrors;
    }

    public List<ClientMessage> clientMessages() {
        return clientMessages;
    }

    /// The client error with this number ("0x800CCC79", any case), if known.
    public Optional<ClientError> clientError(String number) {
        String wanted = number.toUpperCase(Locale.ROOT).replace("0X", "0x");
        return clientErrors.stream().filter(c -> c.number().equalsIgnoreCase(wanted)).findFirst();
    }

    private static ReplyKnowledge load() {
        try (InputStream in = ReplyKnowledge.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /// Builds the knowledge from a parsed `replies.json` tree; a malformed entry fails loudly with its id.
    static ReplyKnowledge parse(JsonNode root) {
        List<ReplyPattern> patterns = new ArrayList<>();
        for (JsonNode n : root.path("patterns")) {
            String id = text(n, "id");
            try {
                patterns.add(new ReplyPattern(id, text(n, "server"),
                        Pattern.compile(text(n, "pattern"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        phases(n), strings(n.path("enhanced")), ints(n.path("basic")),
                        VerdictCode.valueOf(text(n, "verdict")), codes(n.path("alternatives")),
                        n.path("relayRefusal").asBoolean(false), text(n, "example"), text(n, "source"),
                        Optional.ofNullable(n.path("note").textValue())));
            } catch (RuntimeException e) {
                throw new IllegalStateException("Bad entry '" + id + "' in " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
        List<ClientError> clients = new ArrayList<>();
        for (JsonNode n : root.path("clientErrors")) {
            clients.add(new ClientError(text(n, "number"), text(n, "client"), VerdictCode.valueOf(text(n, "verdict")),
                    codes(n.path("alternatives")), n.path("relayRefusal").asBoolean(false)));
        }
        List<ClientMessage> messages = new ArrayList<>();
        for (JsonNode n : root.path("clientMessages")) {
            messages.add(new ClientMessage(text(n, "id"), text(n, "client"),
                    Pattern.compile(text(n, "pattern"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    VerdictCode.valueOf(text(n, "verdict")), codes(n.path("alternatives")), text(n, "example"),
                    text(n, "source")));
        }
        return new ReplyKnowledge(patterns, rules(root.path("enhancedCodes")), rules(root.path("basicCodes")), clients,
                messages);
    }

    private static List<CodeRule> rules(JsonNode array) {
        List<CodeRule> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new CodeRule(n.path("code").asText(), ints(n.path("basic")), phases(n),
                    VerdictCode.valueOf(text(n, "verdict")), codes(n.path("alternatives")),
                    n.path("relayRefusal").asBoolean(false)));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalStateException("missing field '" + field + "'");
        }
        return v.asText();
    }

    private static Set<SmtpPhase> phases(JsonNode n) {
        Set<SmtpPhase> out = EnumSet.noneOf(SmtpPhase.class);
        n.path("phases").forEach(p -> out.add(SmtpPhase.valueOf(p.asText())));
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<Integer> ints(JsonNode array) {
        Set<Integer> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    private static List<VerdictCode> codes(JsonNode array) {
        List<VerdictCode> out = new ArrayList<>();
        array.forEach(v -> out.add(VerdictCode.valueOf(v.asText())));
        return out;
    }
}
