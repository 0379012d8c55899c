package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Path;

/// A file to import that cannot be read; the message names the file and the line or key at fault.
public final class AccountImportException extends IOException {
    public AccountImportException(Path file, String detail) {
        super(file + ": " + detail);
    }
}
