package org.relaydoctor.ui.profiles;

import java.util.Objects;

/// What the validation says about one field as typed. The message is a `ui` bundle key, so the
/// ViewModel stays language-free and the view translates it.
///
/// @param level       fine, a gentle warning (the value is still used), or an error (the profile is not usable)
/// @param messageKey  the `ui` bundle key of the message; empty when fine
public record FieldState(Level level, String messageKey) {
    public static final FieldState FINE = new FieldState(Level.FINE, "");

    public FieldState {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(messageKey, "messageKey");
    }

    public static FieldState warning(String key) {
        return new FieldState(Level.WARNING, key);
    }

    public static FieldState error(String key) {
        return new FieldState(Level.ERROR, key);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /// How serious a field's state is.
    public enum Level {
        /// Nothing to say.
        FINE,
        /// Unusual but allowed; the value reaches the check.
        WARNING,
        /// Not usable; the profile is held back from the check until it is fixed.
        ERROR
    }
}
