package org.relaydoctor.report;

import java.util.List;
import org.relaydoctor.report.Report.Row;
import org.relaydoctor.report.Report.Section;

/// The HTML form of a report: one self-contained, well-formed XHTML file with inline CSS that prints well
/// (the PDF is made from the same markup).
public final class HtmlReport {
    static final String FONT_FAMILY = "DejaVu Sans";

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: '%1$s', 'Segoe UI', Arial, sans-serif; font-size: 10pt; color: #1a1a1a; margin: 0 auto; max-width: 60em; line-height: 1.35; }
            h1 { font-size: 16pt; margin: 0 0 6pt 0; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; padding-bottom: 2pt; page-break-after: avoid; }
            p.sentence { font-size: 12pt; font-weight: bold; background: #f1f4f8; border-left: 4pt solid #2b6cb0; padding: 6pt 8pt; margin: 0 0 8pt 0; }
            p.note { color: #555; margin: 0 0 4pt 0; }
            table { border-collapse: collapse; width: 100%%; margin: 0 0 4pt 0; }
            th, td { text-align: left; vertical-align: top; padding: 2pt 6pt 2pt 0; border-bottom: 1px solid #e2e2e2; }
            th { font-weight: bold; background: #f6f6f6; }
            table.kv th { width: 30%%; background: none; }
            td { white-space: pre-wrap; word-wrap: break-word; }
            tr { page-break-inside: avoid; }
            table.code td { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 8pt; padding: 0 6pt 0 0; border: none; }
            table.code td.t { color: #666; width: 7em; white-space: nowrap; }
            table.code td.c { color: #666; width: 2.5em; }
            table.code td.d { width: 1.5em; font-weight: bold; }
            span.redacted { background: #fde68a; }
            p.footer { color: #555; font-size: 8pt; margin-top: 14pt; }
            @media screen { body { padding: 16px; } }
            """;

    private HtmlReport() {
    }

    public static String render(Report report, String footer) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(report.language())
                .append("\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(escape(report.title()))
                .append("</title>\n<style>\n").append(CSS.formatted(FONT_FAMILY)).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(report.title())).append("</h1>\n");
        out.append("<p class=\"sentence\">").append(escape(report.sentence())).append("</p>\n");
        out.append("<table class=\"kv\">\n");
        for (Row r : report.summary()) {
            out.append("<tr><th>").append(escape(r.label())).append("</th><td>").append(escape(r.value())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        for (Section s : report.sections()) {
            out.append("<h2>").append(escape(s.heading())).append("</h2>\n");
            if (!s.note().isEmpty()) {
                out.append("<p class=\"note\">").append(escape(s.note())).append("</p>\n");
            }
            if (s.code()) {
                out.append("<table class=\"code\">\n");
                for (List<String> row : s.rows()) {
                    out.append("<tr><td class=\"t\">").append(escape(row.get(0))).append("</td><td class=\"c\">")
                            .append(escape(row.get(1))).append("</td><td class=\"d\">").append(escape(row.get(2)))
                            .append("</td><td>").append(markRedaction(escape(row.get(3)))).append("</td></tr>\n");
                }
            } else {
                out.append(s.columns().isEmpty() ? "<table class=\"kv\">\n" : "<table>\n");
                if (!s.columns().isEmpty()) {
                    out.append("<tr>");
                    s.columns().forEach(c -> out.append("<th>").append(escape(c)).append("</th>"));
                    out.append("</tr>\n");
                }
                for (List<String> row : s.rows()) {
                    out.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        boolean label = s.columns().isEmpty() && i == 0;
                        out.append(label ? "<th>" : "<td>").append(escape(row.get(i))).append(label ? "</th>" : "</td>");
                    }
                    out.append("</tr>\n");
                }
            }
            out.append("</table>\n");
        }
        out.append("<p class=\"footer\">").append(escape(footer)).append("</p>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String markRedaction(String escapedLine) {
        String mask = escape(org.relaydoctor.probe.Redactor.MASK);
        return escapedLine.replace(mask, "<span class=\"redacted\">" + mask + "</span>");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD'); // control characters from a hostile server are not valid XML
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
