package org.relaydoctor.profile;

import java.time.Duration;

/// Profiles for tests, shaped like real accounts.
final class SampleProfiles {
    private SampleProfiles() {}

    static AccountProfile office() {
        return new AccountProfile("Office", "Anna Petrova", "anna@example.ru",
                new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS),
                new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS),
                "anna@example.ru", new SmtpAuth.SameAsIncoming(), false, "probe@example.net", Duration.ofSeconds(20));
    }

    static AccountProfile hosting() {
        return new AccountProfile("Hosting", "Бухгалтерія", "buh@shop.example.ua",
                new IncomingServer(MailProtocol.POP3, "mail.shop.example.ua", 110, Security.NONE),
                new OutgoingServer("mail.shop.example.ua", 25, Security.AUTO),
                "buh", new SmtpAuth.OwnLogin("buh-smtp"), true, "", AccountProfile.DEFAULT_TIMEOUT);
    }

    static AccountProfile numbered(int n) {
        return office().withName("Profile " + n).withEmail("user" + n + "@example.org");
    }
}
