package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.demo.DemoSmtpServer;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.report.JsonReport;

/// A check that logs on with PLAIN and with LOGIN leaves no trace of the password in the JSON, the text
/// output, the transcript or the log file: not in clear, not in base64, not as the AUTH PLAIN blob.
class PasswordNeverLeaksTest {
    private static final String USER = "leak-test@demo.test";
    private static final String PASSWORD = "Zq9!unique-Pw-7731";

    @TempDir
    Path dir;

    /// Relays after login, offering exactly one mechanism.
    static final class OneMechanism extends SmtpHandler {
        private final String mechanism;

        OneMechanism(String mechanism) {
            this.mechanism = mechanism;
        }

        @Override
        protected String authMechanisms() {
            return mechanism;
        }

        @Override
        protected boolean checkPassword(String user, String password) {
            return USER.equals(user) && PASSWORD.equals(password);
        }

        @Override
        public List<String> mail(String address) {
            // echo the sender back, as some servers do: the redactor must catch it there too
            return List.of("250 2.1.0 Ok " + address);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void passwordAppearsNowhere(String mechanism) throws Exception {
        Path log = dir.resolve("relay-doctor.log");
        // Everything down to DEBUG (FINE) that reaches java.util.logging, where the program's log file is fed from.
        java.util.logging.FileHandler appender = new java.util.logging.FileHandler(log.toString());
        appender.setEncoding("UTF-8");
        appender.setFormatter(new java.util.logging.SimpleFormatter());
        appender.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level before = root.getLevel();
        root.addHandler(appender);
        root.setLevel(java.util.logging.Level.FINEST);
        try (DemoSmtpServer server = DemoSmtpServer.start(() -> new OneMechanism(mechanism), null)) {
            var profile = new org.relaydoctor.profile.AccountProfile("leak", "Leak", USER,
                    new org.relaydoctor.profile.IncomingServer(org.relaydoctor.profile.MailProtocol.POP3, "", 110,
                            org.relaydoctor.profile.Security.NONE),
                    new org.relaydoctor.profile.OutgoingServer("127.0.0.1", server.port(),
                            org.relaydoctor.profile.Security.NONE),
                    USER, new org.relaydoctor.profile.SmtpAuth.SameAsIncoming(), false, "friend@example.org",
                    java.time.Duration.ofSeconds(5));
            CheckResult result = new AccountCheck(new CheckOptions(java.util.Optional.empty(), false, false, false,
                    Locale.ENGLISH)).run(profile, Credentials.of(org.relaydoctor.profile.Secret.of(PASSWORD)),
                    CheckListener.NONE);
            assertThat(result.verdict().code()).as(result.transcript().toString())
                    .isEqualTo(org.relaydoctor.diagnosis.VerdictCode.OK);
            assertThat(result.transcript()).anyMatch(l -> l.text().startsWith("AUTH " + mechanism));

            String json = new JsonReport(Locale.ENGLISH).write(result);
            String text = new ResultText(Locale.ENGLISH).render(result) + new ResultText(Locale.of("ru")).render(result);
            String transcript = result.transcript().toString() + result.steps();
            appender.close();
            String logged = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logged).contains("AUTH " + mechanism);
            for (String place : List.of(json, text, transcript, logged)) {
                for (String form : forms()) {
                    assertThat(place).doesNotContain(form);
                }
            }
        } finally {
            root.removeHandler(appender);
            root.setLevel(before);
        }
    }

    @Test
    void formsCoverTheAuthPlainBlob() {
        assertThat(forms()).contains(b64("\0" + USER + "\0" + PASSWORD));
    }

    private static List<String> forms() {
        return List.of(PASSWORD, b64(PASSWORD), b64("\0" + USER + "\0" + PASSWORD), b64(USER + "\0" + USER + "\0" + PASSWORD),
                PASSWORD.substring(0, PASSWORD.length() - 2));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
