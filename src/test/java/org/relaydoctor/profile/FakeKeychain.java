package org.relaydoctor.profile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/// An in-memory keychain behind the real {@link KeyringSecretStore}; `locked` makes every call fail the way
/// a locked Linux keyring does.
class FakeKeychain implements KeychainBackend {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    volatile boolean locked;

    @Override
    public String name() {
        return "Fake Keychain";
    }

    @Override
    public Optional<String> read(String service, String account) throws Exception {
        failIfLocked();
        return Optional.ofNullable(entries.get(service + "/" + account));
    }

    @Override
    public void write(String service, String account, String value) throws Exception {
        failIfLocked();
        entries.put(service + "/" + account, value);
    }

    @Override
    public void remove(String service, String account) throws Exception {
        failIfLocked();
        entries.remove(service + "/" + account);
    }

    private void failIfLocked() {
        if (locked) {
            throw new IllegalStateException("org.freedesktop.Secret.Error.IsLocked");
        }
    }
}
