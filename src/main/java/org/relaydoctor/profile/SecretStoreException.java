package org.relaydoctor.profile;

/// The keychain refused or failed an operation. The message never contains the password.
public final class SecretStoreException extends Exception {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
