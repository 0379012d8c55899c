package org.relaydoctor.profile;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Picks where remembered passwords go, once per program run: the OS keychain when a round trip through it
/// works (write, read back, delete a probe entry), otherwise the session store, with the reason kept for the
/// UI ("not available, kept for this session only").
///
/// The probe runs on its own daemon thread under a time-out, because a Linux session without a Secret
/// Service, or with a locked keyring, can leave a D-Bus call hanging for good.
public final class SecretStoreSelector {
    /// Long enough for a healthy D-Bus round trip on a slow machine, short enough not to stall start-up.
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(SecretStoreSelector.class);
    private static final String PROBE_ACCOUNT_PREFIX = "availability-probe:";

    /// Opens a keychain; may block or throw.
    @FunctionalInterface
    public interface KeychainOpener {
        KeychainBackend open() throws Exception;
    }

    private SecretStoreSelector() {}

    /// The store for this machine: java-keyring's backend for the OS, probed with {@link #DEFAULT_TIMEOUT}.
    /// The app calls it once at start-up (off the FX thread) and shares the result.
    public static SecretStore forThisMachine() {
        return select(JavaKeyringBackend::open, DEFAULT_TIMEOUT);
    }

    /// The keychain from `opener` when a round trip through it succeeds within `timeout`, else a
    /// {@link SessionSecretStore} whose {@link SecretStore#availability()} says why.
    public static SecretStore select(KeychainOpener opener, Duration timeout) {
        CompletableFuture<KeychainBackend> probe = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name("keychain-probe").unstarted(() -> {
            try {
                probe.complete(roundTrip(opener.open()));
            } catch (Throwable t) {
                probe.completeExceptionally(t);
            }
        });
        thread.start();
        try {
            KeychainBackend backend = probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Passwords are remembered in {}", backend.name());
            return new KeyringSecretStore(backend);
        } catch (TimeoutException e) {
            // The thread is left to die with the program: a D-Bus call stuck in native code cannot be interrupted.
            return fallback("the keychain did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return fallback(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback("interrupted while probing the keychain");
        }
    }

    private static KeychainBackend roundTrip(KeychainBackend backend) throws Exception {
        String account = PROBE_ACCOUNT_PREFIX + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        backend.write(KeyringSecretStore.SERVICE, account, value);
        try {
            Optional<String> back = backend.read(KeyringSecretStore.SERVICE, account);
            if (back.isEmpty() || !back.get().equals(value)) {
                throw new IllegalStateException(backend.name() + " did not return what was stored");
            }
        } finally {
            backend.remove(KeyringSecretStore.SERVICE, account);
        }
        if (backend.read(KeyringSecretStore.SERVICE, account).isPresent()) {
            throw new IllegalStateException(backend.name() + " did not delete the probe entry");
        }
        return backend;
    }

    private static SecretStore fallback(String reason) {
        LOG.info("No usable keychain ({}): passwords are kept for this session only", reason);
        return new SessionSecretStore(reason);
    }

    private static String describe(Throwable t) {
        String type = t.getClass().getSimpleName();
        String message = t.getMessage();
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
