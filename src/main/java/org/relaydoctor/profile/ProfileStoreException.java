package org.relaydoctor.profile;

import java.io.IOException;

/// Saving was refused or failed; the message says why in words a user can act on (no stack trace needed).
public final class ProfileStoreException extends IOException {
    public ProfileStoreException(String message) {
        super(message);
    }

    public ProfileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
