package org.relaydoctor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.cli.Option;

/// `--help`: the usage line, the description, the operands, the options, a group's commands and the exit statuses,
/// each entry's text wrapped under itself (a label too long for its column gets a line of its own). Laid out here:
/// commons-cli's classic `HelpFormatter` is deprecated, and its `help.TextHelpAppendable` drops the indent of a
/// wrapped line that fills the width exactly (1.11.0).
final class HelpText {
    private static final int WIDTH = 80;
    private static final int OPTION_COLUMN = 29;
    private static final int COMMAND_COLUMN = 12;
    private static final int STATUS_COLUMN = 6;

    private final PrintWriter out;

    private HelpText(PrintWriter out) {
        this.out = out;
    }

    static void print(CommandSpec spec, PrintWriter out) {
        new HelpText(out).write(spec);
        out.flush();
    }

    private void write(CommandSpec spec) {
        out.println("Usage: " + usage(spec));
        spec.description().forEach(paragraph -> wrap(paragraph, WIDTH).forEach(out::println));
        if (!spec.operands().isEmpty()) {
            section("Parameters:");
            spec.operands().forEach(o -> entry(o.syntax(), o.description(), OPTION_COLUMN));
        }
        section("Options:");
        spec.allOptions().forEach(o -> entry(label(o.option()), o.option().getDescription(), OPTION_COLUMN));
        if (!spec.children().isEmpty()) {
            section("Commands:");
            spec.children().forEach(c -> entry(c.name(), c.description(), COMMAND_COLUMN));
        }
        if (!spec.exitStatuses().isEmpty()) {
            section("Exit status:");
            for (String status : spec.exitStatuses()) {
                int colon = status.indexOf(':');
                entry(status.substring(0, colon), status.substring(colon + 1), STATUS_COLUMN);
            }
        }
    }

    private static String usage(CommandSpec spec) {
        String operands = spec.operands().stream().map(o -> " " + o.syntax()).collect(Collectors.joining());
        return spec.name() + " [OPTIONS]" + operands + (spec.children().isEmpty() ? "" : " COMMAND");
    }

    /// `-h, --help` or `    --email=ADDR`.
    private static String label(Option option) {
        String shortName = option.getOpt() == null ? "    " : "-" + option.getOpt() + ", ";
        return shortName + "--" + option.getLongOpt() + (option.hasArg() ? "=" + option.getArgName() : "");
    }

    private void section(String heading) {
        out.println();
        out.println(heading);
    }

    /// `  LABEL    description`, the description wrapped under itself from `column` on.
    private void entry(String label, String description, int column) {
        String head = "  " + label;
        if (head.length() >= column) {
            out.println(head);
            head = "";
        }
        String prefix = String.format("%-" + column + "s", head);
        for (String line : wrap(description, WIDTH - column)) {
            out.println(prefix + line);
            prefix = " ".repeat(column);
        }
    }

    /// Greedy word wrap; a word longer than `width` keeps a line of its own rather than being cut.
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
