package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaydoctor.diagnosis.Messages;

class ProfileProblemTest {
    @ParameterizedTest
    @EnumSource(ProfileProblem.Kind.class)
    void everyKindSpeaksEveryLanguageAndNamesTheFiles(ProfileProblem.Kind kind) {
        ProfileProblem problem = new ProfileProblem(kind, "\"Office\" (#1)", "outgoing.port: missing",
                Path.of("/cfg/profiles.json"), Optional.of(Path.of("/cfg/profiles.json.broken-1")),
                Optional.of(Path.of("/cfg/profiles.json.bak")));
        for (String language : new String[] {"en", "ru", "uk"}) {
            Messages messages = Messages.load("profile", Locale.of(language));
            assertThat(messages.has(problem.messageKey())).as(language).isTrue();
            String text = messages.get(problem.messageKey(), problem.messageArguments());
            assertThat(text).as(language).doesNotContain("{").contains("/cfg/profiles.json");
        }
    }
}
