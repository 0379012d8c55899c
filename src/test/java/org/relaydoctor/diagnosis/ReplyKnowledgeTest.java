package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.probe.ServerReply;

/// One test per knowledge entry, built from its own example: the example must be recognised by that entry.
class ReplyKnowledgeTest {
    private static final ReplyClassifier CLASSIFIER = new ReplyClassifier();

    static Stream<ReplyKnowledge.ReplyPattern> patterns() {
        return ReplyKnowledge.standard().patterns().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void exampleIsRecognisedByItsOwnEntry(ReplyKnowledge.ReplyPattern p) {
        SmtpPhase phase = p.phases().isEmpty() ? SmtpPhase.UNKNOWN : p.phases().iterator().next();
        ReplyClassifier.Match m = CLASSIFIER.match(ServerReply.parse(p.example()), phase);
        assertThat(m.pattern()).as("entry matched by the example of %s", p.id()).get()
                .extracting(ReplyKnowledge.ReplyPattern::id).isEqualTo(p.id());
        assertThat(m.classification().code()).isEqualTo(p.verdict());
        assertThat(m.classification().relayRefusal()).isEqualTo(p.relayRefusal());
        assertThat(p.source()).as("where the example came from").isNotBlank();
        assertThat(p.alternatives()).doesNotContain(p.verdict());
    }

    @Test
    void idsAreUniqueAndEveryServerFamilyIsCovered() {
        Set<String> ids = new HashSet<>();
        patterns().forEach(p -> assertThat(ids.add(p.id())).as("duplicate id %s", p.id()).isTrue());
        String servers = String.join(" ", patterns().map(ReplyKnowledge.ReplyPattern::server).toList());
        for (String family : new String[] {"Postfix", "Exim", "Sendmail", "qmail", "Exchange", "Gmail", "Yandex",
            "Mail.ru", "OpenSMTPD", "Courier", "Haraka", "hMailServer", "Kerio", "Zimbra", "Russian"}) {
            assertThat(servers).as("a pattern for %s", family).contains(family);
        }
    }

    @Test
    void outlookRelayErrorNumberIsKnown() {
        assertThat(ReplyKnowledge.standard().clientError("0x800ccc79")).get()
                .extracting(ReplyKnowledge.ClientError::verdict).isEqualTo(VerdictCode.AUTH_REQUIRED);
    }
}
