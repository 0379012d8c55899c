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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.probe.ServerReply;

/// Replays `real-replies.tsv`: refusal texts of real servers and mail programs taken from public sources and kept
/// apart from the replies the knowledge was written from, each with the code its source's meaning calls for.
class RealRepliesTest {
    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();
    private static final TextExplainer EXPLAINER = new TextExplainer();

    /// One row; `phase` is CLIENT for a mail program's own dialog text, which carries no server reply.
    record Row(String text, String phase, VerdictCode expected, String source) {
        boolean clientText() {
            return phase.equals("CLIENT");
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RealRepliesTest.class.getResourceAsStream("real-replies.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as("four tab-separated fields in: %s", line).hasSize(4);
                assertThat(f[3]).as("every text names its source: %s", line).isNotBlank();
                rows.add(new Row(f[0].replace("\\n", "\n"), f[1], VerdictCode.valueOf(f[2]), f[3]));
            }
        }
        return rows;
    }

    static Stream<Arguments> serverReplies() throws IOException {
        return rows().stream().filter(r -> !r.clientText()).map(r -> Arguments.of(r, r.source()));
    }

    static Stream<Arguments> pastedTexts() throws IOException {
        return rows().stream().filter(r -> r.clientText() || r.phase().equals("UNKNOWN"))
                .map(r -> Arguments.of(r, r.source()));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("serverReplies")
    void classifierGivesTheSourcesMeaning(Row row, String source) {
        ServerReply reply = row.text().contains("\n") ? ServerReply.parse(row.text()) : TextExplainer.replyOf(row.text());
        Classification c = CLASSIFIER.classify(reply, SmtpPhase.valueOf(row.phase()));
        assertThat(c.code()).as("%s (%s)", row.text(), source).isEqualTo(row.expected());
        assertThat(c.alternatives()).as("alternatives never repeat the code").doesNotContain(c.code());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("pastedTexts")
    void explainerGivesTheSourcesMeaningForAPastedText(Row row, String source) {
        Explanation e = EXPLAINER.explain(row.text());
        assertThat(e.verdict().code()).as("%s (%s)", row.text(), source).isEqualTo(row.expected());
    }

    @Test
    void corpusIsLargeAndCoversEveryFamily() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows).extracting(Row::expected).contains(VerdictCode.AUTH_REQUIRED, VerdictCode.POP_BEFORE_SMTP,
                VerdictCode.NETWORK_RESTRICTED, VerdictCode.SENDER_NOT_OWNED, VerdictCode.SENDER_UNKNOWN,
                VerdictCode.TLS_REQUIRED, VerdictCode.TLS_FAILED, VerdictCode.AUTH_FAILED, VerdictCode.AUTH_UNAVAILABLE,
                VerdictCode.CLIENT_BLOCKED, VerdictCode.RATE_LIMITED, VerdictCode.RECIPIENT_UNKNOWN, VerdictCode.UNKNOWN);
    }
}
