package org.relaydoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/// Profiles are read without Jackson's data binding (start-up cost): the tree and the entries must come out as the
/// binding made them, and wrong values must still be named by their field.
class ProfileEntryReadingTest {

    @Nested
    class TheTree {
        private final ObjectMapper mapper = new ObjectMapper();

        @Test
        void equalsWhatTheMapperReads() throws IOException {
            List<String> texts = List.of(
                    "{}", "[]", "\"text\"", "42", "-7", "3.25", "true", "null",
                    "{\"a\": 1, \"b\": [1, 2.5, \"x\", null, false, {\"c\": {}}], \"d\": {\"e\": []}}",
                    "{\"big\": 12345678901, \"bigger\": 123456789012345678901234567890, \"exp\": 1e3}",
                    "{\"esc\": \"\\u0416\\u0451\\n\\\"q\\\" \\ud83d\\udce7\", \"кириллица\": \"пароль не здесь\"}",
                    "{\"dup\": 1, \"dup\": 2}",
                    "  {\"trailing\": true}  ");
            for (String text : texts) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                assertThat(JsonTree.read(bytes)).as(text).isEqualTo(mapper.readTree(bytes));
            }
        }

        @Test
        void emptyTextIsAMissingNode() throws IOException {
            assertThat(JsonTree.read(new byte[0]).isMissingNode()).isTrue();
            assertThat(JsonTree.read("   \n".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
        }

        @Test
        void aSyntaxErrorNamesItsLine() {
            byte[] broken = "{\n  \"profiles\": [\n    {\"name\": \"x\",,}\n  ]\n}".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> JsonTree.read(broken))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(ProfileDocument.describe((Exception) e)).startsWith("line 3, column"));
            assertThatThrownBy(() -> JsonTree.read("{\"a\": [1, 2".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IOException.class);
        }

        @Test
        void hostileNestingIsAnErrorNotAStackOverflow() {
            byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
            assertThat(ProfileDocument.parse(deep, false)).isInstanceOf(ProfileDocument.Unreadable.class);
        }
    }

    @Nested
    class AnEntry {
        private static JsonNode json(String text) throws IOException {
            return JsonTree.read(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void scalarsAreTakenAsTheBindingTookThem() throws Exception {
            ProfileJson.EntryJson e = ProfileJson.entry(json("""
                    {"name": "Shop", "email": "info@shop.example", "login": 12345, "timeoutSeconds": "45",
                     "incoming": {"protocol": "IMAP", "host": "imap.shop.example", "port": 993.0, "security": "SSL_TLS"},
                     "outgoing": {"host": "smtp.shop.example", "port": "587", "security": "STARTTLS"},
                     "smtpAuth": {"mode": "OWN_LOGIN", "user": "relay"},
                     "logOnToIncomingFirst": "true", "rememberPassword": false, "somethingNewer": {"x": 1},
                     "lastResult": {"verdict": "OK", "checkedAt": "2026-11-29T10:00:00Z"}}
                    """));
            assertThat(e).isEqualTo(new ProfileJson.EntryJson(null, "Shop", null, "info@shop.example",
                    new ProfileJson.IncomingJson("IMAP", "imap.shop.example", 993, "SSL_TLS"),
                    new ProfileJson.OutgoingJson("smtp.shop.example", 587, "STARTTLS"), "12345",
                    new ProfileJson.SmtpAuthJson("OWN_LOGIN", "relay"), true, null, 45, false,
                    new ProfileJson.LastResultJson("OK", "2026-11-29T10:00:00Z")));
        }

        @Test
        void nullsAndBlankNumbersAreAbsent() throws Exception {
            ProfileJson.EntryJson e = ProfileJson.entry(json("""
                    {"name": "A", "email": null, "incoming": null, "outgoing": {"host": "h", "port": ""}}
                    """));
            assertThat(e.email()).isNull();
            assertThat(e.incoming()).isNull();
            assertThat(e.outgoing().port()).isNull();
        }

        @Test
        void aWrongValueIsNamedByItsPath() {
            assertWrong("{\"outgoing\": {\"host\": \"h\", \"port\": 587.5}}", "outgoing.port: wrong type (587.5 ");
            assertWrong("{\"outgoing\": {\"host\": \"h\", \"port\": 99999999999}}", "outgoing.port: wrong type");
            assertWrong("{\"incoming\": {\"port\": \"five\"}}", "incoming.port: wrong type (\"five\" ");
            assertWrong("{\"email\": {\"at\": \"x\"}}", "email: wrong type (object ");
            assertWrong("{\"outgoing\": [\"h\", 25]}", "outgoing: wrong type (array ");
            assertWrong("{\"smtpAuth\": {\"mode\": [\"OFF\"]}}", "smtpAuth.mode: wrong type (array ");
            assertWrong("{\"rememberPassword\": \"yes\"}", "rememberPassword: wrong type (\"yes\" where true or false");
            assertWrong("{\"lastResult\": \"OK\"}", "lastResult: wrong type");
        }

        private void assertWrong(String text, String message) {
            assertThatThrownBy(() -> ProfileJson.entry(json(text)))
                    .isInstanceOf(ProfileJson.FormatException.class)
                    .hasMessageStartingWith(message);
        }
    }
}
