// SPDX-License-Identifier: Apache-2.0
//
// Builds the trimmed runtime and the native installers for the OS it runs on. Run by `./mvnw -Pinstaller package`
// (maven-antrun-plugin starts it with the build's own JDK as a single-file source program, so it works the same on
// Linux, Windows and macOS without a shell).
//
// Why it is shaped like this:
// - jlink cannot link automatic modules (several of our libraries are not JPMS modules), so the runtime holds only
//   JDK + JavaFX modules and the application jars go next to it on the module path (`lib/app/mods`).
// - The JavaFX jars from Maven Central are modular and carry their native libraries as resources; linking them as
//   they are would make JavaFX unpack .so/.dll files into the user's home at every first start. We turn each into a
//   jmod with the natives in its `lib` section, so jlink puts them where the JDK's own natives are.
// - Nothing is hard-coded per jar: the lists come from target/lib, the JDK modules from jdeps plus a checked list
//   of service-provider modules jdeps cannot see (packaging/jlink-extra-modules.txt).
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;

void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
        opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    var build = new Build(opt);
    build.run();
}

/// One installer build. Each step logs what it decided, so a failed CI run says why.
final class Build {
    private final Path project;
    private final Path target;
    private final Path work;
    private final Path appJar;
    private final String javafxVersion;
    private final String os;
    private final List<String> types;
    private final String module;
    private final String mainClass;
    private final String launcherName;

    Build(Map<String, String> opt) {
        project = Path.of(required(opt, "project"));
        target = Path.of(required(opt, "target"));
        work = target.resolve("installer-work");
        appJar = Path.of(required(opt, "app-jar"));
        javafxVersion = required(opt, "javafx-version");
        os = required(opt, "os");
        types = List.of(required(opt, "types").split(","));
        module = required(opt, "module");
        mainClass = required(opt, "main-class");
        launcherName = required(opt, "launcher-name");
    }

    private static String required(Map<String, String> opt, String key) {
        String v = opt.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    void run() throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        Jars jars = classify(target.resolve("lib"));
        checkJavafx(jars.javafx());
        Path jmods = makeJmods(jars.javafx());
        TreeSet<String> jdkModules = jdkModules(jars);
        Path runtime = jlink(jmods, jdkModules, jars.javafx().keySet());
        Path mods = work.resolve("mods");
        Files.createDirectories(mods);
        Files.copy(appJar, mods.resolve(appJar.getFileName()));
        for (Path jar : jars.app()) {
            Files.copy(jar, mods.resolve(jar.getFileName()));
        }
        smokeTest(runtime, mods);
        Path image = appImage(runtime, mods);
        if (os.equals("linux")) {
            linuxExtras(image);
        }
        // The AOT cache is trained on the installed program by the Linux package's install-hooks.sh: the JVM only
        // accepts a cache with the module path it was trained with, and that is only known once installed.
        Path out = target.resolve("installer");
        deleteTree(out);
        Files.createDirectories(out);
        for (String type : types) {
            packageImage(image, type, out);
        }
        try (var files = Files.list(out)) {
            files.forEach(f -> log("installer: %s (%.1f MiB)", f, size(f) / 1048576.0));
        }
    }

    record Jars(Map<String, Path> javafx, List<Path> app) {}

