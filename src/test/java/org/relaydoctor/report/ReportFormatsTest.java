package org.relaydoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaydoctor.check.CheckResult;

/// Every report format from one fixed result, compared with golden files; the PDF read back with PDFBox; every
/// format scanned for the password and its base64 forms. `-Dreport.golden.update=true` rewrites the golden files.
class ReportFormatsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/relaydoctor/report/golden");
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final CheckResult RESULT = ReportFixture.result();

    private static byte[] write(ReportFormat f, String lang) {
        return new ReportWriter(Locale.of(lang), ZONE).write(RESULT, f, Optional.of("support@yandex.example"));
    }

    @ParameterizedTest
    @CsvSource({"HTML,en", "HTML,ru", "TXT,en", "TXT,ru", "TXT,uk", "JSON,en", "EML,en", "EML,ru"})
    void matchesGoldenFile(ReportFormat f, String lang) throws IOException {
        String actual = stable(new String(write(f, lang), StandardCharsets.UTF_8));
        Path golden = GOLDEN.resolve("report-" + lang + "." + f.extension());
        if (Boolean.getBoolean("report.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }

    /// MIME boundaries are random per message; everything else must match.
    private static String stable(String s) {
        return Pattern.compile("----=_Part_[0-9_.]+").matcher(s.replace("\r\n", "\n")).replaceAll("----=_Part_X");
    }

    @ParameterizedTest
    @CsvSource({"en", "ru"})
    void pdfHoldsTheReportWithCyrillic(String lang) throws IOException {
        byte[] pdf = write(ReportFormat.PDF, lang);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("smtp.example.ru", "AUTH_REQUIRED", "554 5.7.1", "TLS_AES_256_GCM_SHA384",
                    "mx.yandex.net", "203.0.113.7", "[redacted]", "12:15:30");
            assertThat(text).contains(lang.equals("ru") ? "Проверка исходящей почты" : "Outgoing mail check");
            assertThat(text).contains("Ваши настройки");
            assertThat(doc.getNumberOfPages()).isBetween(1, 6);
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void noFormatHoldsThePasswordOrAuthPayloads(ReportFormat f) throws IOException {
        for (String lang : new String[] {"en", "ru", "uk"}) {
            byte[] bytes = write(f, lang);
            String text = f == ReportFormat.PDF ? pdfText(bytes) : decoded(f, bytes);
            for (String secret : ReportFixture.secretForms()) {
                assertThat(text).as(f + " " + lang).doesNotContain(secret);
            }
            assertThat(text).as(f + " " + lang).contains("[redacted]");
        }
    }

    /// The e-mail draft's parts are base64 or quoted-printable: decode them before searching.
    private static String decoded(ReportFormat f, byte[] bytes) throws IOException {
        String raw = new String(bytes, StandardCharsets.UTF_8);
        if (f != ReportFormat.EML) {
            return raw;
        }
        try {
            var m = new jakarta.mail.internet.MimeMessage(null, new java.io.ByteArrayInputStream(bytes));
            var mp = (jakarta.mail.internet.MimeMultipart) m.getContent();
            StringBuilder all = new StringBuilder(raw);
            for (int i = 0; i < mp.getCount(); i++) {
                all.append(new String(mp.getBodyPart(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return all.toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IOException(e);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
