package org.relaydoctor.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The JSON shape of profiles on disk, shared by the store (`profiles.json`) and by exported profile files.
/// Kept apart from {@link AccountProfile} so the model can change without breaking files, and so a
/// hand-edited file is checked field by field with a message naming the field.
///
/// Enums, ports and times are read as text/numbers here and validated in {@link #toModel}, because
/// Jackson's own messages for them are not fit to show a user. There is deliberately no password field.
final class ProfileJson {
    /// The schema this version writes. Bump it with a step in {@link ProfileMigrations}.
    static final int SCHEMA_VERSION = 1;

    private ProfileJson() {}

    /// Writes files. Reading goes through {@link JsonTree} and {@link #entry}: the window reads the profiles at start,
    /// where the first mapper's 100 ms of class loading would be in its way.
    static final class Writer {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();

        private Writer() {}

        static byte[] bytes(List<EntryJson> entries) throws JsonProcessingException {
            return MAPPER.writeValueAsBytes(file(entries));
        }
    }

    /// The whole file: the schema version, the program version that wrote it, the profiles.
    record FileJson(Integer schemaVersion, String writtenBy, List<EntryJson> profiles) {}

    /// One profile. `id`, `rememberPassword` and `lastResult` are left out of exported files.
    record EntryJson(
            String id,
            String name,
            String displayName,
            String email,
            IncomingJson incoming,
            OutgoingJson outgoing,
            String login,
            SmtpAuthJson smtpAuth,
            Boolean logOnToIncomingFirst,
            String testRecipient,
            Integer timeoutSeconds,
            Boolean rememberPassword,
            LastResultJson lastResult) {}

    record IncomingJson(String protocol, String host, Integer port, String security) {}

    record OutgoingJson(String host, Integer port, String security) {}

    /// `mode` is `OFF`, `SAME_AS_INCOMING` or `OWN_LOGIN` (then with `user`).
    record SmtpAuthJson(String mode, String user) {}

    record LastResultJson(String verdict, String checkedAt) {}

    /// A field of one entry that cannot become part of a profile; the message names the field.
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    static FileJson file(List<EntryJson> entries) {
        return new FileJson(SCHEMA_VERSION, "Relay Doctor " + org.relaydoctor.AppInfo.version(), entries);
    }

    /// The entry for a stored profile; `withStoreFields` false drops what only makes sense on this machine.
    static EntryJson fromModel(StoredProfile stored, boolean withStoreFields) {
        AccountProfile p = stored.profile();
        SmtpAuthJson auth = switch (p.smtpAuth()) {
            case SmtpAuth.Off() -> new SmtpAuthJson("OFF", null);
            case SmtpAuth.SameAsIncoming() -> new SmtpAuthJson("SAME_AS_INCOMING", null);
            case SmtpAuth.OwnLogin(String user) -> new SmtpAuthJson("OWN_LOGIN", user);
        };
        return new EntryJson(
                withStoreFields ? stored.id() : null,
                p.name(),
                p.displayName(),
                p.email(),
                new IncomingJson(p.incoming().protocol().name(), p.incoming().host(), p.incoming().port(),
                        p.incoming().security().name()),
                new OutgoingJson(p.outgoing().host(), p.outgoing().port(), p.outgoing().security().name()),
                p.login(),
                auth,
                p.logOnToIncomingFirst(),
                p.testRecipient(),
                (int) Math.max(1, p.timeout().toSeconds()),
                withStoreFields ? stored.rememberPassword() : null,
                withStoreFields
                        ? stored.lastResult()
                                .map(r -> new LastResultJson(r.verdictCode(), r.checkedAt().toString()))
                                .orElse(null)
                        : null);
    }

    /// One entry of a file's `profiles` list, field by field. Unknown fields are ignored; a field of the wrong kind
    /// is reported by its path. Scalars are taken as Jackson's data binding takes them: a number or `true` where text
    /// is expected is its text, and "587" where a number is expected is 587.
    static EntryJson entry(JsonNode node) throws FormatException {
        JsonNode in = object(node, "incoming", "");
        JsonNode out = object(node, "outgoing", "");
        JsonNode auth = object(node, "smtpAuth", "");
        JsonNode last = object(node, "lastResult", "");
        return new EntryJson(
                text(node, "id", ""),
                text(node, "name", ""),
                text(node, "displayName", ""),
                text(node, "email", ""),
                in == null ? null : new IncomingJson(text(in, "protocol", "incoming."), text(in, "host", "incoming."),
                        whole(in, "port", "incoming."), text(in, "security", "incoming.")),
                out == null ? null : new OutgoingJson(text(out, "host", "outgoing."), whole(out, "port", "outgoing."),
                        text(out, "security", "outgoing.")),
                text(node, "login", ""),
                auth == null ? null : new SmtpAuthJson(text(auth, "mode", "smtpAuth."), text(auth, "user", "smtpAuth.")),
                bool(node, "logOnToIncomingFirst", ""),
                text(node, "testRecipient", ""),
                whole(node, "timeoutSeconds", ""),
                bool(node, "rememberPassword", ""),
                last == null ? null : new LastResultJson(text(last, "verdict", "lastResult."),
                        text(last, "checkedAt", "lastResult.")));
    }

