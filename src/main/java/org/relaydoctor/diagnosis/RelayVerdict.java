package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Objects;

/// The one primary answer for the settings as entered.
///
/// @param code          the restriction that blocked the message (or {@link VerdictCode#OK})
/// @param verified      true when a probe proved that the fix works
/// @param evidence      the exact server lines (already redacted) that prove the verdict
/// @param changes       profile changes that implement the fix; empty when the fix is advice only
/// @param alternatives  other possible causes, most likely first, when the evidence cannot exclude them
public record RelayVerdict(
        VerdictCode code,
        boolean verified,
        List<String> evidence,
        List<ProfileChange> changes,
        List<VerdictCode> alternatives) {

    public RelayVerdict {
        Objects.requireNonNull(code, "code");
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
        alternatives = List.copyOf(alternatives);
    }

    public static RelayVerdict of(VerdictCode code, List<String> evidence) {
        return new RelayVerdict(code, false, evidence, List.of(), List.of());
    }
}
