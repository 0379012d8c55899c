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
import java.util.function.ToIntFunction;
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

/// `relay-doctor profiles list | show | export | import | delete`: the saved profiles from the command line,
/// the same store the window uses. Exit status 0 done, 2 bad name or file, 3 the store could not be written.
final class ProfilesCommand implements Subcommand {
    static final String DESCRIPTION = "Lists, shows, exports, imports and deletes saved account profiles (never with"
            + " passwords).";
    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /// Inherited: `relay-doctor profiles list --lang ru` as well as `profiles --lang ru list`.
    static final Opt<Locale> LANG = SharedOptions.LANG;

    private final RelayDoctorCommand root;

    ProfilesCommand(RelayDoctorCommand root) {
        this.root = root;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(RelayDoctorCommand.NAME + " profiles", DESCRIPTION).withOptions(LANG).withChildren(
                child("list", "Lists the saved profiles with their last result.", Session::list),
                child("show", "Shows one saved profile's settings.", Session::show,
                        Operand.required("NAME", "the profile's name or id")),
                child("export", "Writes profiles to a file to hand to a colleague (without passwords).",
                        Session::export, Operand.required("FILE", "the file to write"),
                        Operand.repeatable("NAME", "profiles to export (default: all)")),
                child("import", "Adds the profiles of a file: a Relay Doctor profile file, Thunderbird's prefs.js"
                        + " (or its profile folder) or an Outlook .prf.", Session::importFile,
                        Operand.required("FILE", "the file to read")),
                child("delete", "Deletes a saved profile and its remembered password.", Session::delete,
                        Operand.required("NAME", "the profile's name or id")));
    }

    /// Without a command: the help.
    @Override
    public int run(ParsedArgs args, Output output) {
        HelpText.print(spec(), output.out());
        return OK;
    }

    private CommandSpec.Child child(String name, String description, Action action, Operand... operands) {
        return new CommandSpec.Child(name, description, parent -> new Leaf(
                CommandSpec.of(RelayDoctorCommand.NAME + " profiles " + name, description).withOperands(operands)
                        .withOptions(LANG), action, root, parent));
    }

    /// What one of `list`, `show`, `export`, `import`, `delete` does.
    @FunctionalInterface
    private interface Action {
        int run(Session session, ParsedArgs args);
    }

    /// One of the commands, with the group's own options (`--lang` given before its name).
    private record Leaf(CommandSpec spec, Action action, RelayDoctorCommand root, ParsedArgs group) implements Subcommand {
        @Override
        public int run(ParsedArgs args, Output output) {
            Locale locale = args.value(LANG).or(() -> group.value(LANG)).orElse(Locale.getDefault());
            return action.run(new Session(root, Messages.load("profile", locale), output.out(), output.err()), args);
        }
    }

    /// One run of a command: the store, the texts in the chosen language and the output.
    private record Session(RelayDoctorCommand root, Messages messages, PrintWriter out, PrintWriter err) {
        int list(ParsedArgs args) {
            ProfileStore store = root.profileStore();
            Optional<ProfileLoad> load = load(store);
            if (load.isEmpty()) {
                return FAILED;
            }
            List<StoredProfile> profiles = load.get().profiles();
            if (profiles.isEmpty()) {
                out.println(messages.get("profile.cli.list.empty", store.file()));
                return OK;
            }
            String format = "%-24s %-30s %-34s %s%n";
            out.printf(format, messages.get("profile.cli.column.name"), messages.get("profile.cli.column.email"),
                    messages.get("profile.cli.column.outgoing"), messages.get("profile.cli.column.lastResult"));
            for (StoredProfile p : profiles) {
                AccountProfile a = p.profile();
                String outgoing = a.outgoing().host() + ":" + a.outgoing().port() + " " + a.outgoing().security();
                String last = p.lastResult()
                        .map(r -> r.verdictCode() + " " + WHEN.format(r.checkedAt().atZone(ZoneId.systemDefault())))
                        .orElse(messages.get("profile.cli.lastResult.never"));
                out.printf(format, a.name(), a.email(), outgoing, last);
            }
            return OK;
        }

        int show(ParsedArgs args) {
            return withNamedProfile(root.profileStore(), args, this::print);
        }

        private int print(StoredProfile p) {
            AccountProfile a = p.profile();
            line("name", a.name());
            line("id", p.id());
            line("displayName", a.displayName());
            line("email", a.email());
            line("incoming", a.incoming().protocol() + " " + a.incoming().host() + ":" + a.incoming().port() + " "
                    + a.incoming().security());
            line("login", a.login());
            line("outgoing", a.outgoing().host() + ":" + a.outgoing().port() + " " + a.outgoing().security());
            line("smtpAuth", switch (a.smtpAuth()) {
                case SmtpAuth.Off() -> messages.get("profile.cli.smtpAuth.off");
                case SmtpAuth.SameAsIncoming() -> messages.get("profile.cli.smtpAuth.same");
                case SmtpAuth.OwnLogin(String user) -> messages.get("profile.cli.smtpAuth.own", user);
            });
            line("logOnToIncomingFirst", messages.get(a.logOnToIncomingFirst() ? "profile.cli.yes" : "profile.cli.no"));
            line("testRecipient", a.testRecipient());
            line("timeout", a.timeout().toSeconds() + " s");
            line("rememberPassword", messages.get(p.rememberPassword() ? "profile.cli.yes" : "profile.cli.no"));
            line("lastResult", p.lastResult()
                    .map(r -> r.verdictCode() + " " + WHEN.format(r.checkedAt().atZone(ZoneId.systemDefault())))
                    .orElse(messages.get("profile.cli.lastResult.never")));
            return OK;
        }

