package org.relaydoctor.report;

import org.relaydoctor.report.Report.Row;
import org.relaydoctor.report.Report.Section;

/// The plain-text form of a report, for pasting into a support form: no markup, one fact a line.
public final class TextReport {
    private TextReport() {
    }

    public static String render(Report report, String footer) {
        StringBuilder out = new StringBuilder();
        underline(out, report.title(), '=');
        out.append(report.sentence()).append("\n\n");
        int width = report.summary().stream().mapToInt(r -> r.label().length()).max().orElse(0);
        for (Row r : report.summary()) {
            out.append(pad(r.label() + ":", width + 1)).append(' ').append(r.value()).append('\n');
        }
        for (Section s : report.sections()) {
            out.append('\n');
            underline(out, s.heading(), '-');
            if (!s.note().isEmpty()) {
                out.append(s.note()).append("\n\n");
            }
            if (s.code()) {
                s.rows().forEach(row -> out.append(String.join(" ", row)).append('\n'));
            } else if (s.columns().isEmpty()) {
                s.rows().forEach(row -> out.append(row.getFirst()).append(": ")
                        .append(indentContinuation(String.join(" ", row.subList(1, row.size())))).append('\n'));
            } else {
                out.append(String.join(" | ", s.columns())).append('\n');
                s.rows().forEach(row -> out.append(indentContinuation(String.join(" | ", row))).append('\n'));
            }
        }
        out.append('\n').append(footer).append('\n');
        return out.toString();
    }

    private static void underline(StringBuilder out, String text, char c) {
        out.append(text).append('\n').append(String.valueOf(c).repeat(text.length())).append("\n\n");
    }

    private static String indentContinuation(String s) {
        return s.replace("\n", "\n    ");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
