package org.relaydoctor.it;

import org.relaydoctor.profile.Secret;

/// The accounts of the private Dovecot (`src/test/mta/dovecot/users`): test-only names and passwords.
public final class TestAccounts {
    public static final String DOMAIN = "relaydoctor.test";
    public static final String ALICE = "alice@relaydoctor.test";
    public static final Secret ALICE_PASSWORD = Secret.of("Alice-Test-Pass-1");
    /// Exists as a mailbox, owned by its own login: alice may not send as bob.
    public static final String BOB = "bob@relaydoctor.test";
    /// Subscribes to POP-before-SMTP: only its logins grant relay on that listener.
    public static final String POP = "pop@relaydoctor.test";
    public static final Secret POP_PASSWORD = Secret.of("Pop-Test-Pass-3");
    /// A Russian-speaking user's account with a Cyrillic password (UTF-8 in the users file, which is how Dovecot
    /// compares it; not one of its letters fits ISO-8859-1). Subscribes to POP-before-SMTP too.
    public static final String YOZH = "yozh@relaydoctor.test";
    public static final Secret YOZH_PASSWORD = Secret.of("пароль-Ёж42");
    /// The Cyrillic password with one letter changed (е for Ё): what a wrong keyboard layout or a lost diaeresis makes.
    public static final Secret YOZH_WRONG_PASSWORD = Secret.of("пароль-Еж42");
    /// Not a mailbox of the hosted domain.
    public static final String GHOST = "ghost@relaydoctor.test";
    /// A sender in a domain the servers do not host.
    public static final String FOREIGN = "bob@elsewhere.test";
    /// A recipient outside every hosted domain: relaying to it is what each scenario decides.
    public static final String EXTERNAL_RECIPIENT = "probe@example.net";
    public static final String LOCAL_RECIPIENT = "postmaster@relaydoctor.test";
    public static final Secret WRONG_PASSWORD = Secret.of("Not-The-Password-9");

    private TestAccounts() {}
}
