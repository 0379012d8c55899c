package org.relaydoctor.probe;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/// What the conversations of one check share: the transcript, the time limits, the certificate trust,
/// the connection numbers, and every open socket so that {@link #cancel()} can close them all at once.
public final class ProbeSession {
    /// Closes sockets whose blocking call outlives its deadline; one daemon thread for all checks.
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Transcript transcript;
    private final ProbeLimits limits;
    private final TlsTrust trust;
    private final AtomicInteger connections;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public ProbeSession(Transcript transcript, ProbeLimits limits, TlsTrust trust) {
        this(transcript, limits, trust, new AtomicInteger());
    }

    private ProbeSession(Transcript transcript, ProbeLimits limits, TlsTrust trust, AtomicInteger connections) {
        this.transcript = transcript;
        this.limits = limits;
        this.trust = trust;
        this.connections = connections;
    }

    /// A session with new time limits that goes on with this one's transcript, trust and connection numbers
    /// (the test send after the probes: its deadline counts from its own start). Cancel each separately.
    public ProbeSession continuedWith(ProbeLimits newLimits) {
        return new ProbeSession(transcript, newLimits, trust, connections);
    }

    public Transcript transcript() {
        return transcript;
    }

    public ProbeLimits limits() {
        return limits;
    }

    public TlsTrust trust() {
        return trust;
    }

    public boolean cancelled() {
        return cancelled;
    }

    int nextConnection() {
        return connections.incrementAndGet();
    }

    void register(Closeable c) throws ProbeFailure {
        open.add(c);
        if (cancelled) {
            closeQuietly(c);
            throw new ProbeFailure(ProbeFailure.Kind.CANCELLED, "cancelled");
        }
    }

    void unregister(Closeable c) {
        open.remove(c);
    }

    /// Closes every open socket at once; blocked reads and connects then fail as CANCELLED. Thread-safe.
    public void cancel() {
        cancelled = true;
        for (Closeable c : open) {
            closeQuietly(c);
        }
    }

    /// Closes `c` at `when` unless the returned handle is cancelled first. For calls whose socket time-out
    /// starts again with every byte (a TLS handshake), so that a server dribbling bytes cannot stretch them.
    ScheduledFuture<?> closeAt(Closeable c, Instant when) {
        long delay = Math.max(1, Duration.between(Instant.now(), when).toMillis());
        return WATCHDOG.schedule(() -> closeQuietly(c), delay, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "probe-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        return w;
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
