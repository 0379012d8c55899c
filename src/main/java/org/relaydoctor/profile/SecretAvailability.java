package org.relaydoctor.profile;

import java.util.Objects;

/// How long a remembered password lasts here, for the UI to show next to "Remember password".
///
/// @param state    where passwords go
/// @param backend  the keychain's name ("Secret Service", "Windows Credential Manager", …) or "session"
/// @param reason   why the keychain is not used (empty when it is), technical, for the details line
public record SecretAvailability(State state, String backend, String reason) {

    public enum State {
        /// Passwords go to the operating system's keychain and survive a restart.
        KEYCHAIN,
        /// No usable keychain: passwords are kept in memory until the program ends.
        SESSION_ONLY,
        /// The keychain is still being probed (start-up): the answer follows in a moment.
        PENDING
    }

    public SecretAvailability {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(reason, "reason");
    }

    public static SecretAvailability keychain(String backend) {
        return new SecretAvailability(State.KEYCHAIN, backend, "");
    }

    public static SecretAvailability sessionOnly(String reason) {
        return new SecretAvailability(State.SESSION_ONLY, "session", reason);
    }

    public static SecretAvailability pending() {
        return new SecretAvailability(State.PENDING, "", "");
    }

    public boolean persistent() {
        return state == State.KEYCHAIN;
    }

    /// The key of the sentence in the `profile` bundle; `{0}` is the backend, `{1}` the reason.
    public String messageKey() {
        // Without a reason the text has no "(…)": an empty one read "No keychain is available ():".
        return "profile.secrets." + state.name()
                + (state == State.SESSION_ONLY && (reason == null || reason.isBlank()) ? ".noReason" : "");
    }
}
