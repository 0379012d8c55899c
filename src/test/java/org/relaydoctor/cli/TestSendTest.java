package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.demo.DemoDns;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.probe.TestMessageSend;
import org.relaydoctor.probe.TlsTrust;

/// `check --test-send` against GreenMail (in-process SMTP + POP3 + IMAP with real mailboxes): the message goes out
/// only when asked for, through Angus Mail with the profile's settings, its conversation is in the transcript with
/// the AUTH exchange redacted, the inbox look finds it, and a refusal becomes the verdict.
class TestSendTest {
    private static final String USER = "ann@relay-doctor.test";
    private static final String PASSWORD = "Gr33n-s3cret-pw";

    private GreenMail mail;
    /// Answers the check's DNS questions on loopback: nothing leaves the machine.
    private DemoDns dns;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"),
                new ServerSetup(0, "127.0.0.1", "pop3"), new ServerSetup(0, "127.0.0.1", "imap")});
        mail.start();
        mail.setUser(USER, USER, PASSWORD);
        try {
            dns = DemoDns.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        mail.stop();
        dns.close();
    }

    private List<String> args(String incoming, int incomingPort, String... extra) throws Exception {
        return args(USER, PASSWORD, incoming, incomingPort, extra);
    }

    private List<String> args(String user, String password, String incoming, int incomingPort, String... extra)
            throws Exception {
        Path pw = dir.resolve("password-" + user);
        Files.writeString(pw, password + "\n");
        List<String> a = new ArrayList<>(List.of("check", "--email", USER, "--name", "Ann Test",
                "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(mail.getSmtp().getPort()),
                "--smtp-security", "none", "--smtp-auth", "same", "--incoming", incoming, "--incoming-host", "127.0.0.1",
                "--incoming-port", String.valueOf(incomingPort), "--user", user, "--password-file", pw.toString(),
                "--to", "friend@example.org", "--timeout", "5", "--json", "--dns-server",
                dns.hostAndPort()));
        a.addAll(List.of(extra));
        return a;
    }

    private static CheckCommandTest.Run run(List<String> args) {
        return CheckCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void withoutTheOptionNothingIsDelivered() throws Exception {
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort()));
        JsonNode json = new ObjectMapper().readTree(r.out());
        // GreenMail relays after login and refuses the null sender: relaying works either way
        assertThat(r.status()).as(r.out()).isEqualTo(0);
        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(json.at("/steps").findValuesAsText("kind")).doesNotContain("TEST_SEND");
        assertThat(json.at("/transcript").toString()).doesNotContain("\"DATA\"");
    }

    @Test
    void testSendDeliversOneLabelledMessageAndFindsItOverPop3() throws Exception {
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort(), "--test-send", "--arrival-wait", "10"));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(0);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getHeader(TestMessageSend.MARK_HEADER)).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Relay Doctor test message");
        assertThat(received[0].getFrom()[0].toString()).contains(USER).contains("Ann Test");
        assertThat(findingCodes(json)).contains("TEST_MESSAGE_SENT", "TEST_MESSAGE_ARRIVED");
        assertThat(stepOutcome(json, "test.send")).isEqualTo("PASSED");
        assertThat(stepOutcome(json, "test.arrival")).isEqualTo("PASSED");
        String transcript = json.at("/transcript").toString();
        assertThat(transcript).contains("DATA").contains("X-Relay-Doctor-Test").contains("AUTH")
                .contains("[redacted]");
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void imapInboxIsLookedIntoToo() throws Exception {
        CheckCommandTest.Run r = run(args("imap", mail.getImap().getPort(), "--test-send", "--arrival-wait", "10"));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(findingCodes(json)).as(r.out()).contains("TEST_MESSAGE_SENT", "TEST_MESSAGE_ARRIVED");
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void anotherRecipientGetsTheMessageAndNoInboxIsLookedInto() throws Exception {
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort(), "--test-send",
                "--test-send-to", "support@example.org"));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("support@example.org");
        assertThat(findingCodes(json)).contains("TEST_MESSAGE_SENT").doesNotContain("TEST_MESSAGE_ARRIVED",
                "TEST_MESSAGE_NOT_ARRIVED");
        assertThat(json.at("/steps").findValuesAsText("id")).doesNotContain("test.arrival");
    }

    @Test
    void aMailboxOfTheUsersOwnIsLookedIntoForAnotherRecipient() throws Exception {
        mail.setUser("me@own.test", "me@own.test", "Own-Box-pw1");
        Path pw = dir.resolve("own-box");
        Files.writeString(pw, "Own-Box-pw1\n");
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort(), "--test-send", "--test-send-to",
                "me@own.test", "--arrival-wait", "10", "--arrival-mailbox",
                "imap://me@own.test@127.0.0.1:" + mail.getImap().getPort(), "--arrival-password-file", pw.toString()));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(findingCodes(json)).as(r.out()).contains("TEST_MESSAGE_SENT", "TEST_MESSAGE_ARRIVED");
        assertThat(r.out() + r.err()).doesNotContain("Own-Box-pw1");
    }

    @Test
    void aBadMailboxAddressIsAUsageError() throws Exception {
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort(), "--test-send", "--test-send-to",
                "me@own.test", "--arrival-mailbox", "smtp://me@host", "--arrival-password-file", "x"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--arrival-mailbox").doesNotContain("\tat ");
        CheckCommandTest.Run noPassword = run(args("pop3", mail.getPop3().getPort(), "--test-send", "--test-send-to",
                "me@own.test", "--arrival-mailbox", "imaps://me@own.test@imap.own.test"));
        assertThat(noPassword.status()).isEqualTo(2);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMessageThatNeverArrivesIsReportedAfterTheWait() throws Exception {
        // the inbox looked into belongs to someone else, so the message cannot be found there
        mail.setUser("other@relay-doctor.test", "other@relay-doctor.test", "other-pw");
        CheckCommandTest.Run r = run(args("other@relay-doctor.test", "other-pw", "pop3", mail.getPop3().getPort(),
                "--test-send", "--arrival-wait", "3"));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(findingCodes(json)).as(r.out()).contains("TEST_MESSAGE_SENT", "TEST_MESSAGE_NOT_ARRIVED");
        assertThat(stepOutcome(json, "test.arrival")).isEqualTo("WARNING");
    }

    @Test
    void aRefusedTestMessageBecomesTheVerdictWithTheServersReply() throws Exception {
        // the demo's "ok" server relays after login but takes no message at DATA
        try (DemoServers demo = DemoServers.start()) {
            DemoScenario s = demo.scenario("ok").orElseThrow();
            Path pw = dir.resolve("demo");
            Files.writeString(pw, s.password().reveal() + "\n");
            List<String> a = List.of("check", "--email", s.profile().email(), "--smtp-host", "127.0.0.1",
                    "--smtp-port", String.valueOf(s.profile().outgoing().port()), "--smtp-security", "starttls",
                    "--trust-cert", TlsTrust.sha256(demo.tls().certificate()), "--smtp-auth", "same",
                    "--incoming-host", "127.0.0.1", "--incoming-port", String.valueOf(demo.pop3Port()),
                    "--user", s.profile().login(), "--password-file", pw.toString(), "--to", s.profile().testRecipient(),
                    "--timeout", "5", "--json", "--test-send", "--test-send-to", s.profile().testRecipient(),
                    "--dns-server", demo.dnsServer());
            CheckCommandTest.Run r = run(a);
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(r.status()).as(r.out()).isEqualTo(1);
            assertThat(json.at("/verdict/code").asText()).isNotEqualTo("OK");
            assertThat(json.at("/verdict/evidence").toString()).contains("554 5.5.1 Error: the demo server takes no messages");
            assertThat(findingCodes(json)).contains("TEST_MESSAGE_REFUSED");
            assertThat(stepOutcome(json, "test.send")).isEqualTo("FAILED");
            String transcript = json.at("/transcript").toString();
            assertThat(transcript).contains("STARTTLS").contains("AUTH").contains("[redacted]");
            assertThat(transcript).doesNotContain(s.password().reveal())
                    .doesNotContain(b64(s.password().reveal()));
        }
    }

    @Test
    void testSendOptionsWithoutTestSendAreAUsageError() throws Exception {
        CheckCommandTest.Run r = run(args("pop3", mail.getPop3().getPort(), "--test-send-to", "x@example.org"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--test-send");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private static List<String> findingCodes(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.at("/findings").forEach(f -> out.add(f.at("/code").asText()));
        return out;
    }

    private static String stepOutcome(JsonNode json, String id) {
        for (JsonNode s : json.at("/steps")) {
            if (s.at("/id").asText().equals(id)) {
                return s.at("/outcome").asText();
            }
        }
        return "(no step " + id + ")";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain(b64(PASSWORD))
                .doesNotContain(b64("\0" + USER + "\0" + PASSWORD)).doesNotContain(b64(USER + "\0" + USER + "\0" + PASSWORD));
    }
}
