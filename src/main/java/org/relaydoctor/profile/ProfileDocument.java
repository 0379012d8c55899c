package org.relaydoctor.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/// Reads the text of a profiles file into profiles, entry by entry, so one broken entry costs only itself.
/// Shared by {@link ProfileStore} and {@link ProfileFiles}.
sealed interface ProfileDocument {

    /// The file was read; some entries may have been skipped.
    record Readable(int fileVersion, List<StoredProfile> profiles, List<EntryError> errors) implements ProfileDocument {}

    /// The file as a whole cannot be read; `detail` names the line and column where known.
    record Unreadable(String detail) implements ProfileDocument {}

    /// A newer program wrote the file.
    record TooNew(int version) implements ProfileDocument {}

    /// One entry that was skipped: which one and why.
    record EntryError(String entry, String detail) {}

    /// Parses `bytes`. With `lenientRoot`, an array of profiles or one bare profile object is accepted too
    /// (hand-written and exported files); the store's own file always has the versioned wrapper.
    static ProfileDocument parse(byte[] bytes, boolean lenientRoot) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new Unreadable("the file is empty");
        }
        JsonNode root;
        try {
            root = JsonTree.read(bytes);
        } catch (IOException e) {
            return new Unreadable(describe(e));
        }
        if (root == null || root.isMissingNode()) {
            return new Unreadable("the file is empty");
        }
        if (lenientRoot && root.isArray()) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.put("schemaVersion", ProfileJson.SCHEMA_VERSION);
            wrapper.set("profiles", root);
            root = wrapper;
        } else if (lenientRoot && root.isObject() && !root.has("profiles") && !root.has("accounts")
                && root.has("outgoing")) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.put("schemaVersion", root.path("schemaVersion").asInt(ProfileJson.SCHEMA_VERSION));
            wrapper.putArray("profiles").add(root);
            root = wrapper;
        }
        if (!(root instanceof ObjectNode object)) {
            return new Unreadable("expected a JSON object at the top, found " + root.getNodeType().name().toLowerCase());
        }
        int version;
        try {
            version = ProfileMigrations.versionOf(object);
        } catch (ProfileJson.FormatException e) {
            return new Unreadable(e.getMessage());
        }
        if (version > ProfileJson.SCHEMA_VERSION) {
            return new TooNew(version);
        }
        ObjectNode current = ProfileMigrations.migrate(object, version);
        JsonNode entries = current.get("profiles");
        if (!(entries instanceof ArrayNode list)) {
            return new Unreadable("\"profiles\" is not a list");
        }
        List<StoredProfile> profiles = new ArrayList<>();
        List<EntryError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String label = ProfileJson.label(node, i);
            if (!node.isObject()) {
                errors.add(new EntryError(label, "not a JSON object"));
                continue;
            }
            try {
                profiles.add(ProfileJson.toModel(ProfileJson.entry(node)));
            } catch (ProfileJson.FormatException e) {
                errors.add(new EntryError(label, e.getMessage()));
            }
        }
        return new Readable(version, profiles, errors);
    }

    /// A one-line description of a syntax error: where it is (line and column) and what.
    static String describe(Exception e) {
        if (e instanceof JsonProcessingException p) {
            JsonLocation at = p.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return where + firstLine(p.getOriginalMessage());
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
