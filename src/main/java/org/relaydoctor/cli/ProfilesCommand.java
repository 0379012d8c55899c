package org.relaydoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.AccountImport;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.ImportNote;
import org.relaydoctor.profile.ImportedAccount;
import org.relaydoctor.profile.OutlookPrfImport;
import org.relaydoctor.profile.ProfileFiles;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileProblem;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SavedProfiles;
import org.relaydoctor.profile.SecretStoreException;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.profile.ThunderbirdImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/// `relay-doctor profiles list | show | export | import | delete`: the saved profiles from the command line,
/// the same store the window uses. Exit status 0 done, 2 bad name or file, 3 the store could not be written.
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "Lists, shows, exports, imports and deletes saved account profiles (never with passwords).")
public final class ProfilesCommand implements Runnable {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    private RelayDoctorCommand root;

    @Spec
    private CommandSpec spec;

    /// Inherited: `relay-doctor profiles list --lang ru` as well as `profiles --lang ru list`.
    @Option(names = "--lang", paramLabel = "ru|en|uk", converter = CheckCommand.LanguageConverter.class,
            scope = ScopeType.INHERIT, description = "Language of the output (default: the system's).")
    Locale lang;

    private Messages messages;

    private Messages messages() {
        if (messages == null) {
            messages = Messages.load("profile", lang != null ? lang : Locale.getDefault());
        }
        return messages;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Lists the saved profiles with their last result.")
    int list() {
        ProfileStore store = root.profileStore();
        Optional<ProfileLoad> load = load(store);
        if (load.isEmpty()) {
            return FAILED;
        }
        PrintWriter out = out();
        List<StoredProfile> profiles = load.get().profiles();
        if (profiles.isEmpty()) {
            out.println(messages().get("profile.cli.list.empty", store.file()));
            return OK;
        }
        String format = "%-24s %-30s %-34s %s%n";
        out.printf(format, messages().get("profile.cli.column.name"), messages().get("profile.cli.column.email"),
                messages().get("profile.cli.column.outgoing"), messages().get("profile.cli.column.lastResult"));
        for (StoredProfile p : profiles) {
            AccountProfile a = p.profile();
            String outgoing = a.outgoing().host() + ":" + a.outgoing().port() + " " + a.outgoing().security();
            String last = p.lastResult()
                    .map(r -> r.verdictCode() + " " + WHEN.format(r.checkedAt().atZone(ZoneId.systemDefault())))
                    .orElse(messages().get("profile.cli.lastResult.never"));
            out.printf(format, a.name(), a.email(), outgoing, last);
        }
        return OK;
    }

    @Command(name = "show", description = "Shows one saved profile's settings.")
    int show(@Parameters(paramLabel = "NAME", description = "the profile's name or id") String name) {
        Optional<ProfileLoad> load = load(root.profileStore());
        if (load.isEmpty()) {
            return FAILED;
        }
        Optional<StoredProfile> found = find(load.get(), name);
        if (found.isEmpty()) {
            return USAGE;
        }
        StoredProfile p = found.get();
        AccountProfile a = p.profile();
        PrintWriter out = out();
        line(out, "name", a.name());
        line(out, "id", p.id());
        line(out, "displayName", a.displayName());
        line(out, "email", a.email());
        line(out, "incoming", a.incoming().protocol() + " " + a.incoming().host() + ":" + a.incoming().port() + " "
                + a.incoming().security());
        line(out, "login", a.login());
        line(out, "outgoing", a.outgoing().host() + ":" + a.outgoing().port() + " " + a.outgoing().security());
        line(out, "smtpAuth", switch (a.smtpAuth()) {
            case SmtpAuth.Off() -> messages().get("profile.cli.smtpAuth.off");
            case SmtpAuth.SameAsIncoming() -> messages().get("profile.cli.smtpAuth.same");
            case SmtpAuth.OwnLogin(String user) -> messages().get("profile.cli.smtpAuth.own", user);
        });
        line(out, "logOnToIncomingFirst", messages().get(a.logOnToIncomingFirst() ? "profile.cli.yes" : "profile.cli.no"));
        line(out, "testRecipient", a.testRecipient());
        line(out, "timeout", a.timeout().toSeconds() + " s");
        line(out, "rememberPassword", messages().get(p.rememberPassword() ? "profile.cli.yes" : "profile.cli.no"));
        line(out, "lastResult", p.lastResult()
                .map(r -> r.verdictCode() + " " + WHEN.format(r.checkedAt().atZone(ZoneId.systemDefault())))
                .orElse(messages().get("profile.cli.lastResult.never")));
        return OK;
    }

    @Command(name = "export", description = "Writes profiles to a file to hand to a colleague (without passwords).")
    int export(
            @Parameters(index = "0", paramLabel = "FILE", description = "the file to write") Path file,
            @Parameters(index = "1..*", paramLabel = "NAME", description = "profiles to export (default: all)")
                    List<String> names) {
        Optional<ProfileLoad> load = load(root.profileStore());
        if (load.isEmpty()) {
            return FAILED;
        }
        List<AccountProfile> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            load.get().profiles().forEach(p -> chosen.add(p.profile()));
        } else {
            for (String name : names) {
                Optional<StoredProfile> found = find(load.get(), name);
                if (found.isEmpty()) {
                    return USAGE;
                }
                chosen.add(found.get().profile());
            }
        }
        if (chosen.isEmpty()) {
            err().println(messages().get("profile.cli.export.nothing"));
            return USAGE;
        }
        try {
            ProfileFiles.write(file, chosen);
        } catch (IOException e) {
            err().println(messages().get("profile.cli.writeFailed", file, e.getMessage()));
            return FAILED;
        }
        out().println(messages().get("profile.cli.export.done", chosen.size(), file.toAbsolutePath()));
        return OK;
    }

