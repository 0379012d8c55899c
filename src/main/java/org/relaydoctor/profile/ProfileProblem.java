package org.relaydoctor.profile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/// Something wrong with the profiles on disk that the user should hear about. Loading never throws for
/// these: it keeps what it can read and lists the rest here.
///
/// @param kind    what happened
/// @param entry   which profile (its name and position) for {@link Kind#BROKEN_ENTRY}, else empty
/// @param detail  what is wrong, technically (the field, or the JSON error with line and column)
/// @param file    the file concerned
/// @param keptAs  where the damaged file is kept untouched, if it was set aside
/// @param backup  the backup the profiles came from, or that the user can fall back to
public record ProfileProblem(Kind kind, String entry, String detail, Path file, Optional<Path> keptAs,
        Optional<Path> backup) {

    /// The kinds of problem; each has a `profile.problem.<KIND>` text.
    public enum Kind {
        /// One profile in an otherwise readable file is broken and was skipped; the others loaded.
        BROKEN_ENTRY,
        /// The file cannot be read at all (truncated, not JSON, wrong shape); the backup was used.
        UNREADABLE_FILE_BACKUP_USED,
        /// The file cannot be read at all and no readable backup exists: nothing could be loaded.
        UNREADABLE_FILE_NO_BACKUP,
        /// The main file is missing but a backup exists; the profiles came from the backup.
        MISSING_FILE_BACKUP_USED,
        /// A newer Relay Doctor wrote the file; this version neither reads nor changes it.
        NEWER_SCHEMA
    }

    public ProfileProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keptAs, "keptAs");
        Objects.requireNonNull(backup, "backup");
    }

    /// The key of the sentence to show in the `profile` bundle; fill it with {@link #messageArguments()}:
    /// `messages.get(p.messageKey(), p.messageArguments())`. (Rendering is the caller's so that this package
    /// stays below `diagnosis`, which owns `Messages`.)
    public String messageKey() {
        return "profile.problem." + kind.name();
    }

    /// `{0}` entry, `{1}` detail, `{2}` file, `{3}` where the damaged file is kept, `{4}` the backup.
    public Object[] messageArguments() {
        return new Object[] {entry, detail, file.toString(), keptAs.map(Path::toString).orElse("-"),
            backup.map(Path::toString).orElse("-")};
    }

    @Override
    public String toString() {
        return kind + (entry.isEmpty() ? "" : " " + entry) + ": " + detail + " [" + file + "]";
    }
}
