package org.relaydoctor.app;

import java.util.Locale;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.ui.profiles.ProfileStorage;
import org.relaydoctor.ui.shell.ShellPreferences;

/// What the window needs first, prepared on another thread while the JavaFX toolkit starts (in which the second core
/// is mostly idle): its texts, the logging set-up and the saved profiles, so that the list is there with the window.
/// (Reading the theme's sheet here as a warm-up made the window's own read 35 ms shorter but the toolkit's start as
/// much longer: left out. The window's background tasks no longer run on virtual threads, whose first start took
/// 18 ms here.)
final class WindowPreload {
    private static volatile WindowPreload begun;

    private final AppDirs dirs;
    private final ProfileStorage profiles;
    private Runnable readProfiles;

    private WindowPreload(AppDirs dirs) {
        this.dirs = dirs;
        // Read last, on the same thread: the window needs the rest first, and a third busy thread beside the toolkit's
        // two only slowed them down.
        this.profiles = ProfileStorage.readingAhead(new ProfileStore(dirs.config()), read -> readProfiles = read);
    }

    static void begin(AppDirs dirs) {
        WindowPreload preload = new WindowPreload(dirs);
        begun = preload;
        Thread.ofPlatform().daemon().name("window-preload").start(() -> {
            try {
                Locale locale = new ShellPreferences(dirs.config()).language().orElse(Locale.getDefault());
                Messages.load("ui", locale);
                Messages.load("verdicts", locale);
                // JavaFX asks for a System.Logger as the window is built: the JDK then searches the module path for
                // a LoggerFinder and starts java.util.logging, about 10 ms that can be spent here instead.
                System.getLogger(WindowPreload.class.getName()).isLoggable(System.Logger.Level.DEBUG);
            } finally {
                preload.readProfiles.run(); // whatever failed above, the window's first load must not wait forever
            }
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
