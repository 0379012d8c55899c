package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {
    private static final String A = "AB:".repeat(31) + "AB";
    private static final String B = "01:".repeat(31) + "FF";
    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void noFileTrustsNothing() {
        assertThat(new TrustedCertificates(dir).fingerprints()).isEmpty();
    }

    @Test
    void trustedCertificatesAreKeptAcrossInstancesAndOnceEach() throws IOException {
        TrustedCertificates store = new TrustedCertificates(dir);
        store.add(new TrustedCertificates.Entry(A, "CN=mail.example.ru", "mail.example.ru:587", NOW));
        store.add(new TrustedCertificates.Entry(B, "CN=other", "other:465", NOW));
        store.add(new TrustedCertificates.Entry(A.toLowerCase(), "CN=mail.example.ru", "mail.example.ru:25", NOW));
        TrustedCertificates again = new TrustedCertificates(dir);
        assertThat(again.fingerprints()).containsExactly(B, A.toLowerCase());
        assertThat(again.list()).extracting(TrustedCertificates.Entry::server).containsExactly("other:465",
                "mail.example.ru:25");
        assertThat(again.list().getFirst().trustedAt()).isEqualTo(NOW);
        assertThat(again.remove(A)).isTrue();
        assertThat(again.remove(A)).isFalse();
        assertThat(new TrustedCertificates(dir).fingerprints()).containsExactly(B);
    }

    @Test
    void aDamagedFileIsNeitherTrustedNorOverwritten() throws IOException {
        Path file = dir.resolve(TrustedCertificates.FILE_NAME);
        Files.writeString(file, "{\"certificates\": [{\"sha256\": \"not-a-fingerprint\"}]}");
        TrustedCertificates store = new TrustedCertificates(dir);
        assertThat(store.fingerprints()).isEmpty();
        assertThatThrownBy(() -> store.add(new TrustedCertificates.Entry(A, "CN=x", "x:587", NOW)))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged");
        assertThat(Files.readString(file)).contains("not-a-fingerprint");
        Files.writeString(file, "{ half");
        assertThat(store.fingerprints()).isEmpty();
        assertThatThrownBy(() -> store.add(new TrustedCertificates.Entry(A, "CN=x", "x:587", NOW)))
                .hasMessageContaining("damaged");
    }

    @Test
    void onlyFingerprintsAreAccepted() {
        assertThatThrownBy(() -> new TrustedCertificates.Entry("SHA256:xyz", "CN=x", "x:587", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
