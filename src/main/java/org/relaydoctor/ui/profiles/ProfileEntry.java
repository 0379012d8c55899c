package org.relaydoctor.ui.profiles;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.AccountProfile;

/// One row of the profile list: a saved profile and the verdict of its last check.
///
/// @param id                a stable id that survives renames
/// @param profile           the settings
/// @param rememberPassword  "Remember password"
/// @param lastVerdict       the verdict of the last check, if one ran
public record ProfileEntry(String id, AccountProfile profile, boolean rememberPassword, Optional<VerdictCode> lastVerdict) {
    public ProfileEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(lastVerdict, "lastVerdict");
    }

    public static ProfileEntry create(AccountProfile profile) {
        return new ProfileEntry(UUID.randomUUID().toString(), profile, true, Optional.empty());
    }

    public ProfileEntry withProfile(AccountProfile value) {
        return new ProfileEntry(id, value, rememberPassword, lastVerdict);
    }

    public ProfileEntry withLastVerdict(VerdictCode value) {
        return new ProfileEntry(id, profile, rememberPassword, Optional.of(value));
    }
}
