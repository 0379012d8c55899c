// SPDX-License-Identifier: Apache-2.0
//
// Writes the AtlantaFX Primer themes without the rules of controls Relay Doctor never shows, in JavaFX's binary form.
// Run by the build (maven-antrun-plugin, process-classes) with the build's JDK as a single-file source program and the
// compile class path (AtlantaFX for the themes' CSS, JavaFX for its Css2Bin):
//
//     java -cp CLASSPATH src/build/theme/ThemeTrim.java DROPPED_LIST WORK_DIR OUTPUT_DIR
//
// The list of dropped style classes is src/build/theme/dropped-styles.txt. A selector goes when its first compound
// selector (up to the first combinator) has one of them: it can then match only inside such a control. A rule with
// some selectors left keeps them; a rule with none left goes. Everything else, the looked-up colours of .root
// included, is copied as it is.
import com.sun.javafx.css.parser.Css2Bin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The themes the app can put on, as AtlantaFX names their CSS.
static final List<String> THEMES = List.of("primer-light", "primer-dark");

void main(String[] args) throws IOException {
    if (args.length != 3) {
        throw new IllegalArgumentException("usage: ThemeTrim DROPPED_LIST WORK_DIR OUTPUT_DIR");
    }
    DroppedClasses dropped = DroppedClasses.read(Path.of(args[0]));
    Path work = Files.createDirectories(Path.of(args[1]));
    Path output = Files.createDirectories(Path.of(args[2]));
    for (String theme : THEMES) {
        String css;
        try (InputStream in = ClassLoader.getSystemResourceAsStream("atlantafx/base/theme/" + theme + ".css")) {
            if (in == null) {
                throw new IOException("atlantafx/base/theme/" + theme + ".css is not on the class path");
            }
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Trimmed trimmed = trim(css, dropped);
        Path trimmedCss = work.resolve(theme + ".css");
        Files.writeString(trimmedCss, trimmed.css());
        Css2Bin.convertToBinary(trimmedCss.toString(), output.resolve(theme + ".bss").toString());
        IO.println("ThemeTrim: " + theme + ": " + trimmed.rulesKept() + " of " + trimmed.rulesRead() + " rules kept, "
                + trimmed.css().length() + " of " + css.length() + " characters");
    }
}

/// The trimmed sheet and how much of the original it kept.
record Trimmed(String css, int rulesRead, int rulesKept) {}

/// Copies `css` rule by rule, leaving out the selectors `dropped` names. Comments go; rule bodies stay as written.
Trimmed trim(String css, DroppedClasses dropped) {
    StringBuilder out = new StringBuilder(css.length());
    int read = 0;
    int kept = 0;
    int at = 0;
    while (true) {
        at = skipSpaceAndComments(css, at);
        if (at >= css.length()) {
            break;
        }
        int open = css.indexOf('{', at);
        int close = endOfBody(css, open);
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("unexpected CSS at character " + at + ": the themes hold plain rules only");
        }
        String selectors = css.substring(at, open);
        if (selectors.contains("@") || selectors.contains("/*")) {
            throw new IllegalArgumentException("unexpected CSS before character " + open + ": " + selectors.strip());
        }
        read++;
        List<String> left = new ArrayList<>();
        for (String selector : selectors.split(",")) {
            if (!dropped.matches(firstCompound(selector.strip()))) {
                left.add(selector.strip());
            }
        }
        if (!left.isEmpty()) {
            kept++;
            out.append(String.join(",\n", left)).append(' ').append(css, open, close + 1).append('\n');
        }
        at = close + 1;
    }
    return new Trimmed(out.toString(), read, kept);
}

/// The selector up to its first combinator: `.tab-pane > .tab-header-area` gives `.tab-pane`.
static String firstCompound(String selector) {
    Matcher m = Pattern.compile("[\\s>+~]").matcher(selector);
    return m.find() ? selector.substring(0, m.start()) : selector;
}

static int skipSpaceAndComments(String css, int at) {
    while (at < css.length()) {
        if (Character.isWhitespace(css.charAt(at))) {
            at++;
        } else if (css.startsWith("/*", at)) {
            int end = css.indexOf("*/", at + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed comment at character " + at);
            }
            at = end + 2;
        } else {
            break;
        }
    }
    return at;
}

/// The `}` that closes the body opened at `open`; braces inside quoted strings do not count.
static int endOfBody(String css, int open) {
    if (open < 0) {
        return -1;
    }
    char quote = 0;
    for (int i = open + 1; i < css.length(); i++) {
        char c = css.charAt(i);
        if (quote != 0) {
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '}') {
            return i;
        } else if (c == '{') {
            return -1;
        }
    }
    return -1;
}

/// The style classes of dropped-styles.txt: whole names, and prefixes (written with a trailing `*`).
record DroppedClasses(List<String> names, List<String> prefixes) {
    private static final Pattern CLASS = Pattern.compile("\\.([-\\w]+)");

    static DroppedClasses read(Path list) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(list + ": no '=' in: " + line);
            }
            for (String styleClass : line.substring(eq + 1).strip().split("\\s+")) {
                if (styleClass.endsWith("*")) {
                    prefixes.add(styleClass.substring(0, styleClass.length() - 1));
                } else {
                    names.add(styleClass);
                }
            }
        }
        return new DroppedClasses(names, prefixes);
    }

    /// Whether the compound selector `compound` has one of the dropped style classes.
    boolean matches(String compound) {
        Matcher m = CLASS.matcher(compound);
        while (m.find()) {
            String styleClass = m.group(1);
            if (names.contains(styleClass) || prefixes.stream().anyMatch(styleClass::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
