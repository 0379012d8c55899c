package org.relaydoctor.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/// The file formats of a report, each with its file extension and media type.
public enum ReportFormat {
    HTML("html", "text/html"),
    PDF("pdf", "application/pdf"),
    TXT("txt", "text/plain"),
    JSON("json", "application/json"),
    EML("eml", "message/rfc822");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /// The format a file name's extension names (`.htm` and `.text` too), if any.
    public static Optional<ReportFormat> ofFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : ofName(name.substring(dot + 1));
    }

    /// The format for `html|pdf|txt|json|eml` in any case, if it is one.
    public static Optional<ReportFormat> ofName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.extension.equals(n)) {
                return Optional.of(f);
            }
        }
        return switch (n) {
            case "htm" -> Optional.of(HTML);
            case "text" -> Optional.of(TXT);
            default -> Optional.empty();
        };
    }
}
