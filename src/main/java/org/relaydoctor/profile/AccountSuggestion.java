package org.relaydoctor.profile;

import java.util.List;
import java.util.Objects;

/// Settings proposed for an e-mail address, for "Fill from provider": the user reviews them before saving.
///
/// @param source    where the proposal comes from
/// @param provider  the provider's name as the source gives it ("Yandex Mail", the autoconfig displayName…)
/// @param profile   the proposed settings, named after the address; no password
/// @param origin    what backs it: the catalogue entry's citation, the SRV record names, the autoconfig URL
/// @param notes     quirks worth showing (app passwords, OAuth2, POP-before-SMTP), in the languages the source has
public record AccountSuggestion(Source source, String provider, AccountProfile profile, String origin,
        List<LocalizedText> notes) {

    /// Where a suggestion comes from, most trusted first.
    public enum Source {
        /// The provider catalogue shipped with the program (curated, cited).
        CATALOG,
        /// The provider's own autoconfig file (Thunderbird's config-v1.1.xml format).
        AUTOCONFIG,
        /// RFC 6186 SRV records of the domain (`_submission._tcp`, `_imaps._tcp`, `_pop3s._tcp`…).
        SRV
    }

    public AccountSuggestion {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(origin, "origin");
        notes = List.copyOf(notes);
    }
}
