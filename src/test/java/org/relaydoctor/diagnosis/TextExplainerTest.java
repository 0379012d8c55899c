package org.relaydoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.diagnosis.Explanation.InputKind;
import org.relaydoctor.diagnosis.Explanation.SettlingCheck;

class TextExplainerTest {
    private static final TextExplainer EXPLAINER = new TextExplainer();

    static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(TextExplainerTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class BareReplies {
        @Test
        void bareRelayAccessDeniedIsAuthRequiredWithItsAlternativesInOrder() {
            Explanation e = EXPLAINER.explain("Relay access denied");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.verdict().alternatives()).containsExactly(VerdictCode.POP_BEFORE_SMTP,
                    VerdictCode.NETWORK_RESTRICTED, VerdictCode.RECIPIENT_NOT_LOCAL);
            assertThat(e.verdict().evidence()).containsExactly("Relay access denied");
            assertThat(e.settledBy()).contains(SettlingCheck.ACCOUNT_CHECK);
            assertThat(e.refusal()).isTrue();
            assertThat(e.kind()).isEqualTo(InputKind.SERVER_REPLY);
        }

        @Test
        void multiLineReplyIsReadAsOne() {
            Explanation e = EXPLAINER.explain("""
                    550-Please turn on SMTP Authentication in your mail client, or login to the
                    550-IMAP/POP3 server before sending your message. mail.example.com
                    550-(client.example.net) [192.0.2.10]:51234 is not permitted to relay through
                    550 this server without authentication.""");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.patternId()).contains("cpanel-exim-not-permitted-to-relay");
            assertThat(e.reply()).get().extracting(r -> r.lines().size()).isEqualTo(4);
        }

        @Test
        void unknownReplyStillCarriesItsCodes() {
            Explanation e = EXPLAINER.explain("550 5.7.1 Go away, nobody knows this wording");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(e.refusal()).isTrue();
            assertThat(e.reply()).get().extracting(r -> r.enhancedCode()).isEqualTo("5.7.1");
        }

