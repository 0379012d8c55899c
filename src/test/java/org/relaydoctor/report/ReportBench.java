package org.relaydoctor.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.check.CheckResult;

/// Rerunnable benchmark: time to write every report format from the fixed result, after a warm-up.
/// Run: `src/test/bench/report-bench.sh [OUTDIR]` (OUTDIR keeps the written files).
public final class ReportBench {
    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        CheckResult result = ReportFixture.result();
        Optional<Path> out = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        int rounds = 20;
        for (String lang : new String[] {"en", "ru"}) {
            ReportWriter writer = new ReportWriter(Locale.of(lang), ZoneId.of("Europe/Moscow"));
            long first = System.nanoTime();
            for (ReportFormat f : ReportFormat.values()) {
                writer.write(result, f, Optional.empty());
            }
            System.out.printf("%s: first (cold) all formats %.1f ms%n", lang, (System.nanoTime() - first) / 1e6);
            for (ReportFormat f : ReportFormat.values()) {
                for (int i = 0; i < 5; i++) {
                    writer.write(result, f, Optional.empty());
                }
                long t0 = System.nanoTime();
                byte[] bytes = null;
                for (int i = 0; i < rounds; i++) {
                    bytes = writer.write(result, f, Optional.empty());
                }
                System.out.printf("%s %-4s %8.2f ms/report  %7d bytes%n", lang, f.extension(),
                        (System.nanoTime() - t0) / 1e6 / rounds, bytes.length);
                if (out.isPresent()) {
                    Files.createDirectories(out.get());
                    Files.write(out.get().resolve("report-" + lang + "." + f.extension()), bytes);
                }
            }
        }
    }
}