    private static JsonNode object(JsonNode parent, String field, String path) throws FormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(path + field, v, "an object");
        }
        return v;
    }

    private static String text(JsonNode parent, String field, String path) throws FormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw wrongType(path + field, v, "text");
        }
        return v.asText();
    }

    private static Integer whole(JsonNode parent, String field, String path) throws FormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().strip());
            } catch (NumberFormatException notWhole) {
                // reported below
            }
        }
        throw wrongType(path + field, v, "a whole number");
    }

    private static Boolean bool(JsonNode parent, String field, String path) throws FormatException {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(v.asText());
        }
        throw wrongType(path + field, v, "true or false");
    }

    private static FormatException wrongType(String path, JsonNode value, String expected) {
        String found = value.isContainerNode() ? value.getNodeType().name().toLowerCase(Locale.ROOT) : value.toString();
        return new FormatException(path + ": wrong type (" + found + " where " + expected + " was expected)");
    }

    /// The stored profile for an entry; a missing `id` gets a fresh one (imported and older files).
    static StoredProfile toModel(EntryJson e) throws FormatException {
        String name = required(e.name(), "name");
        String email = required(e.email(), "email");
        OutgoingJson out = e.outgoing();
        if (out == null) {
            throw new FormatException("outgoing: missing");
        }
        Security outSecurity = enumValue(Security.class, out.security(), "outgoing.security", Security.NONE);
        int outPort = port(out.port(), "outgoing.port", defaultSmtpPort(outSecurity));
        OutgoingServer outgoing = new OutgoingServer(required(out.host(), "outgoing.host"), outPort, outSecurity);

        IncomingJson in = e.incoming() == null ? new IncomingJson(null, "", null, null) : e.incoming();
        MailProtocol protocol = enumValue(MailProtocol.class, in.protocol(), "incoming.protocol", MailProtocol.POP3);
        Security inSecurity = enumValue(Security.class, in.security(), "incoming.security", Security.NONE);
        if (inSecurity == Security.AUTO) {
            throw new FormatException("incoming.security: AUTO is only valid for the outgoing server");
        }
        IncomingServer incoming = new IncomingServer(protocol, in.host() == null ? "" : in.host().strip(),
                port(in.port(), "incoming.port", protocol.defaultPort(inSecurity)), inSecurity);

        SmtpAuth auth = smtpAuth(e.smtpAuth());
        int timeout = e.timeoutSeconds() == null
                ? (int) AccountProfile.DEFAULT_TIMEOUT.toSeconds() : e.timeoutSeconds();
        if (timeout < 1 || timeout > 3600) {
            throw new FormatException("timeoutSeconds: " + timeout + " is outside 1..3600");
        }
        AccountProfile profile = new AccountProfile(name, orEmpty(e.displayName()), email, incoming, outgoing,
                orEmpty(e.login()), auth, Boolean.TRUE.equals(e.logOnToIncomingFirst()), orEmpty(e.testRecipient()),
                Duration.ofSeconds(timeout));
        String id = e.id() == null || e.id().isBlank() ? StoredProfile.newId() : e.id();
        return new StoredProfile(id, profile, Boolean.TRUE.equals(e.rememberPassword()), lastResult(e.lastResult()));
    }

    /// The label of an entry in messages: its name when it has one, else its position (1-based).
    static String label(JsonNode entry, int index) {
        JsonNode name = entry == null ? null : entry.get("name");
        return name != null && name.isTextual() && !name.asText().isBlank()
                ? "\"" + name.asText() + "\" (#" + (index + 1) + ")"
                : "#" + (index + 1);
    }

    private static Optional<LastResult> lastResult(LastResultJson r) throws FormatException {
        if (r == null) {
            return Optional.empty();
        }
        String verdict = required(r.verdict(), "lastResult.verdict");
        try {
            return Optional.of(new LastResult(verdict, Instant.parse(required(r.checkedAt(), "lastResult.checkedAt"))));
        } catch (DateTimeException ex) {
            throw new FormatException("lastResult.checkedAt: '" + r.checkedAt() + "' is not an ISO-8601 instant");
        }
    }

    private static SmtpAuth smtpAuth(SmtpAuthJson a) throws FormatException {
        if (a == null || a.mode() == null) {
            return new SmtpAuth.SameAsIncoming();
        }
        return switch (a.mode().strip().toUpperCase(Locale.ROOT)) {
            case "OFF" -> new SmtpAuth.Off();
            case "SAME_AS_INCOMING" -> new SmtpAuth.SameAsIncoming();
            case "OWN_LOGIN" -> new SmtpAuth.OwnLogin(required(a.user(), "smtpAuth.user"));
            default -> throw new FormatException("smtpAuth.mode: unknown value '" + a.mode()
                    + "' (expected OFF, SAME_AS_INCOMING or OWN_LOGIN)");
        };
    }

    static int defaultSmtpPort(Security security) {
        return switch (security) {
            case SSL_TLS -> 465;
            case STARTTLS -> 587;
            case NONE, AUTO -> 25;
        };
    }

    private static int port(Integer value, String field, int fallback) throws FormatException {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 65535) {
            throw new FormatException(field + ": " + value + " is not a port number (1..65535)");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, E fallback)
            throws FormatException {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new FormatException(field + ": unknown value '" + value + "' (expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    private static String required(String value, String field) throws FormatException {
        if (value == null || value.isBlank()) {
            throw new FormatException(field + ": missing");
        }
        return value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
