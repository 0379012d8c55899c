package org.relaydoctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.diagnosis.VerdictCode;

/// Every message bundle in the i18n folder, whoever owns it: each base key exists in Russian (and Ukrainian
/// where that file exists), placeholders agree across languages, and every verdict and finding has its texts.
class MessagesConsistencyTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    static Path folder() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(MessagesConsistencyTest.class.getResource("/org/relaydoctor/i18n")).toURI());
    }

    static Stream<String> bundles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList().stream();
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void thereAreBundlesToCheck() throws Exception {
        assertThat(bundles()).contains("verdicts", "ui");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyBaseKeyIsTranslatedWithTheSamePlaceholders(String bundle) throws Exception {
        Properties base = read(folder().resolve(bundle + ".properties"));
        Path ru = folder().resolve(bundle + "_ru.properties");
        assertThat(ru).as("Russian file of %s", bundle).exists();
        for (Path lang : new Path[] {ru, folder().resolve(bundle + "_uk.properties")}) {
            if (!Files.exists(lang)) {
                continue;
            }
            Properties local = read(lang);
            for (String key : base.stringPropertyNames()) {
                assertThat(local.getProperty(key)).as("%s in %s", key, lang.getFileName()).isNotBlank();
                assertThat(placeholders(local.getProperty(key))).as("placeholders of %s in %s", key, lang.getFileName())
                        .isEqualTo(placeholders(base.getProperty(key)));
            }
            assertThat(local.stringPropertyNames()).as("keys of %s that the base lacks", lang.getFileName())
                    .isSubsetOf(base.stringPropertyNames());
        }
    }

    @Test
    void everyVerdictHasTitleExplanationFixAndTellApartInEnglishAndRussian() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.of("ru")}) {
            Messages m = Messages.load("verdicts", locale);
            for (VerdictCode code : VerdictCode.values()) {
                String key = "verdict." + code.name();
                assertThat(m.has(key + ".title")).as("%s.title (%s)", key, locale).isTrue();
                assertThat(m.has(key + ".explanation")).as("%s.explanation (%s)", key, locale).isTrue();
                assertThat(m.has(key + ".tellApart")).as("%s.tellApart (%s)", key, locale).isTrue();
                assertThat(m.list(key + ".fix")).as("%s.fix.1.. (%s)", key, locale).isNotEmpty();
            }
        }
    }

    @Test
    void everyFindingHasTitleAndDetailInEnglishAndRussian() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.of("ru")}) {
            Messages m = Messages.load("verdicts", locale);
            for (FindingCode code : FindingCode.values()) {
                assertThat(m.has("finding." + code.name() + ".title")).as("%s title (%s)", code, locale).isTrue();
                assertThat(m.has("finding." + code.name() + ".detail")).as("%s detail (%s)", code, locale).isTrue();
            }
        }
    }

    @Test
    void russianTextsAreReallyRussian() {
        Messages ru = Messages.load("verdicts", Locale.of("ru"));
        assertThat(ru.get("verdict.AUTH_REQUIRED.fix.2")).contains("SMTP-серверу требуется проверка подлинности")
                .contains("Аналогично серверу для входящей почты");
        assertThat(ru.get("verdict.POP_BEFORE_SMTP.fix.2")).contains("Вход на сервер входящей почты перед отправкой почты");
        Messages en = Messages.load("verdicts", Locale.ENGLISH);
        assertThat(en.get("verdict.AUTH_REQUIRED.fix.2")).contains("My outgoing server (SMTP) requires authentication")
                .contains("Use same settings as my incoming mail server");
        assertThat(en.get("verdict.TLS_REQUIRED.fix.2")).contains("Use the following type of encrypted connection");
    }
}
