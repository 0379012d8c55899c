package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new RelayDoctorCommand().run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void jsonCarriesTheVerdictLikeTheCheck() throws Exception {
        int status = run("explain", "--json", "--lang", "en", "554 5.7.1 <friend@example.org>: Relay access denied");
        assertThat(status).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("schema").asInt()).isEqualTo(1);
        assertThat(json.path("kind").asText()).isEqualTo("explain");
        assertThat(json.at("/verdict/code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(json.at("/verdict/fix/0").asText()).contains("Outgoing Server");
        assertThat(json.at("/verdict/evidence/0").asText()).isEqualTo("554 5.7.1 <friend@example.org>: Relay access denied");
        assertThat(json.at("/verdict/alternatives/0/code").asText()).isEqualTo("POP_BEFORE_SMTP");
        assertThat(json.at("/verdict/alternatives/0/tellApart").asText()).contains("POP3");
        assertThat(json.at("/undecided/settledBy").asText()).isEqualTo("ACCOUNT_CHECK");
        assertThat(json.at("/codes/0").asText()).startsWith("5.7.1:");
        assertThat(json.at("/facts/addresses/0").asText()).isEqualTo("friend@example.org");
    }

    @Test
    void fileInRussian(@TempDir Path dir) throws Exception {
        Path eml = dir.resolve("bounce.eml");
        Files.writeString(eml, "From: MAILER-DAEMON@example.com\nTo: alice@example.com\nSubject: x\n\n"
                + "SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n    550 relay not permitted\n");
        assertThat(run("explain", "--lang", "ru", "--file", eml.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("Вердикт: AUTH_REQUIRED").contains("SMTP-серверу требуется проверка подлинности");
    }

    @Test
    void noRefusalExitsZero() {
        assertThat(run("explain", "250 2.1.5 Ok")).isEqualTo(0);
    }

    @Test
    void usageErrorsExitTwoWithAMessageNotAStackTrace(@TempDir Path dir) {
        assertThat(run("explain")).isEqualTo(2);
        assertThat(err.toString()).contains("Give the text to explain");
        assertThat(run("explain", "x", "--file", "y")).isEqualTo(2);
        assertThat(run("explain", "--file", dir.resolve("missing.eml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.eml").doesNotContain("Exception");
        assertThat(run("explain", "--bogus")).isEqualTo(2);
    }
}
