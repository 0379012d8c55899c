package org.relaydoctor.ui.profiles;

import java.io.IOException;
import java.util.List;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.StoredProfile;

/// Where the profile list is loaded from and saved to. Both calls do disk I/O: run them through a TaskRunner.
public interface ProfileStorage {
    ProfileLoad load() throws IOException;

    void save(List<StoredProfile> profiles) throws IOException;

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
