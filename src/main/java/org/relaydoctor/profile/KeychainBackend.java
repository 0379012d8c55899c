package org.relaydoctor.profile;

import java.util.Optional;

/// The few keychain operations {@link KeyringSecretStore} needs: the seam between it and java-keyring,
/// so tests can put a fake keychain behind the real store logic.
public interface KeychainBackend {

    /// A name for the UI: "Secret Service", "macOS Keychain", "Windows Credential Manager".
    String name();

    /// The stored text, or empty when there is no entry.
    Optional<String> read(String service, String account) throws Exception;

    void write(String service, String account, String value) throws Exception;

    /// Removes the entry; no error when there is none.
    void remove(String service, String account) throws Exception;
}
