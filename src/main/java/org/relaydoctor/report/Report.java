package org.relaydoctor.report;

import java.util.List;

/// A report as the formats render it: a title, the summary (one sentence, then key facts), and sections of
/// tables, all texts already in the report's language. Built by {@link ReportBuilder} from a check result.
///
/// @param title     the report's heading
/// @param sentence  the verdict in one sentence
/// @param summary   what the user tried and what came of it, as label/value rows
/// @param sections  the facts, the steps and the transcript
public record Report(String language, String title, String sentence, List<Row> summary, List<Section> sections) {
    public Report {
        summary = List.copyOf(summary);
        sections = List.copyOf(sections);
    }

    /// A label and its value.
    public record Row(String label, String value) {}

    /// A heading, an optional note under it, and one table; `code` sections are shown in a fixed-width font.
    public record Section(String heading, String note, List<String> columns, List<List<String>> rows, boolean code) {
        public Section {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
