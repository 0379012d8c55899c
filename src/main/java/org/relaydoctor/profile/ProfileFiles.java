package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/// Profile files to hand to a colleague or to give `relay-doctor check --profile FILE`: the same JSON shape as
/// the store's `profiles.json`, without what belongs to this machine (id, "remember password", last result) —
/// and, like every profile file, without passwords.
///
/// Reading accepts the versioned wrapper (`{"schemaVersion":1,"profiles":[…]}`), a bare list of profiles, or a
/// single bare profile object, and older schema versions through {@link ProfileMigrations}.
public final class ProfileFiles {
    private ProfileFiles() {}

    /// The profiles in `file`, each with a fresh id.
    /// @throws ProfileFileException when the file is missing, unreadable, from a newer version, or any entry is
    ///         broken (the message names the entry and field): a file handed over should be whole
    public static List<AccountProfile> read(Path file) throws ProfileFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProfileFileException(file, "no such file");
        } catch (IOException e) {
            throw new ProfileFileException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return switch (ProfileDocument.parse(bytes, true)) {
            case ProfileDocument.Unreadable(String detail) -> throw new ProfileFileException(file,
                    "not a Relay Doctor profile file: " + detail);
            case ProfileDocument.TooNew(int version) -> throw new ProfileFileException(file,
                    "written by a newer Relay Doctor (schema version " + version + "); update to read it");
            case ProfileDocument.Readable r when !r.errors().isEmpty() -> throw new ProfileFileException(file,
                    r.errors().stream().map(e -> "profile " + e.entry() + ": " + e.detail())
                            .collect(Collectors.joining("; ")));
            case ProfileDocument.Readable r when r.profiles().isEmpty() -> throw new ProfileFileException(file,
                    "holds no profiles");
            case ProfileDocument.Readable r -> r.profiles().stream().map(StoredProfile::profile).toList();
        };
    }

    /// Writes `profiles` to `file` (replacing it), atomically: a half-written export never appears.
    public static void write(Path file, List<AccountProfile> profiles) throws IOException {
        List<ProfileJson.EntryJson> entries = profiles.stream()
                .map(p -> ProfileJson.fromModel(StoredProfile.create(p), false)).toList();
        writeAtomically(file, ProfileJson.Writer.bytes(entries));
    }

    /// Replaces `file` with `bytes` so that a reader never meets a half-written file.
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// Writes one profile.
    public static void write(Path file, AccountProfile profile) throws IOException {
        write(file, List.of(profile));
    }
}
