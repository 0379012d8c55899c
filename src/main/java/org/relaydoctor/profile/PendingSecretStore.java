package org.relaydoctor.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/// A secret store whose real store is still being chosen (the keychain probe can block on D-Bus for seconds):
/// the window opens at once, and reads and writes wait for the choice. Callers are background tasks.
public final class PendingSecretStore implements SecretStore {
    private final Supplier<SecretStore> selector;
    private final CompletableFuture<SecretStore> chosen = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();

    private PendingSecretStore(Supplier<SecretStore> selector) {
        this.selector = Objects.requireNonNull(selector, "selector");
    }

    /// Starts `selector` (typically {@link SecretStoreSelector#forThisMachine()}) on its own daemon thread.
    public static PendingSecretStore start(Supplier<SecretStore> selector) {
        PendingSecretStore store = deferred(selector);
        store.begin();
        return store;
    }

    /// A store whose `selector` starts at {@link #begin()} or at the first read or write, whichever comes first
    /// ({@link #awaitAvailability()} waits for either): the window starts the probe once its first frame is drawn.
    public static PendingSecretStore deferred(Supplier<SecretStore> selector) {
        return new PendingSecretStore(selector);
    }

    /// Starts choosing the store, once.
    public void begin() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("secret-store-selector").start(() -> {
            try {
                chosen.complete(selector.get());
            } catch (Throwable t) {
                chosen.complete(new SessionSecretStore(t.getClass().getSimpleName()));
            }
        });
    }

    @Override
    public Optional<Secret> get(String profileId) throws SecretStoreException {
        return store().get(profileId);
    }

    @Override
    public void put(String profileId, Secret secret) throws SecretStoreException {
        store().put(profileId, secret);
    }

    @Override
    public void delete(String profileId) throws SecretStoreException {
        store().delete(profileId);
    }

    /// {@link SecretAvailability#pending()} until the store is chosen.
    @Override
    public SecretAvailability availability() {
        SecretStore known = chosen.getNow(null);
        return known == null ? SecretAvailability.pending() : known.availability();
    }

    @Override
    public SecretAvailability awaitAvailability() {
        return chosen().availability(); // waits for the choice without starting it: a deferred one starts at begin()
    }

    private SecretStore store() {
        begin();
        return chosen();
    }

    private SecretStore chosen() {
        try {
            return chosen.join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
