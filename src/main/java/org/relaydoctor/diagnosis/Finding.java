package org.relaydoctor.diagnosis;

import java.util.Map;
import java.util.Objects;

/// A secondary fact beside the verdict. The text comes from the message bundle
/// (`finding.CODE.title`, `finding.CODE.detail`), filled from the details map.
public record Finding(FindingCode code, Severity severity, Map<String, String> details) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        details = Map.copyOf(details);
    }

    public static Finding of(FindingCode code, Severity severity) {
        return new Finding(code, severity, Map.of());
    }
}
