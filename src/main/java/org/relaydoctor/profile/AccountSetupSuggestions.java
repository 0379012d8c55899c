package org.relaydoctor.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The single entry point behind the editor's "Fill from provider": asks every source (provider catalogue,
/// autoconfig, RFC 6186 SRV) at once and returns what they propose, most trusted source first. Blocking;
/// the GUI calls it off the FX thread. A source that fails is left out, never fatal.
public final class AccountSetupSuggestions {

    /// One way of proposing settings for an address.
    @FunctionalInterface
    public interface Source {
        List<AccountSuggestion> suggest(String email) throws Exception;
    }

    /// Asked for at the first message, not at class load: the window's first frame does not wait for the logging set-up.
    private static Logger log() {
        return LoggerFactory.getLogger(AccountSetupSuggestions.class);
    }

    private final List<Source> sources;

    public AccountSetupSuggestions(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /// Autoconfig over the network plus `others` (the catalogue and SRV look-ups of the dns package).
    public static AccountSetupSuggestions withAutoconfig(ThunderbirdAutoconfig autoconfig, List<Source> others) {
        List<Source> all = new ArrayList<>(others);
        all.add(email -> autoconfig.lookup(email).map(List::of).orElse(List.of()));
        return new AccountSetupSuggestions(all);
    }

    /// Every source's proposals for `email`, catalogue first, then autoconfig, then SRV.
    public List<AccountSuggestion> suggest(String email) throws InterruptedException {
        Objects.requireNonNull(email, "email");
        List<AccountSuggestion> out = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<AccountSuggestion>>> answers = new ArrayList<>();
            for (Source source : sources) {
                answers.add(pool.submit(() -> source.suggest(email)));
            }
            for (Future<List<AccountSuggestion>> answer : answers) {
                try {
                    out.addAll(answer.get());
                } catch (ExecutionException e) {
                    log().debug("A suggestion source failed for {}: {}", email, e.getCause().toString());
                } catch (InterruptedException e) {
                    // Cancelled: stop the sources' look-ups too, or closing the pool would wait for them.
                    pool.shutdownNow();
                    throw e;
                }
            }
        }
        out.sort(Comparator.comparing(AccountSuggestion::source));
        return out;
    }
}
