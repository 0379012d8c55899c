package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void homeVariableWinsEverywhere() {
        AppDirs dirs = AppDirs.detect(Map.of("RELAY_DOCTOR_HOME", "/media/usb/rd"), "Windows 11", HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/media/usb/rd"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/media/usb/rd/logs"));
    }

    @Test
    void linuxFollowsXdgAndIgnoresRelativeValues() {
        assertThat(AppDirs.detect(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", HOME).config())
                .isEqualTo(Path.of("/cfg/relay-doctor"));
        assertThat(AppDirs.detect(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", HOME).config())
                .isEqualTo(Path.of("/home/ann/.config/relay-doctor"));
        assertThat(AppDirs.detect(Map.of(), "Linux", HOME).logs())
                .isEqualTo(Path.of("/home/ann/.local/state/relay-doctor/logs"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirs dirs = AppDirs.detect(Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"), "Windows 11", HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/Relay Doctor"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppDirs.detect(Map.of(), "Mac OS X", HOME).config())
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Relay Doctor"));
    }
}