    /// Splits target/lib into JavaFX modules (linked into the runtime) and everything else (shipped as jars).
    private Jars classify(Path lib) throws IOException {
        Map<String, Path> javafx = new LinkedHashMap<>();
        List<Path> app = new ArrayList<>();
        try (var files = Files.list(lib)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                ModuleDescriptor d = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
                if (d.isAutomatic() && d.name().startsWith("javafx.") && d.name().endsWith("Empty")) {
                    continue; // OpenJFX's platform-neutral placeholder jar: no classes
                }
                if (d.name().startsWith("javafx.")) {
                    javafx.put(d.name(), jar);
                } else {
                    app.add(jar);
                }
            }
        }
        log("JavaFX modules: %s", javafx.keySet());
        log("application jars: %s", app.stream().map(p -> p.getFileName().toString()).toList());
        return new Jars(javafx, app);
    }

    /// The JavaFX version in the jars must be the pom's, and each jar must be the one whose SHA-256 we recorded.
    private void checkJavafx(Map<String, Path> javafx) throws Exception {
        Path base = javafx.get("javafx.base");
        if (base == null) {
            fail("javafx.base is not in target/lib");
        }
        Properties p = new Properties();
        try (ZipFile zip = new ZipFile(base.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("javafx.properties"))) {
            p.load(in);
        }
        String inJars = p.getProperty("javafx.version");
        if (!javafxVersion.equals(inJars)) {
            fail("JavaFX version mismatch: the pom says " + javafxVersion + ", the jars are " + inJars);
        }
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : Files.readAllLines(project.resolve("packaging/javafx.sha256"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && !line.startsWith("#")) {
                known.put(f[1], f[0]);
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path jar : javafx.values()) {
            String name = jar.getFileName().toString();
            if (!name.contains("-" + javafxVersion + "-")) {
                problems.add(name + ": not version " + javafxVersion);
            }
            String actual = sha256(jar);
            String expected = known.get(name);
            if (!actual.equals(expected)) {
                problems.add(name + ": SHA-256 " + actual + (expected == null ? " is not recorded" : " != " + expected));
            }
        }
        if (!problems.isEmpty()) {
            fail("JavaFX jars do not match packaging/javafx.sha256:\n  " + String.join("\n  ", problems));
        }
        log("JavaFX %s: version and SHA-256 of %d jars checked", inJars, javafx.size());
    }

    /// One jmod per JavaFX jar, natives moved from the jar's resources into the jmod's native-library section.
    private Path makeJmods(Map<String, Path> javafx) throws IOException {
        Path jmods = work.resolve("jmods");
        Files.createDirectories(jmods);
        for (var e : javafx.entrySet()) {
            Path classes = work.resolve("jmod-src").resolve(e.getKey()).resolve("classes");
            Path libs = work.resolve("jmod-src").resolve(e.getKey()).resolve("libs");
            Files.createDirectories(classes);
            Files.createDirectories(libs);
            int natives = 0;
            try (ZipFile zip = new ZipFile(e.getValue().toFile())) {
                for (var entry : zip.stream().filter(z -> !z.isDirectory()).toList()) {
                    String n = entry.getName();
                    boolean isNative = !n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"));
                    if (n.endsWith(".sha1") && !n.contains("/")) {
                        continue; // checksums of the natives, only used by JavaFX's unpack-to-home loader
                    }
                    Path dest = (isNative ? libs : classes).resolve(n);
                    Files.createDirectories(dest.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, dest);
                    }
                    natives += isNative ? 1 : 0;
                }
            }
            tool("jmod", "create", "--class-path", classes.toString(), "--libs", libs.toString(),
                    "--module-version", javafxVersion, jmods.resolve(e.getKey() + ".jmod").toString());
            log("%s.jmod: %d native libraries", e.getKey(), natives);
        }
        return jmods;
    }

    /// The JDK modules the application and its libraries use: jdeps over all jars, plus the checked extras.
    private TreeSet<String> jdkModules(Jars jars) throws IOException {
        // Everything on the module path, analysed as modules: named ones by their requires, automatic ones by use.
        List<String> path = new ArrayList<>(List.of(appJar.toString()));
        jars.javafx().values().forEach(j -> path.add(j.toString()));
        jars.app().forEach(j -> path.add(j.toString()));
        List<String> cmd = List.of("--print-module-deps", "--ignore-missing-deps", "--multi-release",
                String.valueOf(Runtime.version().feature()), "--module-path",
                String.join(java.io.File.pathSeparator, path), "--add-modules", "ALL-MODULE-PATH");
        String out = tool("jdeps", cmd.toArray(String[]::new)).trim();
        TreeSet<String> modules = new TreeSet<>();
        for (String m : out.lines().reduce((a, b) -> b).orElse("").split(",")) {
            if (!m.isBlank() && !m.startsWith("javafx.")) {
                modules.add(m.trim());
            }
        }
        for (String line : Files.readAllLines(project.resolve("packaging/jlink-extra-modules.txt"))) {
            String m = line.replaceFirst("#.*", "").trim();
            if (!m.isEmpty()) {
                modules.add(m);
            }
        }
        for (String m : modules) {
            if (ModuleFinder.ofSystem().find(m).isEmpty()) {
                fail("JDK module " + m + " is not in this JDK");
            }
        }
        log("JDK modules: %s", modules);
        return modules;
    }

    private Path jlink(Path jmods, TreeSet<String> jdkModules, java.util.Set<String> javafxModules) throws IOException {
        Path runtime = work.resolve("runtime");
        List<String> all = new ArrayList<>(jdkModules);
        all.addAll(javafxModules);
        String modulePath = jmods.toString();
        Path jdkJmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Files.isDirectory(jdkJmods)) {
            modulePath += java.io.File.pathSeparator + jdkJmods; // else JEP 493: linked from the running JDK
        }
        tool("jlink", "--module-path", modulePath, "--add-modules", String.join(",", all),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--include-locales=en,ru,uk", "--output", runtime.toString());
        // --strip-native-commands dropped every tool; put back only `java`, which the lean Linux launcher and the
        // AOT training run start (it is a small stub that loads lib/libjli from its own runtime).
        Path javaCmd = java(Path.of(System.getProperty("java.home")));
        Files.createDirectories(java(runtime).getParent());
        Files.copy(javaCmd, java(runtime), StandardCopyOption.COPY_ATTRIBUTES);
        log("runtime: %.1f MiB", size(runtime) / 1048576.0);
        return runtime;
    }

    /// Every module resolves against the trimmed runtime (a JDK module jdeps missed would fail here, not on a user's
    /// machine), and the command line works without a display.
    private void smokeTest(Path runtime, Path mods) throws Exception {
        String out = run(List.of(java(runtime).toString(), "-p", mods.toString(), "--add-modules", "ALL-MODULE-PATH",
                "-m", module + "/" + mainClass, "--version"), Map.of(), 60);
        log("smoke test --version: %s", out.strip());
    }

    private Path appImage(Path runtime, Path mods) throws IOException {
        Path dest = work.resolve("image");
        Path args = target.resolve("jpackage");
        List<String> cmd = new ArrayList<>(List.of("@" + args.resolve("common.txt"), "@" + args.resolve("launcher.txt"),
                "--type", "app-image", "--runtime-image", runtime.toString(), "--module-path", mods.toString(),
                "--module", module + "/" + mainClass, "--dest", dest.toString()));
        if (os.equals("windows")) {
            // The window's launcher has no console; this one, relay-doctor.exe, is for the command line.
            cmd.addAll(List.of("--add-launcher", "relay-doctor=" + args.resolve("windows/cli-launcher.properties")));
        }
        tool("jpackage", cmd.toArray(String[]::new));
        try (var dirs = Files.list(dest)) {
            Path image = dirs.findFirst().orElseThrow();
            log("app image: %s (%.1f MiB)", image, size(image) / 1048576.0);
            return image;
        }
    }

    /// Linux: the lean launcher (the stock one asks dpkg which package owns it at every start), and the desktop
    /// entry, AppStream metainfo and icons that the package's scripts link into /usr/share.
    private void linuxExtras(Path image) throws IOException {
        Path stock = image.resolve("bin").resolve(launcherName);
        Files.move(stock, image.resolve("lib").resolve(launcherName + ".stock"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(target.resolve("jpackage/linux/relay-doctor"), stock);
        stock.toFile().setExecutable(true, false);
        Path links = image.resolve("lib").resolve("install-hooks.sh");
        Files.copy(target.resolve("jpackage/linux/install-hooks.sh"), links);
        links.toFile().setExecutable(true, false);
        Path share = image.resolve("lib").resolve("desktop"); // linked into /usr/share by postinst (jpackage owns share/)
        String id = "org.relaydoctor.RelayDoctor";
        copy(target.resolve("jpackage/linux/" + id + ".desktop"), share.resolve("applications/" + id + ".desktop"));
        copy(target.resolve("jpackage/linux/" + id + ".metainfo.xml"), share.resolve("metainfo/" + id + ".metainfo.xml"));
        for (String size : List.of("16", "24", "32", "48", "64", "128", "256", "512")) {
            copy(project.resolve("icons/relay-doctor-" + size + ".png"),
                    share.resolve("icons/hicolor/" + size + "x" + size + "/apps/" + id + ".png"));
        }
        copy(project.resolve("icons/relay-doctor.svg"), share.resolve("icons/hicolor/scalable/apps/" + id + ".svg"));
    }

    private void packageImage(Path image, String type, Path out) throws IOException {
        if (type.equals("rpm") && !onPath("rpmbuild")) {
            log("rpm skipped: rpmbuild not found (apt-get install rpm)");
            return;
        }
        Path args = target.resolve("jpackage");
        String osFile = switch (os) {
            case "linux" -> "linux.txt";
            case "windows" -> "windows.txt";
            default -> "macos.txt";
        };
        tool("jpackage", "@" + args.resolve("common.txt"), "@" + args.resolve(osFile), "--type", type,
                "--app-image", image.toString(), "--dest", out.toString());
    }

    // --- small tools -------------------------------------------------------------------------------------------

    private static Path java(Path runtime) {
        return runtime.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
    }

    private String tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException("no " + name));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int rc = tool.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
        if (rc != 0) {
            fail(name + " failed (" + rc + "): " + String.join(" ", args) + "\n" + out + err);
        }
        return out.toString();
    }

    private String run(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile(work, "run", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            fail("exit " + p.exitValue() + ": " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            md.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static long size(Path p) {
        try (var files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var files = Files.walk(p)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }

    private static void log(String format, Object... args) {
        System.out.println("[installer] " + String.format(format, args));
    }
}
