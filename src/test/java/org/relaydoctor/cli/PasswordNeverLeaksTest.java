package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.check.AccountCheck;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.demo.DemoSmtpServer;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.report.JsonReport;

/// A check that logs on with PLAIN and with LOGIN, with an ASCII and with a Cyrillic password, leaves no trace of the
/// password in the JSON, the text output, the transcript or the log file: not in clear, not in base64, not as the
/// AUTH PLAIN blob, not JSON-escaped.
class PasswordNeverLeaksTest {
    private static final String USER = "leak-test@demo.test";
    private static final String PASSWORD = "Zq9!unique-Pw-7731";
    /// What most of the program's users type: Cyrillic, read by the server as UTF-8.
    private static final String CYRILLIC_PASSWORD = "Зю9!уникальный-Пароль-7731";

    @TempDir
    Path dir;

    /// Relays after login, offering exactly one mechanism.
    static final class OneMechanism extends SmtpHandler {
        private final String mechanism;
        private final String password;

        OneMechanism(String mechanism, String password) {
            this.mechanism = mechanism;
            this.password = password;
        }

        @Override
        protected String authMechanisms() {
            return mechanism;
        }

        @Override
        protected boolean checkPassword(String user, String password) {
            return USER.equals(user) && this.password.equals(password);
        }

        @Override
        public List<String> mail(String address) {
            // echo the sender back, as some servers do: the redactor must catch it there too
            return List.of("250 2.1.0 Ok " + address);
        }
    }

    static Stream<Arguments> mechanismsAndPasswords() {
        return Stream.of(Arguments.of("PLAIN", PASSWORD), Arguments.of("LOGIN", PASSWORD),
                Arguments.of("PLAIN", CYRILLIC_PASSWORD), Arguments.of("LOGIN", CYRILLIC_PASSWORD));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mechanismsAndPasswords")
    void passwordAppearsNowhere(String mechanism, String password) throws Exception {
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
        try (DemoSmtpServer server = DemoSmtpServer.start(() -> new OneMechanism(mechanism, password), null)) {
            var profile = new org.relaydoctor.profile.AccountProfile("leak", "Leak", USER,
                    new org.relaydoctor.profile.IncomingServer(org.relaydoctor.profile.MailProtocol.POP3, "", 110,
                            org.relaydoctor.profile.Security.NONE),
                    new org.relaydoctor.profile.OutgoingServer("127.0.0.1", server.port(),
                            org.relaydoctor.profile.Security.NONE),
                    USER, new org.relaydoctor.profile.SmtpAuth.SameAsIncoming(), false, "friend@example.org",
                    java.time.Duration.ofSeconds(5));
            CheckResult result = new AccountCheck(new CheckOptions(java.util.Optional.empty(), false, false, false,
                    Locale.ENGLISH)).run(profile, Credentials.of(org.relaydoctor.profile.Secret.of(password)),
                    CheckListener.NONE);
            assertThat(result.verdict().code()).as(result.transcript().toString())
                    .isEqualTo(org.relaydoctor.diagnosis.VerdictCode.OK);
            assertThat(result.transcript()).anyMatch(l -> l.text().startsWith("AUTH " + mechanism));

            String json = new JsonReport(Locale.ENGLISH).write(result) + new JsonReport(Locale.of("ru")).write(result);
            String text = new ResultText(Locale.ENGLISH).render(result) + new ResultText(Locale.of("ru")).render(result);
            String transcript = result.transcript().toString() + result.steps();
            appender.close();
            String logged = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(logged).contains("AUTH " + mechanism);
            for (String place : List.of(json, text, transcript, logged)) {
                for (String form : forms(password)) {
                    assertThat(place).doesNotContain(form);
                }
            }
        } finally {
            root.removeHandler(appender);
            root.setLevel(before);
        }
    }

    @Test
    void formsCoverTheAuthPlainBlobAndJsonEscapes() {
        assertThat(forms(PASSWORD)).contains(b64("\0" + USER + "\0" + PASSWORD));
        assertThat(forms(CYRILLIC_PASSWORD)).anyMatch(f -> f.startsWith("\\u0417\\u044E9!\\u0443"))
                .anyMatch(f -> f.startsWith("\\u0417\\u044e9!\\u0443"));
    }

    private static List<String> forms(String password) {
        List<String> forms = new ArrayList<>(List.of(password, b64(password), b64("\0" + USER + "\0" + password),
                b64(USER + "\0" + USER + "\0" + password), password.substring(0, password.length() - 2)));
        // a JSON writer may escape every character beyond ASCII: look for a part of the password in that form too
        String part = password.substring(0, 8);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(part)) {
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            for (char c : part.toCharArray()) {
                upper.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
                lower.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            forms.addAll(List.of(upper.toString(), lower.toString()));
        }
        return forms;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
