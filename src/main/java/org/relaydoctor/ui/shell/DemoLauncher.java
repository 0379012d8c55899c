package org.relaydoctor.ui.shell;

import java.util.List;
import java.util.Locale;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.Secret;

/// Starts the built-in demo mail servers (the app wires `demo.DemoServers`) and hands back a ready profile
/// per scenario. `start` blocks (it opens sockets): call it off the FX thread.
public interface DemoLauncher extends AutoCloseable {
    List<DemoProfile> start() throws Exception;

    /// How to check a demo profile: the demo servers' own certificate is trusted, nothing else changes.
    CheckOptions options(Locale locale);

    /// Stops the servers; safe to call when they never started.
    @Override
    void close();

    /// One scenario's profile, the password that goes with it, and the verdict it shows (which names it in the
    /// window's language).
    record DemoProfile(AccountProfile profile, Secret password, org.relaydoctor.diagnosis.VerdictCode shows) {}
}
