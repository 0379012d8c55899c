package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaydoctor.profile.Security;

class SettingsValidatorTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            anna@example.com,           FINE,
            anna.b+tag@sub.example.org, FINE,
            иван@пример.рф,             FINE,
            user@münchen.de,            FINE,
            anna.example.com,           ERROR, validation.email.noAt
            .anna@example.com,          ERROR, validation.email.local
            an na@example.com,          ERROR, validation.email.local
            anna@example,               ERROR, validation.email.domain
            anna@exa_mple.com,          ERROR, validation.email.domain
            anna@-example.com,          ERROR, validation.email.domain
            """)
    void emailAddresses(String address, FieldState.Level level, String key) {
        FieldState state = SettingsValidator.email(address, false);
        assertThat(state.level()).isEqualTo(level);
        assertThat(state.messageKey()).isEqualTo(key == null ? "" : key);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            smtp.example.com,        FINE,
            SMTP.Example.COM.,       FINE,
            почта.пример.рф,         FINE,
            127.0.0.1,               FINE,
            [::1],                   FINE,
            mailhost,                WARNING, validation.host.single
            '',                      ERROR, validation.host.empty
            smtp://smtp.example.com, ERROR, validation.host.scheme
            anna@example.com,        ERROR, validation.host.address
            smtp.example.com:587,    ERROR, validation.host.port
            cafe.de:25,              ERROR, validation.host.port
            smtp example.com,        ERROR, validation.host.syntax
            smtp..example.com,       ERROR, validation.host.syntax
            300.1.1.1,               ERROR, validation.host.syntax
            """)
    void hostNames(String host, FieldState.Level level, String key) {
        FieldState state = SettingsValidator.host(host);
        assertThat(state.level()).as(host).isEqualTo(level);
        assertThat(state.messageKey()).isEqualTo(key == null ? "" : key);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            587,   STARTTLS, FINE,
            465,   SSL_TLS,  FINE,
            25,    NONE,     FINE,
            2526,  SSL_TLS,  FINE,
            465,   STARTTLS, WARNING, validation.pair.implicitTlsPort
            995,   NONE,     WARNING, validation.pair.implicitTlsPort
            587,   SSL_TLS,  WARNING, validation.pair.plainPortWithSsl
            0,     NONE,     ERROR,   validation.port.range
            65536, NONE,     ERROR,   validation.port.range
            58x,   NONE,     ERROR,   validation.port.range
            '',    NONE,     ERROR,   validation.port.empty
            """)
    void portsWithTheirEncryption(String port, Security security, FieldState.Level level, String key) {
        FieldState state = SettingsValidator.pair(port, security);
        assertThat(state.level()).isEqualTo(level);
        assertThat(state.messageKey()).isEqualTo(key == null ? "" : key);
    }
}
