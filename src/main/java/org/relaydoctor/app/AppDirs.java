package org.relaydoctor.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/// Where the program keeps its files: the platform's configuration folder (XDG on Linux, `%APPDATA%` on
/// Windows, `~/Library/Application Support` on macOS), or `RELAY_DOCTOR_HOME` when set (portable use, tests).
///
/// @param config  profiles and settings
/// @param logs    rotating log files
public record AppDirs(Path config, Path logs) {
    public static final String HOME_VARIABLE = "RELAY_DOCTOR_HOME";
    private static final String FOLDER = "relay-doctor";

    /// The folders for this user on this machine.
    public static AppDirs detect() {
        return detect(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppDirs detect(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override).toAbsolutePath();
            return new AppDirs(home, home.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = pathOr(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new AppDirs(appData.resolve("Relay Doctor"), local.resolve("Relay Doctor").resolve("logs"));
        }
        if (os.startsWith("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("Relay Doctor");
            return new AppDirs(support, userHome.resolve("Library").resolve("Logs").resolve("Relay Doctor"));
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config")).resolve(FOLDER);
        Path state = pathOr(env.get("XDG_STATE_HOME"), userHome.resolve(".local").resolve("state")).resolve(FOLDER);
        return new AppDirs(config, state.resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        // XDG: a relative path in these variables is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
