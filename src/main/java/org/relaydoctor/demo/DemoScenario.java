package org.relaydoctor.demo;

import java.util.Objects;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.Secret;

/// One demo server set-up and the account that meets it.
///
/// @param id        a short stable name ("auth-required")
/// @param profile   the account as a user would have typed it
/// @param password  the password that goes with it (a demo value, not a secret)
/// @param expected  the verdict a check must reach
public record DemoScenario(String id, AccountProfile profile, Secret password, VerdictCode expected) {
    public DemoScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(expected, "expected");
    }
}