        int export(ParsedArgs args) {
            Path file = Path.of(args.operand(0).orElseThrow());
            List<String> names = args.operands().subList(1, args.operands().size());
            Optional<ProfileLoad> load = load(root.profileStore());
            if (load.isEmpty()) {
                return FAILED;
            }
            List<AccountProfile> chosen = new ArrayList<>();
            if (names.isEmpty()) {
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
                err.println(messages.get("profile.cli.export.nothing"));
                return USAGE;
            }
            try {
                ProfileFiles.write(file, chosen);
            } catch (IOException e) {
                err.println(messages.get("profile.cli.writeFailed", file, e.getMessage()));
                return FAILED;
            }
            out.println(messages.get("profile.cli.export.done", chosen.size(), file.toAbsolutePath()));
            return OK;
        }

        int importFile(ParsedArgs args) {
            Path file = Path.of(args.operand(0).orElseThrow());
            List<AccountProfile> incoming = new ArrayList<>();
            List<ImportNote> notes = new ArrayList<>();
            try {
                switch (AccountImport.Format.detect(file)) {
                    case RELAY_DOCTOR -> incoming.addAll(ProfileFiles.read(file));
                    case THUNDERBIRD -> collect(ThunderbirdImport.read(file), incoming, notes);
                    case OUTLOOK_PRF -> collect(OutlookPrfImport.read(file), incoming, notes);
                }
            } catch (IOException e) {
                err.println(messages.get("profile.cli.import.unreadable", e.getMessage()));
                return USAGE;
            }
            if (incoming.isEmpty()) {
                err.println(messages.get("profile.cli.import.none", file));
                notes.forEach(n -> err.println("  " + messages.get(n.messageKey(), n.detail())));
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
                err.println(messages.get("profile.cli.writeFailed", root.profileStore().file(), e.getMessage()));
                return FAILED;
            }
            out.println(messages.get("profile.cli.import.done", added.size(), String.join(", ", added)));
            notes.forEach(n -> out.println("  " + messages.get(n.messageKey(), n.detail())));
            return OK;
        }

        int delete(ParsedArgs args) {
            ProfileStore store = root.profileStore();
            return withNamedProfile(store, args, p -> remove(store, p));
        }

        private int remove(ProfileStore store, StoredProfile p) {
            try {
                store.remove(p.id());
                if (p.rememberPassword()) {
                    // Only then is the keychain touched: deleting a profile without one needs no D-Bus.
                    root.secretStore().delete(p.id());
                }
            } catch (IOException | SecretStoreException e) {
                err.println(messages.get("profile.cli.writeFailed", store.file(), e.getMessage()));
                return FAILED;
            }
            out.println(messages.get("profile.cli.delete.done", p.name()));
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

        /// Runs `action` on the saved profile the first operand names and returns its status; FAILED when the store
        /// cannot be read, USAGE when it holds no such profile (either said on stderr).
        private int withNamedProfile(ProfileStore store, ParsedArgs args, ToIntFunction<StoredProfile> action) {
            Optional<ProfileLoad> load = load(store);
            if (load.isEmpty()) {
                return FAILED;
            }
            return find(load.get(), args.operand(0).orElseThrow()).map(action::applyAsInt).orElse(USAGE);
        }

        /// Loads the store, printing its problems to stderr; empty when the folder cannot be read at all.
        private Optional<ProfileLoad> load(ProfileStore store) {
            try {
                ProfileLoad load = store.load();
                for (ProfileProblem problem : load.problems()) {
                    err.println(messages.get(problem.messageKey(), problem.messageArguments()));
                }
                return Optional.of(load);
            } catch (IOException | RuntimeException e) {
                err.println(messages.get("profile.cli.readFailed", store.file(), e.getMessage()));
                return Optional.empty();
            }
        }

        private Optional<StoredProfile> find(ProfileLoad load, String name) {
            Optional<StoredProfile> found = SavedProfiles.find(load.profiles(), name);
            if (found.isEmpty()) {
                List<String> names = load.profiles().stream().map(StoredProfile::name).toList();
                err.println(messages.get("profile.cli.notFound", name,
                        names.isEmpty() ? "-" : String.join(", ", names)));
            }
            return found;
        }

        private void line(String key, String value) {
            out.printf("%-28s %s%n", messages.get("profile.cli.field." + key) + ":", value);
        }
    }
}
