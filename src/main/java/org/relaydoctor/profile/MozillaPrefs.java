package org.relaydoctor.profile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The `user_pref("name", value);` lines of a Mozilla `prefs.js`: strings (with JavaScript escapes),
/// integers and booleans. Comments and other statements are skipped; a `user_pref` line that cannot be read
/// is an error naming its line number.
final class MozillaPrefs {
    private static final Pattern USER_PREF = Pattern.compile(
            "^\\s*user_pref\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*(.*?)\\s*\\)\\s*;\\s*(//.*)?$");
    private static final Pattern STRING = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"$");
    private static final Pattern INTEGER = Pattern.compile("^-?\\d{1,10}$");

    private record Value(Object value, int line) {}

    private final Path file;
    private final Map<String, Value> values;

    private MozillaPrefs(Path file, Map<String, Value> values) {
        this.file = file;
        this.values = values;
    }

    static MozillaPrefs parse(Path file, String text) throws AccountImportException {
        Map<String, Value> values = new HashMap<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (inComment) {
                int end = line.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inComment = false;
                line = line.substring(end + 2);
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("/*") && !trimmed.contains("*/")) {
                inComment = true;
                continue;
            }
            if (!trimmed.startsWith("user_pref")) {
                continue;
            }
            Matcher m = USER_PREF.matcher(line);
            if (!m.matches()) {
                throw new AccountImportException(file, "line " + number + ": not a complete user_pref(\"name\", value); line");
            }
            String name = unescape(m.group(1), file, number);
            values.put(name, new Value(value(m.group(2), name, file, number), number));
        }
        return new MozillaPrefs(file, values);
    }

    Optional<String> string(String name) throws AccountImportException {
        Value v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.value() instanceof String s) {
            return Optional.of(s);
        }
        throw new AccountImportException(file, "line " + v.line() + ": " + name + " should be text, is " + v.value());
    }

    Optional<Integer> integer(String name) throws AccountImportException {
        Value v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.value() instanceof Integer n) {
            return Optional.of(n);
        }
        // Hand-edited files sometimes quote numbers.
        if (v.value() instanceof String s && INTEGER.matcher(s.strip()).matches()) {
            return Optional.of(Integer.parseInt(s.strip()));
        }
        throw new AccountImportException(file, "line " + v.line() + ": " + name + " should be a number, is "
                + (v.value() instanceof String s ? "\"" + s + "\"" : v.value()));
    }

    Optional<Boolean> bool(String name) {
        Value v = values.get(name);
        return v != null && v.value() instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    private static Object value(String raw, String name, Path file, int line) throws AccountImportException {
        Matcher s = STRING.matcher(raw);
        if (s.matches()) {
            return unescape(s.group(1), file, line);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        if (INTEGER.matcher(raw).matches()) {
            try {
                return Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw new AccountImportException(file, "line " + line + ": cannot read the value of " + name);
    }

    private static String unescape(String s, Path file, int line) throws AccountImportException {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new AccountImportException(file, "line " + line + ": a string ends in a lone backslash");
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u', 'x' -> {
                    int len = e == 'u' ? 4 : 2;
                    if (i + len >= s.length()) {
                        throw new AccountImportException(file, "line " + line + ": a \\" + e + " escape is cut short");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 1 + len), 16));
                    } catch (NumberFormatException | IndexOutOfBoundsException ex) {
                        throw new AccountImportException(file, "line " + line + ": a \\" + e + " escape is not hexadecimal");
                    }
                    i += len;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
