package org.relaydoctor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.relaydoctor.diagnosis.Explanation;
import org.relaydoctor.diagnosis.ExplanationText;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.TextExplainer;
import org.relaydoctor.report.JsonReport;

/// `relay-doctor explain "TEXT" | --file FILE | -`: explains a server reply, a mail program's error text or a
/// bounce message without any network access. Exit status 0 when the text shows no refusal, 1 when it
/// explains one, 2 for a usage error or an unreadable file.
final class ExplainCommand implements Subcommand {
    static final String DESCRIPTION =
            "Explains an SMTP reply, an Outlook/Thunderbird error text or a bounce message offline.";
    static final int NO_REFUSAL = 0;
    static final int REFUSAL = 1;
    static final int USAGE = 2;
    /// Bounce messages with attachments can be large; the explainer reads only the start anyway.
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    static final Opt<Path> FILE = Opt.value("file", "FILE", Path.class, Converters.PATH,
            "Read the text from FILE (a .eml or .txt).");
    static final Opt<Boolean> JSON = Opt.flag("json", "Print JSON (schema 1, kind \"explain\").");
    static final Opt<String> LANG = Opt.text("lang", "LANG", "Language of the texts: en, ru or uk.");

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(RelayDoctorCommand.NAME + " explain", DESCRIPTION,
                        "Give the text as an argument, --file FILE (for example a saved .eml), or - to read standard input.")
                .withOperands(Operand.optional("TEXT", "The text to explain; - reads standard input."))
                .withOptions(FILE, JSON, LANG)
                .withExitStatuses("0:the text shows no refusal", "1:the text shows a refusal, explained",
                        "2:usage error (bad option, nothing given, unreadable file)");
    }

    @Override
    public int run(ParsedArgs args, Output output) {
        Locale locale = args.value(LANG).map(Locale::forLanguageTag).orElse(Locale.getDefault());
        Messages messages = Messages.load("explain", locale);
        PrintWriter err = output.err();
        String text = args.operand(0).orElse(null);
        Path file = args.value(FILE).orElse(null);
        if (text != null && file != null) {
            err.println(messages.get("cli.bothTextAndFile"));
            return USAGE;
        }
        String input;
        try {
            if (file != null) {
                input = read(Files.newInputStream(file));
            } else if ("-".equals(text)) {
                input = read(System.in);
            } else if (text != null) {
                input = text;
            } else {
                err.println(messages.get("cli.nothingGiven"));
                return USAGE;
            }
        } catch (IOException | RuntimeException e) {
            err.println(messages.get("cli.fileUnreadable", file == null ? "-" : file.toString(), reason(e)));
            return USAGE;
        }
        Explanation explanation = new TextExplainer().explain(input);
        PrintWriter out = output.out();
        if (args.has(JSON)) {
            out.println(new JsonReport(locale).write(explanation));
        } else {
            print(out, ExplanationText.of(explanation, locale), messages);
        }
        out.flush();
        return explanation.refusal() ? REFUSAL : NO_REFUSAL;
    }

    private static String read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static String reason(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException n -> "no such file";
            case java.nio.file.AccessDeniedException a -> "access denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    static void print(PrintWriter out, ExplanationText t, Messages m) {
        if (!t.title().isEmpty()) {
            out.println(m.get("explain.heading.verdict") + ": " + t.code() + " - " + t.title());
            out.println("  " + t.explanation());
        }
        t.notes().forEach(n -> out.println("  " + n));
        section(out, m.get("explain.heading.evidence"), t.evidence().stream().map(l -> "> " + l).toList());
        if (!t.fix().isEmpty()) {
            out.println();
            out.println(m.get("explain.heading.fix") + ":");
            for (int i = 0; i < t.fix().size(); i++) {
                out.println("  " + (i + 1) + ". " + t.fix().get(i));
            }
        }
        section(out, m.get("explain.heading.codes"), t.codes());
        if (!t.alternatives().isEmpty()) {
            out.println();
            out.println(m.get("explain.heading.alternatives") + ":");
            for (ExplanationText.Alternative a : t.alternatives()) {
                out.println("  - " + a.code() + " - " + a.title());
                out.println("    " + m.get("explain.tellApart", a.tellApart()));
            }
        }
        t.undecided().ifPresent(u -> section(out, m.get("explain.heading.undecided"), java.util.List.of(u)));
        section(out, m.get("explain.heading.facts"), t.facts());
    }

    private static void section(PrintWriter out, String heading, java.util.List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading + ":");
        lines.forEach(l -> out.println("  " + l));
    }
}
