package org.relaydoctor.profile;

import java.io.IOException;
import java.nio.file.Path;

/// A profile file (export, `check --profile FILE`, an import source) that cannot be used. The message names
/// the file and the line, key or field at fault, fit to print as it is.
public final class ProfileFileException extends IOException {
    private final Path file;

    public ProfileFileException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
