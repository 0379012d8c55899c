package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/// The saved profiles: `profiles.json` in the configuration folder, with `profiles.json.bak` as the version
/// before the last save.
///
/// - **Loading never loses profiles.** A broken entry is skipped and reported, the rest load, and the file is
///   copied aside (`profiles.json.broken-<UTC time>`) so the next save cannot take the entry with it. An
///   unreadable file is moved aside and the backup is loaded instead. A file from a newer version is left
///   alone, and saving is refused until the user updates.
/// - **Saving is atomic and serialised.** The new text goes to a temporary file in the same folder, is
///   forced to disk, and replaces the old file with one atomic rename; the old file becomes the backup first.
///   Writers in this process queue on a lock; other processes (the CLI next to the GUI) on a file lock.
///
/// Debouncing belongs to the caller (the GUI); every call here writes.
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Path file;
    private final Path backup;
    private final Path lockFile;
    private final Clock clock;
    /// One lock per folder for this whole process: a file lock is held per JVM, so two store objects on the
    /// same folder (the GUI's and a CLI command's in tests) must queue here first.
    private static final Map<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock lock;

    /// A store in `configDir` (the app passes `AppDirs.config()`); the folder is created on first save.
    public ProfileStore(Path configDir) {
        this(configDir, Clock.systemUTC());
    }

    ProfileStore(Path configDir, Clock clock) {
        this.dir = configDir.toAbsolutePath();
        this.file = dir.resolve(FILE_NAME);
        this.backup = dir.resolve(FILE_NAME + ".bak");
        this.lockFile = dir.resolve(FILE_NAME + ".lock");
        this.clock = clock;
        this.lock = FOLDER_LOCKS.computeIfAbsent(dir.normalize(), d -> new ReentrantLock());
    }

    public Path file() {
        return file;
    }

    public Path backupFile() {
        return backup;
    }

    /// Reads the profiles. Throws only when the folder itself cannot be read (permissions, I/O error);
    /// everything wrong with the content is reported in {@link ProfileLoad#problems()}.
    public ProfileLoad load() throws IOException {
        lock.lock();
        try {
            if (!Files.isDirectory(dir)) {
                return new ProfileLoad(List.of(), List.of(), false);
            }
            HeldLock held;
            try {
                held = fileLock();
            } catch (IOException readOnlyFolder) {
                // A read-only folder (write-protected stick) can still be read; nobody can write it anyway.
                return loadLocked();
            }
            try (held) {
                return loadLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /// Replaces the saved profiles with `profiles`. Safe to call from several threads and processes:
    /// the writes happen one after another, each one whole.
    /// @throws ProfileStoreException when a newer version's file is in place, or the disk refuses the write
    public void save(List<StoredProfile> profiles) throws IOException {
        List<StoredProfile> copy = List.copyOf(profiles);
        lock.lock();
        try {
            Files.createDirectories(dir);
            try (HeldLock ignored = fileLock()) {
                writeLocked(copy);
            }
        } finally {
            lock.unlock();
        }
    }

    /// Loads, applies `change`, saves — as one step no other writer can interleave with. For edits that
    /// touch one profile (record a result, add an import) while another window or the CLI saves too.
    /// @return the profiles as saved
    public List<StoredProfile> update(UnaryOperator<List<StoredProfile>> change) throws IOException {
        lock.lock();
        try {
            Files.createDirectories(dir);
            try (HeldLock ignored = fileLock()) {
                ProfileLoad current = loadLocked();
                if (current.readOnly()) {
                    throw newerSchemaRefusal();
                }
                List<StoredProfile> changed = List.copyOf(change.apply(new ArrayList<>(current.profiles())));
                writeLocked(changed);
                return changed;
            }
        } finally {
            lock.unlock();
        }
    }

    /// Records the last check's result of profile `id`; nothing happens when the profile is gone.
    public void recordResult(String id, LastResult result) throws IOException {
        update(list -> list.stream().map(p -> p.id().equals(id) ? p.withLastResult(result) : p).toList());
    }

    /// Removes profile `id`; its secret is the caller's to delete (in the secret store, keyed by the same id).
    /// @return whether the profile was there
    public boolean remove(String id) throws IOException {
        boolean[] found = {false};
        update(list -> {
            found[0] = list.removeIf(p -> p.id().equals(id));
            return list;
        });
        return found[0];
    }

    private ProfileLoad loadLocked() throws IOException {
        List<ProfileProblem> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            if (!Files.exists(backup)) {
                return new ProfileLoad(List.of(), List.of(), false);
            }
            return fromBackup(ProfileProblem.Kind.MISSING_FILE_BACKUP_USED, "the file is missing", Optional.empty(),
                    problems);
        }
        ProfileDocument doc = ProfileDocument.parse(Files.readAllBytes(file), false);
        return switch (doc) {
            case ProfileDocument.TooNew(int version) -> {
                problems.add(new ProfileProblem(ProfileProblem.Kind.NEWER_SCHEMA, "",
                        "schema version " + version + ", this version reads up to " + ProfileJson.SCHEMA_VERSION,
                        file, Optional.empty(), existing(backup)));
                yield new ProfileLoad(List.of(), problems, true);
            }
            case ProfileDocument.Unreadable(String detail) -> {
                Path kept = setAside(true);
                yield fromBackup(ProfileProblem.Kind.UNREADABLE_FILE_BACKUP_USED, detail, Optional.of(kept), problems);
            }
            case ProfileDocument.Readable(int version, List<StoredProfile> profiles, var errors) -> {
                if (!errors.isEmpty()) {
                    Path kept = setAside(false);
                    for (ProfileDocument.EntryError error : errors) {
                        problems.add(new ProfileProblem(ProfileProblem.Kind.BROKEN_ENTRY, error.entry(),
                                error.detail(), file, Optional.of(kept), existing(backup)));
                    }
                }
                yield new ProfileLoad(profiles, problems, false);
            }
        };
    }

    private ProfileLoad fromBackup(ProfileProblem.Kind kind, String detail, Optional<Path> kept,
            List<ProfileProblem> problems) throws IOException {
        ProfileDocument doc = Files.exists(backup) ? ProfileDocument.parse(Files.readAllBytes(backup), false)
                : new ProfileDocument.Unreadable("no backup");
        if (doc instanceof ProfileDocument.Readable r) {
            problems.add(new ProfileProblem(kind, "", detail, file, kept, Optional.of(backup)));
            for (ProfileDocument.EntryError error : r.errors()) {
                problems.add(new ProfileProblem(ProfileProblem.Kind.BROKEN_ENTRY, error.entry(), error.detail(),
                        backup, Optional.empty(), Optional.of(backup)));
            }
            return new ProfileLoad(r.profiles(), problems, false);
        }
        String why = switch (doc) {
            case ProfileDocument.Unreadable(String d) -> d;
            case ProfileDocument.TooNew(int v) -> "backup has schema version " + v;
            case ProfileDocument.Readable r -> throw new AssertionError(r);
        };
        problems.add(new ProfileProblem(ProfileProblem.Kind.UNREADABLE_FILE_NO_BACKUP, "",
                detail + "; backup: " + why, file, kept, existing(backup)));
        return new ProfileLoad(List.of(), problems, false);
    }

    private void writeLocked(List<StoredProfile> profiles) throws IOException {
        if (Files.exists(file)) {
            switch (ProfileDocument.parse(Files.readAllBytes(file), false)) {
                case ProfileDocument.TooNew t -> throw newerSchemaRefusal();
                // Never rotate a damaged file into the backup: that would replace the last good copy.
                case ProfileDocument.Unreadable u -> setAside(true);
                case ProfileDocument.Readable r -> replace(file, backup);
            }
        }
        List<ProfileJson.EntryJson> entries = profiles.stream().map(p -> ProfileJson.fromModel(p, true)).toList();
        byte[] bytes = ProfileJson.Writer.bytes(entries);
        Path tmp = writeTemp(bytes);
        move(tmp, file);
        syncDirectory();
    }

    private ProfileStoreException newerSchemaRefusal() {
        return new ProfileStoreException(file + " was written by a newer Relay Doctor; this version will not"
                + " change it. Update Relay Doctor, or move the file away to start afresh.");
    }

    /// Copies (or moves) the main file to `profiles.json.broken-<time>`, keeping it byte for byte.
    private Path setAside(boolean move) throws IOException {
        String stamp = STAMP.format(clock.instant());
        for (int n = 1; ; n++) {
            Path target = dir.resolve(FILE_NAME + ".broken-" + stamp + (n == 1 ? "" : "-" + n));
            if (Files.exists(target)) {
                continue;
            }
            try {
                if (move) {
                    Files.move(file, target);
                } else {
                    Files.copy(file, target);
                }
                return target;
            } catch (FileAlreadyExistsException raced) {
                // another process took this name a moment ago: try the next one
            }
        }
    }

    /// Atomically replaces `target` with a copy of `source` made through a forced temporary file.
    private void replace(Path source, Path target) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (NoSuchFileException gone) {
            return;
        }
        move(writeTemp(bytes), target);
    }

    private Path writeTemp(byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows, FAT: the folder's own permissions apply
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some removable-media file systems (RELAY_DOCTOR_HOME on a stick) cannot rename atomically.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /// Makes the rename itself durable; not every platform can open a folder, which is fine.
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename anyway.
        }
    }

    private HeldLock fileLock() throws IOException {
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new HeldLock(ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /// The inter-process lock on `profiles.json.lock`, released with its channel.
    private record HeldLock(FileChannel channel, java.nio.channels.FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static Optional<Path> existing(Path p) {
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
