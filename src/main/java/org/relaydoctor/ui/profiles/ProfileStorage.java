package org.relaydoctor.ui.profiles;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.StoredProfile;

/// Where the profile list is loaded from and saved to. Both calls do disk I/O: run them through a TaskRunner.
public interface ProfileStorage {
    ProfileLoad load() throws IOException;

    void save(List<StoredProfile> profiles) throws IOException;

    /// The profiles when they are already read (a read started ahead that has finished), without waiting or disk I/O:
    /// the window then shows them in its first frame instead of an empty list that the load replaces a moment later.
    default Optional<ProfileLoad> loadIfReady() throws IOException {
        return Optional.empty();
    }

    /// The profiles file in the configuration folder.
    static ProfileStorage of(ProfileStore store) {
        return new ProfileStorage() {
            @Override
            public ProfileLoad load() throws IOException {
                return store.load();
            }

            @Override
            public void save(List<StoredProfile> profiles) throws IOException {
                store.save(profiles);
            }
        };
    }

    /// The profiles file, its first read handed to `start` at once to run in the background (while the window is
    /// still being made): the first {@link #load()} waits for that read, later ones read again. A save first drops an
    /// unused read.
    static ProfileStorage readingAhead(ProfileStore store, Executor start) {
        FutureTask<ProfileLoad> ahead = new FutureTask<>(store::load);
        start.execute(ahead);
        return new ProfileStorage() {
            private boolean aheadUsed;

            @Override
            public ProfileLoad load() throws IOException {
                synchronized (this) {
                    if (aheadUsed) {
                        return store.load();
                    }
                    aheadUsed = true;
                }
                return readAhead();
            }

            @Override
            public Optional<ProfileLoad> loadIfReady() throws IOException {
                synchronized (this) {
                    if (aheadUsed || !ahead.isDone()) {
                        return Optional.empty();
                    }
                    aheadUsed = true;
                }
                return Optional.of(readAhead());
            }

            private ProfileLoad readAhead() throws IOException {
                try {
                    return ahead.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while reading the profiles");
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException r -> throw r;
                        default -> { }
                    }
                    throw new IOException(e.getCause());
                }
            }

            @Override
            public void save(List<StoredProfile> profiles) throws IOException {
                synchronized (this) {
                    aheadUsed = true;
                }
                store.save(profiles);
            }
        };
    }

    /// Keeps profiles for this session only (tests, and a read-only configuration folder).
    static ProfileStorage inMemory() {
        return new ProfileStorage() {
            private List<StoredProfile> saved = List.of();

            @Override
            public synchronized ProfileLoad load() {
                return new ProfileLoad(saved, List.of(), false);
            }

            @Override
            public synchronized void save(List<StoredProfile> profiles) {
                saved = List.copyOf(profiles);
            }
        };
    }
}
