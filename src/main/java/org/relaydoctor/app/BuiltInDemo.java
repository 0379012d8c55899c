package org.relaydoctor.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.ui.shell.DemoLauncher;

/// The GUI's "Try the demo" on the engine's {@link DemoServers}: started on first use, stopped on exit.
final class BuiltInDemo implements DemoLauncher {
    /// Shown and checked first: the classic "550 relay not permitted" case.
    private static final String FEATURED = "auth-required";

    private DemoServers servers;

    @Override
    public synchronized List<DemoProfile> start() {
        if (servers == null) {
            servers = DemoServers.start();
        }
        List<DemoScenario> scenarios = new ArrayList<>(servers.scenarios());
        scenarios.sort(Comparator.comparing(s -> !s.id().equals(FEATURED)));
        return scenarios.stream().map(s -> new DemoProfile(s.profile(), s.password(), s.expected())).toList();
    }

    @Override
    public synchronized CheckOptions options(Locale locale) {
        return servers == null ? CheckOptions.defaults() : servers.checkOptions(locale);
    }

    @Override
    public synchronized void close() {
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }
}
