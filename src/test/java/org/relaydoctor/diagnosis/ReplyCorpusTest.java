package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.probe.ServerReply;

/// Replays `reply-corpus.tsv`: real replies of each server family with the code they must get.
class ReplyCorpusTest {
    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ReplyCorpusTest.class.getResourceAsStream("reply-corpus.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as("five tab-separated fields in: %s", line).hasSize(5);
                rows.add(Arguments.of(f[0].replace("\\n", "\n"), SmtpPhase.valueOf(f[1]), VerdictCode.valueOf(f[2]),
                        f[3].equals("yes"), f[4]));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "[{index}] {4}: {2}")
    @MethodSource("corpus")
    void replyGetsItsExpectedCode(String text, SmtpPhase phase, VerdictCode expected, boolean relayRefusal,
            String source) {
        Classification c = CLASSIFIER.classify(ServerReply.parse(text), phase);
        assertThat(c.code()).as("%s (%s)", text, source).isEqualTo(expected);
        assertThat(c.relayRefusal()).as("relay refusal of %s", text).isEqualTo(relayRefusal);
        assertThat(c.alternatives()).as("alternatives never repeat the code").doesNotContain(c.code());
    }
}
