package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.probe.ServerReply;

/// Random and malformed input: nothing escapes, nothing hangs. The time bound is a guard against
/// catastrophic regex backtracking only, kept generous for a loaded machine; real timings come from
/// `bench/explain-bench.sh`.
class TextExplainerFuzzTest {
    private static final Duration GUARD = Duration.ofSeconds(2);
    private static final TextExplainer EXPLAINER = new TextExplainer();
    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        // Loads the knowledge, Jakarta Mail and the regex classes once, so the guard measures work, not start-up.
        EXPLAINER.explain("From: a\nTo: b\nContent-Type: text/plain\n\n550 5.7.1 Relay access denied");
        CLASSIFIER.classify(ServerReply.parse("550 5.7.1 Relay access denied"), SmtpPhase.RCPT);
    }

    static Stream<String> hostileInputs() {
        Random random = new Random(20261128L);
        List<String> out = new ArrayList<>();
        String[] fragments = {"550", "550-", "5.7.1", " ", "\n", "\r", "\t", "Relay access denied", "relay ", "denied ",
            "Ответ сервера: ", "Порт: ", "0x800CCC79", "<", ">", "@", "a@b.c", "Content-Type: multipart/mixed; boundary=x\n",
            "--x\n", "From: a\n", "To: b\n", "Diagnostic-Code: smtp; ", "(in reply to RCPT TO command)", "«", "»", "'",
            "ё", "\u0000", "\uFFFF", "isn't in my list of allowed rcpthosts", "Unauthenticated email from ", "dmarc"};
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(200);
            for (int k = 0; k < n; k++) {
                s.append(random.nextBoolean() ? fragments[random.nextInt(fragments.length)] : (char) random.nextInt(0x500));
            }
            out.add(s.toString());
        }
        byte[] binary = new byte[64 * 1024];
        random.nextBytes(binary);
        out.add(new String(binary, java.nio.charset.StandardCharsets.ISO_8859_1));
        out.add("a".repeat(1_000_000));
        out.add("550 " + "a".repeat(500_000));
        out.add("550 5.7.1 " + "relay ".repeat(100_000));
        out.add("Unauthenticated email from " + "x".repeat(300_000) + " is not accepted");
        out.add("550-".repeat(100_000));
        out.add("550-a\n".repeat(50_000));
        out.add("    continued\n".repeat(50_000));
        out.add("Ответ сервера: " + "«".repeat(100_000));
        out.add("Server: " + "a.".repeat(200_000));
        out.add(("x".repeat(60) + "@").repeat(20_000));
        out.add("a@" + "b.".repeat(200_000));
        out.add("0x800CCC79 ".repeat(50_000));
        out.add("The mail server responded:" + " ".repeat(300_000));
        out.add(nestedMime(60));
        out.add(manyParts(5_000));
        out.add("From: a\nTo: b\nContent-Type: multipart/report; boundary=\"b\"\n\n--b\nContent-Type: message/delivery-status\n\n"
                + "Diagnostic-Code: smtp; " + "5".repeat(100_000) + "\n");
        out.add("From: a\nTo: b\nContent-Type: multipart/mixed; boundary=\"never-closed\"\n\n--never-closed\nContent-Type: text/plain\n\n550 relay not permitted");
        out.add("From: a\nTo: b\nContent-Type: text/html\n\n<" + "b".repeat(200_000));
        return out.stream();
    }

    private static String nestedMime(int depth) {
        StringBuilder s = new StringBuilder("From: a@b.c\nTo: c@d.e\nMIME-Version: 1.0\n");
        for (int i = 0; i < depth; i++) {
            s.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        s.append("Content-Type: text/plain\n\n554 5.7.1 Relay access denied\n");
        for (int i = depth - 1; i >= 0; i--) {
            s.append("--b").append(i).append("--\n");
        }
        return s.toString();
    }

    private static String manyParts(int count) {
        StringBuilder s = new StringBuilder("From: a@b.c\nTo: c@d.e\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < count; i++) {
            s.append("--p\nContent-Type: text/plain\n\n550 5.7.1 part ").append(i).append('\n');
        }
        return s.append("--p--\n").toString();
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void explainerNeverThrowsNorHangs(String input) {
        long start = System.nanoTime();
        Explanation e = EXPLAINER.explain(input);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e).isNotNull();
        assertThat(e.verdict().evidence()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(501));
        assertThat(took).as("catastrophic backtracking guard").isLessThan(GUARD);
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void classifierNeverThrowsNorHangs(String input) {
        String bounded = input.length() > 100_000 ? input.substring(0, 100_000) : input;
        long start = System.nanoTime();
        Classification c = CLASSIFIER.classify(ServerReply.parse(bounded), SmtpPhase.UNKNOWN);
        assertThat(c).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("catastrophic backtracking guard").isLessThan(GUARD);
    }
}