    @Command(name = "import",
            description = "Adds the profiles of a file: a Relay Doctor profile file, Thunderbird's prefs.js"
                    + " (or its profile folder) or an Outlook .prf.")
    int importFile(@Parameters(paramLabel = "FILE", description = "the file to read") Path file) {
        List<AccountProfile> incoming = new ArrayList<>();
        List<ImportNote> notes = new ArrayList<>();
        try {
            switch (AccountImport.Format.detect(file)) {
                case RELAY_DOCTOR -> incoming.addAll(ProfileFiles.read(file));
                case THUNDERBIRD -> collect(ThunderbirdImport.read(file), incoming, notes);
                case OUTLOOK_PRF -> collect(OutlookPrfImport.read(file), incoming, notes);
            }
        } catch (IOException e) {
            err().println(messages().get("profile.cli.import.unreadable", e.getMessage()));
            return USAGE;
        }
        if (incoming.isEmpty()) {
            err().println(messages().get("profile.cli.import.none", file));
            notes.forEach(n -> err().println("  " + messages().get(n.messageKey(), n.detail())));
            return USAGE;
        }
        List<String> added = new ArrayList<>();
        try {
            root.profileStore().update(list -> {
                for (AccountProfile profile : incoming) {
                    String name = SavedProfiles.freeName(list, profile.name());
                    list.add(StoredProfile.create(profile.withName(name)));
                    added.add(name);
                }
                return list;
            });
        } catch (IOException e) {
            err().println(messages().get("profile.cli.writeFailed", root.profileStore().file(), e.getMessage()));
            return FAILED;
        }
        out().println(messages().get("profile.cli.import.done", added.size(), String.join(", ", added)));
        notes.forEach(n -> out().println("  " + messages().get(n.messageKey(), n.detail())));
        return OK;
    }

    @Command(name = "delete", description = "Deletes a saved profile and its remembered password.")
    int delete(@Parameters(paramLabel = "NAME", description = "the profile's name or id") String name) {
        ProfileStore store = root.profileStore();
        Optional<ProfileLoad> load = load(store);
        if (load.isEmpty()) {
            return FAILED;
        }
        Optional<StoredProfile> found = find(load.get(), name);
        if (found.isEmpty()) {
            return USAGE;
        }
        StoredProfile p = found.get();
        try {
            store.remove(p.id());
            if (p.rememberPassword()) {
                // Only then is the keychain touched: deleting a profile without one needs no D-Bus.
                root.secretStore().delete(p.id());
            }
        } catch (IOException | SecretStoreException e) {
            err().println(messages().get("profile.cli.writeFailed", store.file(), e.getMessage()));
            return FAILED;
        }
        out().println(messages().get("profile.cli.delete.done", p.name()));
        return OK;
    }

    private static void collect(AccountImport result, List<AccountProfile> profiles, List<ImportNote> notes) {
        for (ImportedAccount account : result.accounts()) {
            profiles.add(account.profile());
            String name = account.profile().name();
            // Name the account unless the note's own text already does.
            account.notes().forEach(n -> notes.add(n.detail().contains(name) ? n
                    : new ImportNote(n.kind(), name + ": " + n.detail())));
        }
        notes.addAll(result.skipped());
    }

    /// Loads the store, printing its problems to stderr; empty when the folder cannot be read at all.
    private Optional<ProfileLoad> load(ProfileStore store) {
        try {
            ProfileLoad load = store.load();
            for (ProfileProblem problem : load.problems()) {
                err().println(messages().get(problem.messageKey(), problem.messageArguments()));
            }
            return Optional.of(load);
        } catch (IOException | RuntimeException e) {
            err().println(messages().get("profile.cli.readFailed", store.file(), e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<StoredProfile> find(ProfileLoad load, String name) {
        Optional<StoredProfile> found = SavedProfiles.find(load.profiles(), name);
        if (found.isEmpty()) {
            List<String> names = load.profiles().stream().map(StoredProfile::name).toList();
            err().println(messages().get("profile.cli.notFound", name,
                    names.isEmpty() ? "-" : String.join(", ", names)));
        }
        return found;
    }

    private void line(PrintWriter out, String key, String value) {
        out.printf("%-28s %s%n", messages().get("profile.cli.field." + key) + ":", value);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
