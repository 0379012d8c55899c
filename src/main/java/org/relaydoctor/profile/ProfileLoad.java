package org.relaydoctor.profile;

import java.util.List;
import java.util.Objects;

/// What loading the store gave: the profiles that could be read and the problems met on the way.
/// An empty problem list means the file was read whole (or did not exist yet).
///
/// @param profiles  readable profiles, in file order
/// @param problems  what is wrong, where the damaged file and the backup are
/// @param readOnly  true when a newer version's file is present: saving is refused so it is not destroyed
public record ProfileLoad(List<StoredProfile> profiles, List<ProfileProblem> problems, boolean readOnly) {
    public ProfileLoad {
        profiles = List.copyOf(Objects.requireNonNull(profiles, "profiles"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
