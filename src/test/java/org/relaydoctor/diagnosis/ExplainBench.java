package org.relaydoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.relaydoctor.probe.ServerReply;

/// Rerunnable timing of the classifier and the explainer (not a test): `src/test/bench/explain-bench.sh`.
/// Prints median and maximum per input kind after warm-up.
public final class ExplainBench {
    private ExplainBench() {}

    public static void main(String[] args) throws IOException {
        TextExplainer explainer = new TextExplainer();
        ReplyClassifier classifier = new ReplyClassifier();
        List<String[]> inputs = new ArrayList<>();
        inputs.add(new String[] {"bare reply", "554 5.7.1 <friend@example.org>: Relay access denied"});
        inputs.add(new String[] {"outlook dialog (ru)", "Не удается отправить сообщение. Ответ сервера: 550 relay not permitted, "
                + "Порт: 25, Защищено (SSL): Нет, Ошибка сервера: 550, Номер ошибки: 0x800CCC79"});
        inputs.add(new String[] {"postfix DSN .eml", resource("bounces/postfix-relay-denied.eml")});
        inputs.add(new String[] {"exchange NDR .eml", resource("bounces/exchange-unable-to-relay.eml")});
        inputs.add(new String[] {"1 MB of 'a'", "a".repeat(1_000_000)});
        inputs.add(new String[] {"600 KB 'relay relay…'", "550 5.7.1 " + "relay ".repeat(100_000)});
        inputs.add(new String[] {"20k '@' addresses-like", ("x".repeat(60) + "@").repeat(20_000)});
        StringBuilder parts = new StringBuilder("From: a@b.c\nTo: c@d.e\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < 150; i++) {
            parts.append("--p\nContent-Type: text/plain\n\n550 5.7.1 part ").append(i).append('\n');
        }
        inputs.add(new String[] {"MIME with 150 parts", parts.append("--p--\n").toString()});
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf("%-26s %10s %10s%n", "input (explain)", "median ms", "max ms");
        for (String[] in : inputs) {
            for (int i = 0; i < 20; i++) {
                explainer.explain(in[1]);
            }
            double[] t = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                explainer.explain(in[1]);
                t[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(t);
            System.out.printf("%-26s %10.3f %10.3f%n", in[0], t[rounds / 2], t[rounds - 1]);
        }
        ServerReply reply = ServerReply.parse("554 5.7.1 <friend@example.org>: Relay access denied");
        ServerReply unknown = ServerReply.parse("550 5.7.1 a wording nobody knows " + "x".repeat(3000));
        for (ServerReply r : List.of(reply, unknown)) {
            for (int i = 0; i < 2000; i++) {
                classifier.classify(r, SmtpPhase.RCPT);
            }
            long s = System.nanoTime();
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                classifier.classify(r, SmtpPhase.RCPT);
            }
            System.out.printf("classify %-17s %10.4f ms mean%n", r == reply ? "(known wording)" : "(unknown, long)",
                    (System.nanoTime() - s) / 1e6 / n);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ExplainBench.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
