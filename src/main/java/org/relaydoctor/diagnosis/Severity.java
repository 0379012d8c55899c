package org.relaydoctor.diagnosis;

/// How much a finding matters.
public enum Severity {
    /// A fact worth knowing; nothing is wrong.
    INFO,
    /// Something is off and may cause trouble, but it is not what blocked the message.
    WARNING,
    /// Something is broken and needs fixing, by the user or the server's admin.
    ERROR
}
