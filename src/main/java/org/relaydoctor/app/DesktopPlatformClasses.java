package org.relaydoctor.app;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/// The window's AOT cache is trained on JavaFX's headless platform (installs usually have no display), so the
/// classes of the desktop platform (GTK windows, the OpenGL pipeline that JavaFX tries first) were never in it and
/// loaded from the runtime image at every start, about 10 ms of it. The training loads them, without running them.
final class DesktopPlatformClasses {
    /// JavaFX's packages of the desktop glass platform and of the OpenGL pipeline, as shipped for this OS.
    private static final Set<String> PACKAGES = Set.of(
            "com/sun/glass/ui/gtk/", "com/sun/glass/ui/delegate/", "com/sun/glass/ui/mac/",
            "com/sun/glass/ui/win/", "com/sun/prism/es2/", "com/sun/prism/d3d/");

    private DesktopPlatformClasses() {}

    /// Loads (never initialises: that would start a native platform) every class of those packages that this
    /// runtime's javafx.graphics has; returns the names of those it loaded.
    static List<String> load() {
        Class<?> platform = javafx.application.Platform.class;
        try (ModuleReader reader = graphicsModule(platform).open(); Stream<String> entries = reader.list()) {
            List<String> names = entries
                    .filter(e -> e.endsWith(".class") && PACKAGES.contains(e.substring(0, e.lastIndexOf('/') + 1)))
                    .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                    .toList();
            List<String> loaded = new ArrayList<>();
            for (String name : names) {
                try {
                    Class.forName(name, false, platform.getClassLoader());
                    loaded.add(name);
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class tied to another platform's libraries: leaving it out costs nothing
                }
            }
            return loaded;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list JavaFX's classes", e);
        }
    }

    /// javafx.graphics as the program has it (the runtime image's module), or its jar when on the class path (tests).
    private static ModuleReference graphicsModule(Class<?> platform) throws URISyntaxException {
        Module graphics = platform.getModule();
        if (graphics.isNamed()) {
            return graphics.getLayer().configuration().findModule(graphics.getName()).orElseThrow().reference();
        }
        Path jar = Path.of(platform.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(jar).findAll().iterator().next();
    }
}
