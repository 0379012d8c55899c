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
