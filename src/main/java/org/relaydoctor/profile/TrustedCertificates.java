package org.relaydoctor.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/// Server certificates the user chose to trust although no authority vouches for them (the self-signed certificate
/// of a small mail server, which Outlook lets one accept once), kept by SHA-256 fingerprint in
/// `trusted-certificates.json` beside the profiles. Checks trust exactly these certificates, whatever their issuer,
/// names or dates. A damaged file is never overwritten: adding to it fails with a message instead.
public final class TrustedCertificates {
    static final String FILE_NAME = "trusted-certificates.json";
    /// Made on first use: most runs find no file, and a mapper costs a command-line check's start time.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final Pattern FINGERPRINT = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){31}");

    private final Path file;

    public TrustedCertificates(Path configDir) {
        this.file = Objects.requireNonNull(configDir, "configDir").resolve(FILE_NAME);
    }

    /// One trusted certificate.
    ///
    /// @param sha256     the fingerprint as `TlsTrust.fingerprint` writes it ("AB:CD:...")
    /// @param subject    the certificate's subject, for the user's eyes
    /// @param server     the server it was seen on when trusted ("host:port")
    /// @param trustedAt  when the user trusted it
    public record Entry(String sha256, String subject, String server, Instant trustedAt) {
        public Entry {
            if (!FINGERPRINT.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
                throw new IllegalArgumentException("not a SHA-256 fingerprint: " + sha256);
            }
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(trustedAt, "trustedAt");
        }
    }

    public Path file() {
        return file;
    }

    /// The trusted certificates; none when the file does not exist or cannot be read.
    public synchronized List<Entry> list() {
        try {
            return read();
        } catch (IOException e) {
            return List.of();
        }
    }

    /// The fingerprints a check should trust.
    public List<String> fingerprints() {
        return list().stream().map(Entry::sha256).toList();
    }

    /// Trusts one more certificate (again: its entry is replaced).
    public synchronized void add(Entry entry) throws IOException {
        List<Entry> entries = new ArrayList<>(read());
        entries.removeIf(e -> e.sha256().equalsIgnoreCase(entry.sha256()));
        entries.add(entry);
        write(entries);
    }

    /// Stops trusting a certificate; true when it was trusted.
    public synchronized boolean remove(String sha256) throws IOException {
        List<Entry> entries = new ArrayList<>(read());
        boolean removed = entries.removeIf(e -> e.sha256().equalsIgnoreCase(sha256));
        if (removed) {
            write(entries);
        }
        return removed;
    }

    private List<Entry> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "); move it away to trust certificates again",
                    e);
        }
        List<Entry> entries = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("certificates");
        if (list == null || !list.isArray()) {
            throw new IOException(file + " is damaged (no certificate list); move it away to trust certificates again");
        }
        for (JsonNode n : list) {
            String sha256 = n.path("sha256").asText("");
            if (!FINGERPRINT.matcher(sha256).matches()) {
                throw new IOException(file + " is damaged (not a SHA-256 fingerprint: " + sha256 + ")");
            }
            entries.add(new Entry(sha256, n.path("subject").asText(""), n.path("server").asText(""),
                    instant(n.path("trustedAt").asText(""))));
        }
        return entries;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private void write(List<Entry> entries) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("certificates");
        for (Entry e : entries) {
            list.addObject().put("sha256", e.sha256()).put("subject", e.subject()).put("server", e.server())
                    .put("trustedAt", e.trustedAt().toString());
        }
        ProfileFiles.writeAtomically(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
