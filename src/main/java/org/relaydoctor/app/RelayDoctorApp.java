package org.relaydoctor.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.relaydoctor.dns.ProviderCatalog;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.dns.DnsChecker;
import org.relaydoctor.dns.DnsLookup;
import org.relaydoctor.profile.AccountSetupSuggestions;
import org.relaydoctor.profile.PendingSecretStore;
import org.relaydoctor.profile.ThunderbirdAutoconfig;
import org.relaydoctor.profile.SecretStoreSelector;
import org.relaydoctor.profile.TrustedCertificates;
import org.relaydoctor.ui.common.BackgroundTaskRunner;
import org.relaydoctor.ui.common.FirstFrame;
import org.relaydoctor.ui.results.CertificateTrust;
import org.relaydoctor.ui.results.ReportExport;
import org.relaydoctor.ui.shell.MainWindow;
import org.relaydoctor.ui.shell.ShellServices;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the main window from the services and shows it.
public final class RelayDoctorApp extends Application {
    private static final long START = System.nanoTime();
    /// Set by the start-up benchmark and the packaging-time AOT training run: quit once the first window is up.
    static final String EXIT_AFTER_SHOWN = "relaydoctor.exitAfterShown";

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.detect();
        BackgroundTaskRunner tasks = new BackgroundTaskRunner();
        PendingSecretStore secrets = PendingSecretStore.deferred(SecretStoreSelector::forThisMachine);
        TrustedCertificates trusted = new TrustedCertificates(dirs.config());
        ShellServices services = new ShellServices(dirs.config(),
                WindowPreload.profiles(dirs), secrets,
                tasks, Optional.of(EngineCheckRunner.factory(trusted)),
                new ReportExport(stage, tasks, java.util.Locale.getDefault(), dirs.config()).actions()
                        .withTrustCertificate(new CertificateTrust(stage, tasks, trusted).action()),
                Optional.of(new BuiltInDemo()))
                .withSuggestions(AccountSetupSuggestions.withAutoconfig(new ThunderbirdAutoconfig(),
                        // The catalogue is parsed on the first look-up, not at start-up.
                        List.of(email -> ProviderCatalog.bundled().byDomainSource().suggest(email),
                                // MX provider and RFC 6186 SRV records of the address's domain, asked of the
                                // resolver chosen in Check > DNS server (read at each look-up: it may change)
                                email -> new DnsChecker(DnsLookup.of(new org.relaydoctor.ui.shell.ShellPreferences(
                                        dirs.config()).dnsServerAddress(), DnsStep.MAX_WAIT))
                                        .suggestionSource().suggest(email))));
        MainWindow window = new MainWindow(stage, services, java.util.Locale.getDefault());
        boolean exitAfterShown = Boolean.getBoolean(EXIT_AFTER_SHOWN);
        // The figure is taken at the first frame, when the window has its content (the benchmark waits for this line);
        // asked for before the window's own first-frame work, so that it is not counted.
        // The keychain probe (JNA, D-Bus) and the log file wait for it too: beside it they slowed it down.
        FirstFrame.then(stage.getScene(), () -> {
            long sinceStart = (System.nanoTime() - START) / 1_000_000;
            long sinceProcessStart = ProcessHandle.current().info().startInstant()
                    .map(t -> Duration.between(t, Instant.now()).toMillis())
                    .orElse(-1L);
            if (exitAfterShown) {
                System.out.println("Window shown " + sinceProcessStart + " ms after process start");
            }
            Thread.ofPlatform().daemon().name("log-init").start(() -> afterFirstFrame(secrets, sinceStart,
                    sinceProcessStart, exitAfterShown ? Optional.of(window.complete()) : Optional.empty()));
        });
        if (exitAfterShown) {
            // With a saved profile its editor comes a frame later: the benchmark times that too.
            window.complete().thenRun(() -> {
                System.out.println("Window complete");
                // The AOT training run meets the real menu bar too, so that its classes come from the cache.
                window.completeMenuBar();
            });
        }
        window.showQuickly();
    }

    /// On its own thread once the first frame is drawn: the log file, then the keychain probe.
    /// `exitWhen`: quit once it completes (the benchmark and the AOT training), else keep running.
    private static void afterFirstFrame(PendingSecretStore secrets, long sinceStart, long sinceProcessStart,
            Optional<CompletionStage<Void>> exitWhen) {
        LoggerFactory.getLogger(RelayDoctorApp.class).info(
                "Window shown {} ms after start ({} ms after process start)", sinceStart, sinceProcessStart);
        secrets.begin(); // after logging is up: the probe logs, and a logger asked for during its start-up is
                         // a stand-in whose messages slf4j replays with a warning on stderr
        exitWhen.ifPresent(complete -> {
            // The benchmark has its figure; the AOT training quits once this work is done, so that the cache
            // holds its classes too (loaded from the cache, they cost less time and memory).
            secrets.awaitAvailability();
            if ("Headless".equalsIgnoreCase(System.getProperty("glass.platform"))) {
                DesktopPlatformClasses.load(); // the training: see there
            }
            complete.thenRun(() -> Platform.runLater(Platform::exit));
        });
    }
}
