package org.relaydoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.relaydoctor.profile.Secret;

class RedactorTest {
    private static final String PASSWORD = "s3cr3t-Пароль";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private final Redactor redactor = new Redactor();

    {
        redactor.addSecret(Secret.of(PASSWORD));
        redactor.addPlainCredentials("ann@example.org", Secret.of(PASSWORD));
    }

    @Test
    void authPlainInitialResponseIsMaskedButMechanismKept() {
        String line = "AUTH PLAIN " + b64("\0ann@example.org\0" + PASSWORD);
        assertThat(redactor.clientLine(line, false)).isEqualTo("AUTH PLAIN [redacted]");
    }

    @Test
    void saslAnswersAreMasked() {
        assertThat(redactor.clientLine(b64("ann@example.org"), true)).isEqualTo("[redacted]");
        assertThat(redactor.clientLine(b64(PASSWORD), true)).isEqualTo("[redacted]");
        assertThat(redactor.clientLine("*", true)).isEqualTo("*");
    }

    @Test
    void pop3AndImapPasswordsAreMasked() {
        assertThat(redactor.clientLine("PASS " + PASSWORD, false)).isEqualTo("PASS [redacted]");
        assertThat(redactor.clientLine("A1 LOGIN ann \"" + PASSWORD + "\"", false)).isEqualTo("A1 LOGIN ann [redacted]");
        assertThat(redactor.clientLine("A2 AUTHENTICATE PLAIN", false)).isEqualTo("A2 AUTHENTICATE PLAIN");
    }

    @Test
    void knownSecretIsScrubbedFromAnyTextInEveryForm() {
        assertThat(redactor.scrub("535 bad password " + PASSWORD)).doesNotContain(PASSWORD);
        assertThat(redactor.scrub("echo " + b64(PASSWORD))).isEqualTo("echo [redacted]");
        assertThat(redactor.scrub("x " + b64("\0ann@example.org\0" + PASSWORD))).isEqualTo("x [redacted]");
    }

    @Test
    void ordinaryCommandsPassUntouched() {
        assertThat(redactor.clientLine("MAIL FROM:<ann@example.org>", false)).isEqualTo("MAIL FROM:<ann@example.org>");
    }
}
