package org.relaydoctor.probe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.relaydoctor.probe.TranscriptLine.Direction;

/// Every line sent and received during a check, in order, across all connections; thread-safe.
/// Lines pass through the {@link Redactor} before they are stored, so nothing unredacted is ever kept.
public final class Transcript {
    private final Redactor redactor;
    private final Clock clock;
    private final List<TranscriptLine> lines = new ArrayList<>();

    public Transcript(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    public Transcript(Redactor redactor) {
        this(redactor, Clock.systemUTC());
    }

    public Redactor redactor() {
        return redactor;
    }

    public void client(int connection, String line, boolean inSaslExchange) {
        add(connection, Direction.CLIENT, redactor.clientLine(line, inSaslExchange));
    }

    public void server(int connection, String line) {
        add(connection, Direction.SERVER, redactor.scrub(line));
    }

    public void note(int connection, String text) {
        add(connection, Direction.NOTE, redactor.scrub(text));
    }

    private synchronized void add(int connection, Direction direction, String text) {
        lines.add(new TranscriptLine(clock.instant(), connection, direction, text));
    }

    public synchronized List<TranscriptLine> lines() {
        return List.copyOf(lines);
    }
}
