package org.relaydoctor.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/// Brings a profiles file of an older schema up to {@link ProfileJson#SCHEMA_VERSION}, one step per version,
/// on the JSON tree (before any binding), so each step sees exactly the shape its version wrote.
///
/// Versions: **0** — the 0.0.x development builds: `{"version":0,"accounts":{NAME:{flat fields}}}`;
/// **1** — `{"schemaVersion":1,"writtenBy":…,"profiles":[…]}` with nested servers (see {@link ProfileJson}).
public final class ProfileMigrations {

    /// One step from `from` to `from + 1`.
    private record Step(int from, UnaryOperator<ObjectNode> change) {}

    private static final List<Step> STEPS = List.of(new Step(0, ProfileMigrations::v0ToV1));

    private ProfileMigrations() {}

    /// The schema version a file's root declares: `schemaVersion`, or 0 for the shape without it.
    /// @throws ProfileJson.FormatException when the version is there but not a whole non-negative number
    static int versionOf(JsonNode root) throws ProfileJson.FormatException {
        JsonNode v = root.get("schemaVersion");
        if (v == null) {
            JsonNode old = root.get("version");
            if (root.has("accounts") && (old == null || old.isInt() && old.intValue() == 0)) {
                return 0;
            }
            if (root.has("profiles")) {
                throw new ProfileJson.FormatException("schemaVersion: missing");
            }
            throw new ProfileJson.FormatException("neither \"profiles\" nor \"accounts\": not a profiles file");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new ProfileJson.FormatException("schemaVersion: '" + v + "' is not a version number");
        }
        return v.intValue();
    }

    /// `root` brought from version `from` to the current one; `from` must not be newer than the current.
    static ObjectNode migrate(ObjectNode root, int from) {
        if (from > ProfileJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema " + from + " is newer than " + ProfileJson.SCHEMA_VERSION);
        }
        ObjectNode current = root;
        for (Step step : STEPS) {
            if (step.from() >= from) {
                current = step.change().apply(current);
            }
        }
        return current;
    }

    /// 0 -> 1: accounts keyed by name become a list; flat server fields become nested objects; the boolean
    /// SSL flags become a security value; "smtpAuth": true meant "same as incoming".
    private static ObjectNode v0ToV1(ObjectNode root) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("schemaVersion", 1);
        out.put("writtenBy", root.path("writtenBy").asText("Relay Doctor 0.0.x"));
        ArrayNode profiles = out.putArray("profiles");
        JsonNode accounts = root.path("accounts");
        for (Map.Entry<String, JsonNode> account : accounts.properties()) {
            JsonNode a = account.getValue();
            if (!a.isObject()) {
                // Kept as it is: the entry check reports it like any other broken entry.
                profiles.add(a);
                continue;
            }
            ObjectNode p = profiles.addObject();
            p.put("name", account.getKey());
            copyText(a, "fullName", p, "displayName");
            copyText(a, "email", p, "email");
            copyText(a, "user", p, "login");
            ObjectNode in = p.putObject("incoming");
            in.put("protocol", a.path("imap").asBoolean(false) ? "IMAP" : "POP3");
            copyText(a, "pop3Host", in, "host");
            copyNumber(a, "pop3Port", in, "port");
            in.put("security", a.path("pop3Ssl").asBoolean(false) ? "SSL_TLS" : "NONE");
            ObjectNode outServer = p.putObject("outgoing");
            copyText(a, "smtpHost", outServer, "host");
            copyNumber(a, "smtpPort", outServer, "port");
            outServer.put("security", a.path("smtpSsl").asBoolean(false) ? "SSL_TLS"
                    : a.path("smtpStartTls").asBoolean(false) ? "STARTTLS" : "NONE");
            p.putObject("smtpAuth").put("mode", a.path("smtpAuth").asBoolean(true) ? "SAME_AS_INCOMING" : "OFF");
            p.put("logOnToIncomingFirst", a.path("popBeforeSmtp").asBoolean(false));
            copyText(a, "testRecipient", p, "testRecipient");
        }
        return out;
    }

    private static void copyText(JsonNode from, String fromField, ObjectNode to, String toField) {
        JsonNode v = from.get(fromField);
        if (v != null && !v.isNull()) {
            to.set(toField, v.isTextual() ? v : JsonNodeFactory.instance.textNode(v.asText()));
        }
    }

    private static void copyNumber(JsonNode from, String fromField, ObjectNode to, String toField) {
        JsonNode v = from.get(fromField);
        if (v != null && !v.isNull()) {
            to.set(toField, v);
        }
    }
}
