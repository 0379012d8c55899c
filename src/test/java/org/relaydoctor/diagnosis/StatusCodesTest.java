package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.relaydoctor.probe.ServerReply;

class StatusCodesTest {
    @Test
    void unknownReplyStillGetsTheMeaningOfItsCodes() {
        var lines = new StatusCodes(Locale.ENGLISH).describe(ServerReply.parse("550 5.7.1 Whatever the server says"));
        assertThat(lines).containsExactly(
                "5.7.1: permanent failure (retrying will not help); security or policy status: delivery not authorized, message refused",
                "550: mailbox unavailable or action refused by policy");
    }

    @Test
    void unregisteredDetailKeepsClassAndSubjectInRussian() {
        assertThat(new StatusCodes(Locale.of("ru")).describeEnhanced("5.7.999"))
                .isEqualTo("5.7.999: постоянная ошибка (повтор не поможет); состояние безопасности или политики");
    }
}
