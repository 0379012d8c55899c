package org.relaydoctor.app;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The language the environment asks for when Java did not take it. Java asks the C library, which answers "C" for a
/// locale that is not installed (a minimal system, WSL, a container), so someone with `LANG=ru_RU.UTF-8` got an English
/// window and English verdicts. A language chosen in View > Language or with `--lang` still wins over this.
final class EnvironmentLocale {
    /// `ru`, `ru_RU`, `ru_RU.UTF-8`, `uk_UA.utf8@euro`: the language and the country, if any.
    private static final Pattern NAME = Pattern.compile("([a-zA-Z]{2,3})(?:_([a-zA-Z]{2}|[0-9]{3}))?(?:[.@].*)?");

    private EnvironmentLocale() {}

    /// Sets Java's default locale to the environment's language where the two differ (Linux and other Unix systems),
    /// if `output` can carry that language's letters. A failed locale leaves Java's terminal output in ASCII, where
    /// Russian would print as question marks: the command line then stays in English; the window draws any text.
    static void apply(Charset output) {
        missing(System.getenv(), Locale.getDefault(), System.getProperty("os.name", ""), output)
                .ifPresent(Locale::setDefault);
    }

    /// The locale named by the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (the order POSIX gives them for
    /// messages), when its language is not `javaDefault`'s and `output` can encode its name; empty for "C", "POSIX", a
    /// name that is no locale, and on Windows and macOS, where Java takes the language from the system.
    static Optional<Locale> missing(Map<String, String> env, Locale javaDefault, String osName, Charset output) {
        if (osName.startsWith("Windows") || osName.startsWith("Mac")) {
            return Optional.empty();
        }
        String name = null;
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                name = value.strip();
                break;
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty(); // C, POSIX, C.UTF-8 and anything else that names no language
        }
        Locale wanted = m.group(2) == null ? Locale.of(m.group(1).toLowerCase(Locale.ROOT))
                : Locale.of(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT));
        if (wanted.getLanguage().equals(javaDefault.getLanguage())
                || !output.newEncoder().canEncode(wanted.getDisplayLanguage(wanted))) {
            return Optional.empty();
        }
        return Optional.of(wanted);
    }
}
