package org.relaydoctor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.relaydoctor.profile.AccountImport;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.ImportedAccount;
import org.relaydoctor.profile.OutlookPrfImport;
import org.relaydoctor.profile.ProfileFiles;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SavedProfiles;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.SecretStore;
import org.relaydoctor.profile.SecretStoreException;
import org.relaydoctor.profile.StoredProfile;
import org.relaydoctor.profile.ThunderbirdImport;

/// The value of `--profile NAME|FILE`: a saved profile's name (or id), or a profile file — Relay Doctor's own,
/// a Thunderbird `prefs.js` or an Outlook `.prf`. A file must hold exactly one account; one with several is
/// imported first (`profiles import`) and then named.
///
/// @param profile  the account settings
/// @param saved    the saved profile, when the value named one: its id keys the remembered password
public record ProfileReference(AccountProfile profile, Optional<StoredProfile> saved) {

    /// A `--profile` value that names nothing usable; the message says why, fit to print.
    public static final class NotFound extends Exception {
        public NotFound(String message) {
            super(message);
        }
    }

    /// Resolves `value`: an existing file wins over a saved name, so `./Office` and `Office` can differ.
    public static ProfileReference resolve(String value, ProfileStore store) throws NotFound {
        return resolve(value, () -> store);
    }

    /// As {@link #resolve(String, ProfileStore)}; the store is only asked for when `value` is not a file.
    public static ProfileReference resolve(String value, Supplier<ProfileStore> stores) throws NotFound {
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && (Files.isRegularFile(file) || Files.isDirectory(file))) {
            return new ProfileReference(fromFile(file), Optional.empty());
        }
        ProfileStore store;
        try {
            store = stores.get();
        } catch (IllegalStateException noFolder) {
            throw new NotFound("no file named \"" + value + "\", and no saved profiles to look in");
        }
        ProfileLoad load;
        try {
            load = store.load();
        } catch (IOException e) {
            throw new NotFound("cannot read the saved profiles in " + store.file() + ": " + e.getMessage());
        }
        Optional<StoredProfile> found = SavedProfiles.find(load.profiles(), value);
        if (found.isEmpty()) {
            String names = load.profiles().stream().map(StoredProfile::name).collect(Collectors.joining(", "));
            throw new NotFound("no saved profile and no file named \"" + value + "\""
                    + (names.isEmpty() ? " (no profiles are saved)" : "; saved profiles: " + names));
        }
        return new ProfileReference(found.get().profile(), found);
    }

    /// The password remembered for the saved profile, when "Remember password" is on and the keychain has it.
    public Optional<Secret> rememberedPassword(SecretStore secrets) throws SecretStoreException {
        if (saved.isEmpty() || !saved.get().rememberPassword()) {
            return Optional.empty();
        }
        return secrets.get(saved.get().id());
    }

    private static AccountProfile fromFile(Path file) throws NotFound {
        try {
            List<AccountProfile> profiles = switch (AccountImport.Format.detect(file)) {
                case RELAY_DOCTOR -> ProfileFiles.read(file);
                case THUNDERBIRD -> ThunderbirdImport.read(file).accounts().stream().map(ImportedAccount::profile).toList();
                case OUTLOOK_PRF -> OutlookPrfImport.read(file).accounts().stream().map(ImportedAccount::profile).toList();
            };
            if (profiles.size() != 1) {
                throw new NotFound(file + " holds " + profiles.size() + " accounts ("
                        + profiles.stream().map(AccountProfile::name).collect(Collectors.joining(", "))
                        + "); import it with `relay-doctor profiles import` and pass one profile's name");
            }
            return profiles.getFirst();
        } catch (IOException e) {
            throw new NotFound(e.getMessage());
        }
    }
}
