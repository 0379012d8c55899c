package org.relaydoctor.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
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

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProfileJson() {}

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
