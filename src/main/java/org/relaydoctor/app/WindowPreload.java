package org.relaydoctor.app;

import java.util.Locale;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.shell.ShellPreferences;
import org.relaydoctor.ui.theme.Themes;

/// What the window needs first, prepared on other threads while the JavaFX toolkit starts (half a second in which
/// the second core is mostly idle): its texts, the theme's stylesheet reader, the first virtual thread (the
/// window's background tasks run on them) and the saved profiles, so that the list is there with the window.
final class WindowPreload {
    private static volatile WindowPreload begun;

    private final AppDirs dirs;
    private final ProfileStorage profiles;

    private WindowPreload(AppDirs dirs) {
        this.dirs = dirs;
        this.profiles = ProfileStorage.readingAhead(new ProfileStore(dirs.config()));
    }

    static void begin(AppDirs dirs) {
        WindowPreload preload = new WindowPreload(dirs);
        begun = preload;
        Thread.ofPlatform().daemon().name("window-preload").start(() -> {
            Locale locale = new ShellPreferences(dirs.config()).language().orElse(Locale.getDefault());
            Messages.load("ui", locale);
            Messages.load("verdicts", locale);
            Themes.warmUp();
            Thread.startVirtualThread(() -> { });
        });
    }

    /// The profile storage for the window: the one reading ahead when the preload began for `dirs`.
    static ProfileStorage profiles(AppDirs dirs) {
        WindowPreload preload = begun;
        begun = null; // a second window in the same process reads afresh
        return preload != null && preload.dirs.config().equals(dirs.config())
                ? preload.profiles
                : ProfileStorage.of(new ProfileStore(dirs.config()));
    }
}
