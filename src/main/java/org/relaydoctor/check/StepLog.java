package org.relaydoctor.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.relaydoctor.diagnosis.Messages;

/// The steps of one check: tells the listener as each starts and ends, keeps the finished ones in start
/// order, and turns whatever is unfinished into CANCELLED when the check is cancelled. Thread-safe.
final class StepLog {
    /// A started step.
    record Handle(String id, StepKind kind, String title, Instant started) {}

    private final CheckListener listener;
    private final Messages texts;
    private final BooleanSupplier cancelled;
    private final Map<String, StepResult> finished = new LinkedHashMap<>();
    private final Map<String, Handle> running = new LinkedHashMap<>();

    StepLog(CheckListener listener, Messages texts, BooleanSupplier cancelled) {
        this.listener = listener;
        this.texts = texts;
        this.cancelled = cancelled;
    }

    Handle start(String id, StepKind kind, String titleKey, Object... args) {
        Handle h;
        synchronized (this) {
            String unique = id;
            for (int i = 2; finished.containsKey(unique) || running.containsKey(unique); i++) {
                unique = id + "#" + i;
            }
            h = new Handle(unique, kind, texts.get(titleKey, args), Instant.now());
            running.put(unique, h);
            finished.put(unique, null);
        }
        listener.stepStarted(h.id(), h.kind(), h.title());
        return h;
    }

    void finish(Handle h, Outcome outcome, String summary, List<String> evidence) {
        Outcome o = cancelled.getAsBoolean() && outcome != Outcome.PASSED ? Outcome.CANCELLED : outcome;
        StepResult r = new StepResult(h.id(), h.kind(), h.title(), o, Duration.between(h.started(), Instant.now()),
                summary, evidence);
        synchronized (this) {
            running.remove(h.id());
            finished.put(h.id(), r);
        }
        listener.stepFinished(r);
    }

    /// A step's summary for a failure: what happened in the check's language, the technical detail after it.
    String failure(org.relaydoctor.probe.ProbeFailure.Kind kind, String detail) {
        String what = texts.get("failure." + kind.name());
        return detail == null || detail.isBlank() || detail.equals("null") ? what : what + " (" + detail + ")";
    }

    /// A step that was not needed (or could not run because an earlier one failed).
    void skip(String id, StepKind kind, String titleKey, Object... args) {
        finish(start(id, kind, titleKey, args), Outcome.SKIPPED, "", List.of());
    }

    synchronized List<StepResult> results() {
        List<StepResult> out = new ArrayList<>();
        for (var e : finished.entrySet()) {
            StepResult r = e.getValue();
            if (r == null) {
                Handle h = running.get(e.getKey());
                r = new StepResult(h.id(), h.kind(), h.title(), Outcome.CANCELLED,
                        Duration.between(h.started(), Instant.now()), "", List.of());
            } else if (cancelled.getAsBoolean() && r.outcome() != Outcome.PASSED && r.outcome() != Outcome.CANCELLED) {
                r = new StepResult(r.id(), r.kind(), r.title(), Outcome.CANCELLED, r.duration(), r.summary(), r.evidence());
            }
            out.add(r);
        }
        return out;
    }
}
