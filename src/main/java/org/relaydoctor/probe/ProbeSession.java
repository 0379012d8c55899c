package org.relaydoctor.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/// What the conversations of one check share: the transcript, the time limits, the certificate trust,
/// the connection numbers, and every open socket so that {@link #cancel()} can close them all at once.
public final class ProbeSession {
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

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