        @Test
        void positiveReplyShowsNoRefusal() {
            Explanation e = EXPLAINER.explain("250 2.1.5 Ok");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.OK);
            assertThat(e.refusal()).isFalse();
        }

        @Test
        void emptyAndProseAreNotRefusals() {
            assertThat(EXPLAINER.explain("   ").kind()).isEqualTo(InputKind.EMPTY);
            Explanation prose = EXPLAINER.explain("Dear support,\nmy mail does not work since Monday.\nThanks,\nBob\n\n\n\n\n\n\n\n\n");
            assertThat(prose.refusal()).isFalse();
            assertThat(prose.verdict().code()).isEqualTo(VerdictCode.UNKNOWN);
        }
    }

    @Nested
    class Dialogs {
        @Test
        void russianOutlookDialogFromTheBrief() {
            Explanation e = EXPLAINER.explain("Не удается отправить сообщение. Ответ сервера: 550 relay not permitted, "
                    + "Порт: 25, Защищено (SSL): Нет, Ошибка сервера: 550, Номер ошибки: 0x800CCC79");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.verdict().evidence()).containsExactly("550 relay not permitted", "0x800CCC79");
            assertThat(e.kind()).isEqualTo(InputKind.CLIENT_DIALOG);
            assertThat(e.phase()).isEqualTo(SmtpPhase.RCPT);
            assertThat(e.facts().port()).hasValue(25);
            assertThat(e.facts().ssl()).contains(false);
            assertThat(e.server()).contains("Exim");
        }

        @Test
        void russianOutlookDialogOfTheSeedArticle() {
            Explanation e = EXPLAINER.explain("«Не удается отправить сообщение, поскольку сервер отказался принять адрес "
                    + "одного из получателей. В письме был указан адрес: < proverka@example.com >. Тема: , учетная запись: , "
                    + "сервер: < smtp.example.com >, протокол: SMTP, ответ сервера: «550 < proverka@example.com >. "
                    + "Ретрансляция запрещена», порт: 25, защита (SSL): нет, ошибка сервера: 550, номер ошибки: 0x800CCC79″.");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.patternId()).contains("relay-ru");
            assertThat(e.facts().outgoingServer()).contains("smtp.example.com");
            assertThat(e.facts().recipient()).contains("proverka@example.com");
            assertThat(e.facts().port()).hasValue(25);
        }

        @Test
        void russianOutlookDialogWithQmailTranslation() {
            Explanation e = EXPLAINER.explain("Не удается отправить сообщение, поскольку сервер отказался принять адрес одного "
                    + "из получателей. В письме был указан адрес: . Тема: , учетная запись: , сервер: < smtp.example.com >, "
                    + "протокол: SMTP, ответ сервера: «553 к сожалению, этого домена нет в моем списке разрешенных узлов (#5.7.1)», "
                    + "порт: 25, защита (SSL): нет, ошибка сервера: 553, номер ошибки: 0x800CCC79");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
            assertThat(e.verdict().alternatives()).contains(VerdictCode.AUTH_REQUIRED);
        }

        @Test
        void englishOutlookDialog() {
            Explanation e = EXPLAINER.explain("The message could not be sent because one of the recipients was rejected by "
                    + "the server. The rejected e-mail address was 'friend@example.org'. Subject 'Hello', Account: "
                    + "'alice@example.com', Server: 'smtp.example.com', Protocol: SMTP, Server Response: '550 5.7.1 Unable "
                    + "to relay for friend@example.org', Port: 25, Secure(SSL): No, Server Error: 550, Error Number: 0x800CCC79");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.server()).contains("Exchange");
            assertThat(e.facts().outgoingServer()).contains("smtp.example.com");
            assertThat(e.facts().account()).contains("alice@example.com");
            assertThat(e.facts().sender()).contains("alice@example.com");
            assertThat(e.facts().recipient()).contains("friend@example.org");
            assertThat(e.facts().ssl()).contains(false);
        }

        @Test
        void windowsLiveMailQmailReplyWithApostrophe() {
            Explanation e = EXPLAINER.explain("The message could not be sent because one of the recipients was rejected by the "
                    + "server. The rejected e-mail address was 'friend@example.org'. Subject 'Test', Account: 'mail.example.com', "
                    + "Server: 'smtp.example.com', Protocol: SMTP, Server Response: '553 sorry, that domain isn't in my list "
                    + "of allowed rcpthosts (#5.7.1)', Port: 25, Secure(SSL): No, Server Error: 553, Error Number: 0x800CCC79");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.RECIPIENT_NOT_LOCAL);
            assertThat(e.server()).contains("qmail");
        }

        @Test
        void senderRefusedErrorNumberWithoutReplyWording() {
            Explanation e = EXPLAINER.explain("Server Error: 553, Error Number: 0x800CCC78");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.SENDER_UNKNOWN);
            assertThat(e.clientError()).contains("0x800CCC78");
        }

        @ParameterizedTest
        @CsvSource(textBlock = """
                'Task ''smtp.example.com - Sending'' reported error (0x800CCC0E) : ''Outlook cannot connect to your outgoing (SMTP) e-mail server.''', CONNECTION_REFUSED
                'Задача «smtp.example.com: отправка» сообщила об ошибке (0x800CCC0F): «Подключение к серверу было прервано.»', NO_GREETING
                'Sending reported error (0x8004210B): The operation timed out waiting for a response from the sending (SMTP) server.', PORT_BLOCKED
                'Error Number: 0x800CCC6A', UNKNOWN
                'Error Number: 0x800CCC67', RATE_LIMITED
                'Номер ошибки: 0x800CCC13', UNKNOWN
                'Server Error: 530, Error Number: 0x800CCC7C', TLS_REQUIRED
                'Server Error: 454, Error Number: 0x800CCC7F', TLS_FAILED
                'Server Error: 551, Error Number: 0x800CCC6B', RECIPIENT_NOT_LOCAL
                'Server Error: 450, Error Number: 0x800CCC68', RATE_LIMITED
                """)
        void outlookErrorNumbers(String text, VerdictCode expected) {
            Explanation e = EXPLAINER.explain(text);
            assertThat(e.verdict().code()).isEqualTo(expected);
            assertThat(e.refusal()).isTrue();
            assertThat(e.kind()).isEqualTo(InputKind.CLIENT_DIALOG);
        }

        @Test
        void thunderbirdEnglish() {
            Explanation e = EXPLAINER.explain("""
                    Sending of the message failed.
                    An error occurred while sending mail. The mail server responded:
                    5.7.1 <friend@example.org>: Relay access denied.
                    Please check the message recipient "friend@example.org" and try again.""");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.phase()).isEqualTo(SmtpPhase.RCPT);
            assertThat(e.kind()).isEqualTo(InputKind.CLIENT_DIALOG);
        }

        @Test
        void thunderbirdRussianSenderRefused() {
            Explanation e = EXPLAINER.explain("""
                    Отправка сообщения не удалась.
                    При отправке почты произошла ошибка. Почтовый сервер ответил:
                    5.7.1 Sender address rejected: not owned by auth user.
                    Пожалуйста, убедитесь, что адрес электронной почты в параметрах учётной записи указан верно.""");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.SENDER_NOT_OWNED);
            assertThat(e.server()).contains("Yandex");
        }

        static Stream<ReplyKnowledge.ClientMessage> clientMessages() {
            return ReplyKnowledge.standard().clientMessages().stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("clientMessages")
        void clientMessageExampleIsExplainedByItsEntry(ReplyKnowledge.ClientMessage m) {
            Explanation e = EXPLAINER.explain(m.example());
            assertThat(e.verdict().code()).as(m.id()).isEqualTo(m.verdict());
        }

        @Test
        void thunderbirdServerNameIsExtracted() {
            Explanation e = EXPLAINER.explain(ReplyKnowledge.standard().clientMessages().getFirst().example());
            assertThat(e.facts().outgoingServer()).contains("smtp.example.com");
        }
    }

    @Nested
    class Bounces {
        @Test
        void postfixDeliveryStatusNotification() throws IOException {
            Explanation e = EXPLAINER.explain(resource("bounces/postfix-relay-denied.eml"));
            assertThat(e.kind()).isEqualTo(InputKind.BOUNCE);
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.verdict().evidence().getFirst()).startsWith("Diagnostic-Code: smtp; 554 5.7.1");
            assertThat(e.facts().reportingMta()).contains("mail.example.com");
            assertThat(e.facts().remoteMta()).contains("relay.example.net");
            assertThat(e.facts().recipient()).contains("friend@example.org");
            assertThat(e.facts().sender()).contains("alice@example.com");
        }

        @Test
        void eximPlainTextBounce() throws IOException {
            Explanation e = EXPLAINER.explain(resource("bounces/exim-relay-not-permitted.eml"));
            assertThat(e.kind()).isEqualTo(InputKind.BOUNCE);
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.phase()).isEqualTo(SmtpPhase.RCPT);
            assertThat(e.verdict().evidence()).containsExactly("550 relay not permitted");
        }

        @Test
        void exchangeNdr() throws IOException {
            Explanation e = EXPLAINER.explain(resource("bounces/exchange-unable-to-relay.eml"));
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.NETWORK_RESTRICTED);
            assertThat(e.reply()).get().extracting(r -> r.enhancedCode()).isEqualTo("5.7.54");
        }

        @Test
        void gmailDmarcBounceIsNotARelayRefusal() throws IOException {
            Explanation e = EXPLAINER.explain(resource("bounces/gmail-dmarc.eml"));
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.UNKNOWN);
            assertThat(e.relayRefusal()).isFalse();
            assertThat(e.refusal()).isTrue();
            assertThat(e.patternId()).contains("gmail-dmarc-unauthenticated");
        }

        @Test
        void russianBounce() throws IOException {
            Explanation e = EXPLAINER.explain(resource("bounces/russian-relay-denied.eml"));
            assertThat(e.kind()).isEqualTo(InputKind.BOUNCE);
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.phase()).isEqualTo(SmtpPhase.RCPT);
            assertThat(e.facts().sender()).contains("ivan@example.ru");
        }

        @Test
        void pastedPostfixBounceTextWithoutHeaders() {
            Explanation e = EXPLAINER.explain("""
                    <friend@example.org>: host relay.example.net[192.0.2.25] said: 554 5.7.1
                        <friend@example.org>: Relay access denied (in reply to RCPT TO command)""");
            assertThat(e.verdict().code()).isEqualTo(VerdictCode.AUTH_REQUIRED);
            assertThat(e.phase()).isEqualTo(SmtpPhase.RCPT);
            assertThat(e.verdict().evidence().getFirst()).isEqualTo("554 5.7.1 <friend@example.org>: Relay access denied");
        }
    }
}
