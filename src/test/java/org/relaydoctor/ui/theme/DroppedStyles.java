package org.relaydoctor.ui.theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// The build's list of Primer style classes left out of the theme (src/build/theme/dropped-styles.txt, read by
/// src/build/theme/ThemeTrim.java), and the controls that carry them.
public record DroppedStyles(List<String> controls, List<String> names, List<String> prefixes) {
    /// Where the list is, from the project's directory (the tests' working directory).
    public static final Path LIST = Path.of("src/build/theme/dropped-styles.txt");

    public static DroppedStyles read() {
        List<String> controls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(LIST)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] sides = line.split("=", 2);
                for (String control : sides[0].split(",")) {
                    controls.add(control.strip());
                }
                for (String styleClass : sides[1].strip().split("\\s+")) {
                    if (styleClass.endsWith("*")) {
                        prefixes.add(styleClass.substring(0, styleClass.length() - 1));
                    } else {
                        names.add(styleClass);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DroppedStyles(List.copyOf(controls), List.copyOf(names), List.copyOf(prefixes));
    }

    /// Whether the theme's rules for `styleClass` were left out.
    public boolean dropped(String styleClass) {
        return names.contains(styleClass) || prefixes.stream().anyMatch(styleClass::startsWith);
    }
}
