package org.relaydoctor.ui.profiles;

import java.io.IOException;
import java.util.List;

/// Where the profile list is loaded from and saved to. Both calls do disk I/O: run them through a TaskRunner.
public interface ProfileStorage {
    List<ProfileEntry> load() throws IOException;

    void save(List<ProfileEntry> entries) throws IOException;

    /// Keeps profiles for this session only.
    static ProfileStorage inMemory() {
        return new ProfileStorage() {
            private List<ProfileEntry> saved = List.of();

            @Override
            public synchronized List<ProfileEntry> load() {
                return saved;
            }

            @Override
            public synchronized void save(List<ProfileEntry> entries) {
                saved = List.copyOf(entries);
            }
        };
    }
}
