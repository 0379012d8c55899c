package org.relaydoctor.diagnosis;

import java.util.List;
import java.util.Optional;

/// What one server reply means on its own, before the probe matrix weighs in.
///
/// @param code          the most likely verdict code for this reply alone
/// @param alternatives  other possible codes, most likely first
/// @param server        the server family recognised from the wording ("Postfix", "Exim", ...), if any
/// @param patternId     the id of the knowledge entry that matched, if any
/// @param relayRefusal  true when the reply is a refusal to relay (as opposed to e.g. a mailbox problem)
public record Classification(
        VerdictCode code, List<VerdictCode> alternatives, Optional<String> server, Optional<String> patternId,
        boolean relayRefusal) {
    public Classification {
        alternatives = List.copyOf(alternatives);
    }
}
