package org.relaydoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            554 5.7.1 <x@y.org>: Relay access denied           | 554 | 5.7.1 | <x@y.org>: Relay access denied
            550 relay not permitted                            | 550 |       | relay not permitted
            553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1) | 553 | | sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)
            421 4.7.0 Try again later                          | 421 | 4.7.0 | Try again later
            """)
    void parsesCodeEnhancedCodeAndText(String line, int code, String enhanced, String text) {
        ServerReply reply = ServerReply.parse(line);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.enhancedCode()).isEqualTo(enhanced == null ? "" : enhanced);
        assertThat(reply.text()).isEqualTo(text);
    }

    @Test
    void multiLineReplyKeepsAllLines() {
        ServerReply reply = ServerReply.parse(List.of("550-5.7.1 first", "550 5.7.1 second"));
        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.isPermanent()).isTrue();
        assertThat(reply.text()).isEqualTo("first second");
    }
}
