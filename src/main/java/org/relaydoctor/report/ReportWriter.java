package org.relaydoctor.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.AppInfo;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.diagnosis.Messages;

/// Writes a check result as a report in one format and language, independent of the UI's language.
/// The e-mail draft goes to `supportAddress` when the provider catalogue knows one.
public final class ReportWriter {
    private final ReportBuilder builder;
    private final Messages text;
    private final Locale locale;
    private final ZoneId zone;

    public ReportWriter(Locale locale, ZoneId zone) {
        this.builder = new ReportBuilder(locale, zone);
        this.text = Messages.load("report", locale);
        this.locale = locale;
        this.zone = zone;
    }

    public byte[] write(CheckResult result, ReportFormat format, Optional<String> supportAddress) {
        return switch (format) {
            case HTML -> html(result).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReport.render(html(result));
            case TXT -> txt(result).getBytes(StandardCharsets.UTF_8);
            case JSON -> (new JsonReport(locale).write(result) + "\n").getBytes(StandardCharsets.UTF_8);
            case EML -> eml(result, supportAddress);
        };
    }

    public void write(CheckResult result, ReportFormat format, Optional<String> supportAddress, Path file)
            throws IOException {
        byte[] bytes = write(result, format, supportAddress);
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".report", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// The support address of the provider the DNS check recognised, for the e-mail draft's To:.
    public static Optional<String> supportAddress(CheckResult result) {
        return result.dns().flatMap(d -> d.provider())
                .flatMap(id -> org.relaydoctor.dns.ProviderCatalog.bundled().supportAddress(id));
    }

    /// The summary for the clipboard: the verdict sentence and the key facts as text.
    public String summary(CheckResult result) {
        return builder.summaryText(result);
    }

    private String html(CheckResult r) {
        return HtmlReport.render(builder.build(r), footer(r));
    }

    private String txt(CheckResult r) {
        return TextReport.render(builder.build(r), footer(r));
    }

    private byte[] eml(CheckResult r, Optional<String> supportAddress) {
        Report report = builder.build(r);
        String body = text.get("mail.body", r.profile().outgoing().host(), r.profile().email(),
                builder.summaryText(r).strip());
        byte[] html = HtmlReport.render(report, footer(r)).getBytes(StandardCharsets.UTF_8);
        String name = "relay-doctor-report-" + r.startedAt().toString().replace(':', '-') + ".html";
        return EmlDraft.write(r.profile().email(), supportAddress, text.get("mail.subject", r.profile().outgoing().host()),
                body, r.startedAt().atZone(zone), name, "text/html; charset=UTF-8", html);
    }

    private String footer(CheckResult r) {
        return text.get("footer", AppInfo.NAME, r.appVersion());
    }
}
