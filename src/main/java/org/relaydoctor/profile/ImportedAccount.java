package org.relaydoctor.profile;

import java.util.List;
import java.util.Objects;

/// One account read from another mail program, with what could not be carried over as it was.
public record ImportedAccount(AccountProfile profile, List<ImportNote> notes) {
    public ImportedAccount {
        Objects.requireNonNull(profile, "profile");
        notes = List.copyOf(notes);
    }
}
