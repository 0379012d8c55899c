package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {
    @TempDir
    Path dir;

    @Test
    void exportedProfilesReadBackEqual() throws IOException {
        Path file = dir.resolve("for-colleague.json");
        ProfileFiles.write(file, List.of(SampleProfiles.office(), SampleProfiles.hosting()));
        assertThat(ProfileFiles.read(file)).containsExactly(SampleProfiles.office(), SampleProfiles.hosting());
    }

    @Test
    void exportLeavesOutWhatBelongsToThisMachine() throws IOException {
        Path file = dir.resolve("one.json");
        ProfileFiles.write(file, SampleProfiles.office());
        assertThat(Files.readString(file)).contains("\"schemaVersion\"").doesNotContain("\"id\"")
                .doesNotContain("rememberPassword").doesNotContain("lastResult");
    }

    @Test
    void aSingleBareProfileAndABareListAreAccepted() throws IOException {
        Path single = dir.resolve("single.json");
        Files.writeString(single, """
                {"name": "Shop", "email": "info@shop.example", "login": "info",
                 "outgoing": {"host": "smtp.shop.example", "port": 465, "security": "SSL_TLS"},
                 "smtpAuth": {"mode": "OWN_LOGIN", "user": "relay"}}
                """);
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[" + Files.readString(single) + "," + Files.readString(single).replace("Shop", "Shop 2") + "]");

        AccountProfile shop = ProfileFiles.read(single).getFirst();
        assertThat(shop.smtpAuth()).isEqualTo(new SmtpAuth.OwnLogin("relay"));
        assertThat(shop.outgoing()).isEqualTo(new OutgoingServer("smtp.shop.example", 465, Security.SSL_TLS));
        assertThat(ProfileFiles.read(list)).extracting(AccountProfile::name).containsExactly("Shop", "Shop 2");
    }

    @Test
    void brokenJsonNamesTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"profiles\": [ {\"name\": \"x\" ,, } ]\n}");
        assertThatThrownBy(() -> ProfileFiles.read(file))
                .isInstanceOf(ProfileFileException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("line 3");
    }

    @Test
    void aBrokenEntryNamesTheProfileAndTheField() throws IOException {
        Path file = dir.resolve("entry.json");
        Files.writeString(file, """
                [{"name": "Shop", "email": "info@shop.example", "outgoing": {"host": "smtp.shop.example", "security": "TLS1.3"}}]
                """);
        assertThatThrownBy(() -> ProfileFiles.read(file))
                .isInstanceOf(ProfileFileException.class)
                .hasMessageContaining("\"Shop\"")
                .hasMessageContaining("outgoing.security")
                .hasMessageContaining("TLS1.3");
    }

    @Test
    void missingFileAndNewerFileAreClearErrors() throws IOException {
        assertThatThrownBy(() -> ProfileFiles.read(dir.resolve("nope.json")))
                .isInstanceOf(ProfileFileException.class).hasMessageContaining("no such file");
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schemaVersion\": 3, \"profiles\": []}");
        assertThatThrownBy(() -> ProfileFiles.read(newer))
                .isInstanceOf(ProfileFileException.class).hasMessageContaining("newer Relay Doctor");
    }
}
