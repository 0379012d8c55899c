package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/// What was read from another program's settings file: the accounts, and notes about accounts left out.
///
/// @param source    the file read
/// @param accounts  the mail accounts found, in the file's order
/// @param skipped   accounts left out and why (news, feeds, local folders)
public record AccountImport(Path source, List<ImportedAccount> accounts, List<ImportNote> skipped) {
    public AccountImport {
        accounts = List.copyOf(accounts);
        skipped = List.copyOf(skipped);
    }

    /// The format of a file to import, told by its name and, failing that, its first bytes.
    public enum Format {
        /// Relay Doctor's own profile file (JSON).
        RELAY_DOCTOR,
        /// Thunderbird's `prefs.js` (or the profile folder holding it).
        THUNDERBIRD,
        /// An Outlook profile file (`.prf`).
        OUTLOOK_PRF;

        public static Format detect(Path file) throws IOException {
            if (Files.isDirectory(file)) {
                return THUNDERBIRD;
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".prf")) {
                return OUTLOOK_PRF;
            }
            if (name.equals("prefs.js") || name.endsWith(".js")) {
                return THUNDERBIRD;
            }
            if (name.endsWith(".json")) {
                return RELAY_DOCTOR;
            }
            String head = TextDecoding.decode(readHead(file)).stripLeading();
            if (head.startsWith("{") || head.startsWith("[")) {
                return RELAY_DOCTOR;
            }
            if (head.contains("user_pref(")) {
                return THUNDERBIRD;
            }
            if (head.contains("[General]") || head.contains("[Service List]") || head.contains("[Internet Account List]")) {
                return OUTLOOK_PRF;
            }
            throw new AccountImportException(file, "neither a Relay Doctor profile file, a Thunderbird prefs.js"
                    + " nor an Outlook .prf");
        }

        private static byte[] readHead(Path file) throws IOException {
            try (var in = Files.newInputStream(file)) {
                return in.readNBytes(4096);
            }
        }
    }
}
