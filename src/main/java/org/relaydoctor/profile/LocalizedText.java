package org.relaydoctor.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/// A short text in several languages, from data (the provider catalogue's quirks), shown in the window's
/// language; English when the language is missing.
///
/// @param byLanguage  text by ISO 639 language ("en", "ru", "uk"); "en" is required
public record LocalizedText(Map<String, String> byLanguage) {
    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
        Objects.requireNonNull(byLanguage.get("en"), "an English text");
    }

    /// A text known only in English.
    public static LocalizedText of(String english) {
        return new LocalizedText(Map.of("en", english));
    }

    public String in(Locale locale) {
        return byLanguage.getOrDefault(locale.getLanguage(), byLanguage.get("en"));
    }

    public String english() {
        return byLanguage.get("en");
    }
}
