package org.relaydoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.it.MtaScenarios.mta;
import static org.relaydoctor.it.TestAccounts.ALICE;
import static org.relaydoctor.it.TestAccounts.ALICE_PASSWORD;
import static org.relaydoctor.it.TestAccounts.EXTERNAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.POP;
import static org.relaydoctor.it.TestAccounts.POP_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.profile.Secret;

/// `check --test-send` against the real Postfix + Dovecot: Angus Mail sends through the submission listener (SASL)
/// and, for POP-before-SMTP, logs on to Dovecot first; Postfix takes the message into its discard transport, so a
/// message to the account itself is sent but never arrives, and the look into Dovecot's inbox says so.
@ExtendWith(MtaScenarios.class)
class PostfixTestSendIT {
    @TempDir
    Path dir;

    private JsonNode check(PostfixScenario scenario, String email, Secret password, String smtpAuth, String... extra)
            throws Exception {
        InetSocketAddress smtp = mta().smtp(scenario);
        InetSocketAddress dns = mta().dns();
        Path pw = dir.resolve("password-" + scenario);
        Files.writeString(pw, password.reveal() + "\n");
        List<String> args = new ArrayList<>(List.of("check", "--json", "--lang", "en", "--email", email,
                "--name", "Test User", "--user", email, "--smtp-auth", smtpAuth,
                "--smtp-host", PostfixVerdictIT.SMTP_HOST, "--smtp-port", String.valueOf(smtp.getPort()),
                "--smtp-security", "none", "--incoming", "pop3", "--incoming-host", PostfixVerdictIT.POP_HOST,
                "--incoming-port", String.valueOf(mta().pop3().getPort()), "--incoming-security", "none",
                "--to", EXTERNAL_RECIPIENT, "--timeout", "8", "--password-file", pw.toString(),
                "--dns-server", dns.getHostString() + ":" + dns.getPort(), "--test-send"));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new RelayDoctorCommand().run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(out.toString()).as(err.toString()).startsWith("{");
        String text = out + err.toString();
        for (String form : PostfixCheckCliIT.secretForms(email, password.reveal())) {
            assertThat(text).as("the password in the form '%s' leaked", form).doesNotContain(form);
        }
        return new ObjectMapper().readTree(out.toString());
    }

    private static List<String> findings(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.at("/findings").forEach(f -> out.add(f.at("/code").asText()));
        return out;
    }

    private static JsonNode step(JsonNode json, String id) {
        for (JsonNode s : json.at("/steps")) {
            if (s.at("/id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id + " in " + json.at("/steps"));
    }

    @Test
    void submissionTakesTheTestMessageAfterSaslAndItNeverArrivesFromTheDiscardTransport() throws Exception {
        JsonNode json = check(PostfixScenario.SUBMISSION, ALICE, ALICE_PASSWORD, "same", "--arrival-wait", "4");
        assertThat(json.at("/verdict/code").asText()).isEqualTo("OK");
        JsonNode send = step(json, "test.send");
        assertThat(send.at("/outcome").asText()).as(send.toString()).isEqualTo("PASSED");
        assertThat(send.at("/summary").asText()).contains("250 2.0.0 Ok: queued as");
        assertThat(findings(json)).contains("TEST_MESSAGE_SENT", "TEST_MESSAGE_NOT_ARRIVED");
        assertThat(step(json, "test.arrival").at("/outcome").asText()).isEqualTo("WARNING");
        String transcript = json.at("/transcript").toString();
        assertThat(transcript).contains("AUTH PLAIN [redacted]").contains("X-Relay-Doctor-Test");
    }

    @Test
    void relayRefusedWithoutLoginIsTheTestMessagesRefusalToo() throws Exception {
        JsonNode json = check(PostfixScenario.AUTH_REQUIRED, ALICE, ALICE_PASSWORD, "off",
                "--test-send-to", EXTERNAL_RECIPIENT);
        assertThat(json.at("/verdict/code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(step(json, "test.send").at("/outcome").asText()).isEqualTo("FAILED");
        assertThat(findings(json)).contains("TEST_MESSAGE_REFUSED");
        assertThat(json.at("/findings").toString()).contains("Relay access denied");
    }

    @Test
    void popBeforeSmtpLogsOnToDovecotWithAngusAndThenSends() throws Exception {
        mta().revokePopBeforeSmtpGrants();
        try {
            JsonNode json = check(PostfixScenario.POP_BEFORE_SMTP, POP, POP_PASSWORD, "off", "--pop-before-smtp",
                    "--test-send-to", EXTERNAL_RECIPIENT);
            assertThat(step(json, "test.incoming.login").at("/outcome").asText()).isEqualTo("PASSED");
            assertThat(step(json, "test.send").at("/outcome").asText()).isEqualTo("PASSED");
            assertThat(findings(json)).contains("TEST_MESSAGE_SENT");
        } finally {
            mta().revokePopBeforeSmtpGrants();
        }
    }
}
