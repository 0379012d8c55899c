package org.relaydoctor.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/// The PDF form of a report: the HTML form laid out by openhtmltopdf (PDFBox) with DejaVu fonts embedded,
/// so Cyrillic shows on any machine.
public final class PdfReport {
    private static final String FONTS = "/org/relaydoctor/report/fonts/";

    static {
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false); // its INFO chatter would reach the CLI's stderr
    }

    private PdfReport() {
    }

    public static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), HtmlReport.FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), HtmlReport.FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSansMono.ttf"), "DejaVu Sans Mono", 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF report", e);
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfReport.class.getResourceAsStream(FONTS + name);
        if (in == null) {
            throw new IllegalStateException("Font missing from the program: " + name);
        }
        return in;
    }
}
