package org.relaydoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/// Looks texts up in one message bundle for an explicit locale, so that a report's language can differ
/// from the UI's. Bundles live in `org/relaydoctor/i18n/` as UTF-8 `.properties` files, English as base.
public final class Messages {
    /// The languages the program speaks, best first for an unknown locale.
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("ru"), Locale.of("uk"));

    /// Bundles never change while the program runs: each is read once (the window's are read before it opens).
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /// Loads bundle `name` (for example "verdicts") for the best supported match of `requested`.
    /// The base file is English; a language file overrides it key by key. The JVM's default locale plays
    /// no part, unlike {@link ResourceBundle#getBundle(String, Locale)}'s fallback.
    public static Messages load(String name, Locale requested) {
        Locale locale = bestMatch(requested);
        return LOADED.computeIfAbsent(name + "_" + locale.getLanguage(), key -> readBundles(name, locale));
    }

    private static Messages readBundles(String name, Locale locale) {
        ResourceBundle base = read("/org/relaydoctor/i18n/" + name + ".properties", null);
        if (base == null) {
            throw new MissingResourceException("No message bundle " + name, Messages.class.getName(), name);
        }
        ResourceBundle bundle = base;
        if (!locale.equals(Locale.ENGLISH)) {
            ResourceBundle local = read("/org/relaydoctor/i18n/" + name + "_" + locale.getLanguage() + ".properties", base);
            if (local != null) {
                bundle = local;
            }
        }
        return new Messages(bundle, locale);
    }

    private static ResourceBundle read(String resource, ResourceBundle parent) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return new ChainedBundle(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read message bundle " + resource, e);
        }
    }

    private static final class ChainedBundle extends PropertyResourceBundle {
        ChainedBundle(Reader reader, ResourceBundle parent) throws IOException {
            super(reader);
            if (parent != null) {
                setParent(parent);
            }
        }
    }

    /// The supported language closest to `requested`; English when none is.
    public static Locale bestMatch(Locale requested) {
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(requested.getLanguage())) {
                return l;
            }
        }
        return Locale.ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /// The text for `key` with `{0}`-style arguments filled in; the key itself, bracketed, when missing.
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /// Numbered keys `prefix.1`, `prefix.2`, ... until the first gap.
    public List<String> list(String prefix, Object... args) {
        List<String> out = new ArrayList<>();
        for (int i = 1; has(prefix + "." + i); i++) {
            out.add(get(prefix + "." + i, args));
        }
        return out;
    }
}
