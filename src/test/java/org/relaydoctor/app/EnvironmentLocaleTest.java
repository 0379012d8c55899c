package org.relaydoctor.app;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentLocaleTest {
    private static final Locale C_LOCALE_DEFAULT = Locale.of("en"); // what Java makes of the "C" answer

    @Test
    void aRussianEnvironmentWithoutItsLocaleInstalledGetsRussian() {
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8))
                .contains(Locale.of("ru", "RU"));
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "uk_UA.utf8@euro"), C_LOCALE_DEFAULT, "Linux", UTF_8))
                .contains(Locale.of("uk", "UA"));
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru"), C_LOCALE_DEFAULT, "FreeBSD", UTF_8)).contains(Locale.of("ru"));
    }

    @Test
    void posixOrderDecides() {
        assertThat(EnvironmentLocale.missing(Map.of("LC_ALL", "uk_UA.UTF-8", "LC_MESSAGES", "ru_RU.UTF-8",
                "LANG", "en_US.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8)).contains(Locale.of("uk", "UA"));
        assertThat(EnvironmentLocale.missing(Map.of("LC_MESSAGES", "ru_RU.UTF-8", "LANG", "en_US.UTF-8"),
                C_LOCALE_DEFAULT, "Linux", UTF_8)).contains(Locale.of("ru", "RU"));
        // An explicit C for messages is respected, whatever LANG says.
        assertThat(EnvironmentLocale.missing(Map.of("LC_ALL", "C", "LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8))
                .isEmpty();
        assertThat(EnvironmentLocale.missing(Map.of("LC_ALL", "", "LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8))
                .contains(Locale.of("ru", "RU"));
    }

    @Test
    void nothingChangesWhereJavaAlreadyAgreesOrNothingIsNamed() {
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), Locale.of("ru", "RU"), "Linux", UTF_8)).isEmpty();
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "en_GB.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8)).isEmpty();
        for (String name : new String[] {"C", "POSIX", "C.UTF-8", "C.utf8", "  ", "1234", "ru-RU"}) {
            assertThat(EnvironmentLocale.missing(Map.of("LANG", name), C_LOCALE_DEFAULT, "Linux", UTF_8)).as(name).isEmpty();
        }
        assertThat(EnvironmentLocale.missing(Map.of(), C_LOCALE_DEFAULT, "Linux", UTF_8)).isEmpty();
    }

    @Test
    void windowsAndMacosKeepWhatJavaTookFromTheSystem() {
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Windows 11", UTF_8)).isEmpty();
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Mac OS X", UTF_8)).isEmpty();
    }

    @Test
    void theCommandLineStaysInEnglishWhereItsOutputIsAscii() {
        // A failed locale leaves Java's terminal output in ASCII: Russian would print as question marks.
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Linux", US_ASCII)).isEmpty();
        assertThat(EnvironmentLocale.missing(Map.of("LANG", "ru_RU.UTF-8"), C_LOCALE_DEFAULT, "Linux", UTF_8)).isPresent();
    }
}
