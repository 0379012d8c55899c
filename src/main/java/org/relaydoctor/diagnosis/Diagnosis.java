package org.relaydoctor.diagnosis;

import java.util.List;

/// The verdict for the settings as entered and the findings beside it.
public record Diagnosis(RelayVerdict verdict, List<Finding> findings) {
    public Diagnosis {
        findings = List.copyOf(findings);
    }
}
