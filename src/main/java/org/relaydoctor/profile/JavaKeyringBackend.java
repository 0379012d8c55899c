package org.relaydoctor.profile;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/// The operating system's keychain through java-keyring: Windows Credential Manager, macOS Keychain, or the
/// Secret Service (GNOME Keyring, KWallet 5.97+) on Linux over D-Bus.
final class JavaKeyringBackend implements KeychainBackend {
    private final Keyring keyring;

    private JavaKeyringBackend(Keyring keyring) {
        this.keyring = keyring;
    }

    /// Opens the platform's keychain; on Linux this connects to D-Bus, which can block when no session bus
    /// answers — callers run it under a time-out ({@link SecretStoreSelector}).
    static JavaKeyringBackend open() throws BackendNotSupportedException {
        return new JavaKeyringBackend(Keyring.create());
    }

    @Override
    public String name() {
        return switch (keyring.getKeyringStorageType()) {
            case GNOME_KEYRING -> "Secret Service";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case KWALLET -> "KWallet";
            default -> keyring.getKeyringStorageType().name();
        };
    }

    @Override
    public Optional<String> read(String service, String account) throws Exception {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException notFound) {
            // java-keyring reports a missing entry as an access failure on every backend.
            return Optional.empty();
        }
    }

    @Override
    public void write(String service, String account, String value) throws Exception {
        keyring.setPassword(service, account, value);
    }

    @Override
    public void remove(String service, String account) throws Exception {
        try {
            keyring.deletePassword(service, account);
        } catch (PasswordAccessException notFound) {
            // nothing to delete is fine; a real failure shows up on the next read
        }
    }
}
