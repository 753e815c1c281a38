package io.natrium.bootstrap;

import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A Java runtime installed on this machine that can run the Natrium jar, and its feature release (17, 25, ...). */
record JavaRuntime(Path java, int feature) {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Path INSTALLATIONS = Path.of("/usr/lib/jvm");

    @Override
    public String toString() {
        return "Java " + feature;
    }

    /** The runtime running the tests. */
    static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
    }

    /**
     * The runtime running the tests and, when that one is older, the newest installed runtime of at least
     * {@code feature}: the server behaves differently on each side of it.
     */
    static List<JavaRuntime> currentAndOneFrom(int feature) {
        List<JavaRuntime> runtimes = new ArrayList<>(List.of(current()));
        if (current().feature() < feature) {
            installed().filter(runtime -> runtime.feature() >= feature)
                    .max(Comparator.comparingInt(JavaRuntime::feature))
                    .ifPresent(runtimes::add);
        }
        return runtimes;
    }

    /** The runnable jar the build made, bootstrap/target/natrium.jar. */
    static Path natriumJar() {
        return ServerProcess.natriumLauncher().getParent().resolve("bootstrap/target/natrium.jar");
    }

    private static Stream<JavaRuntime> installed() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Stream.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLATIONS)) {
            return homes.map(JavaRuntime::at).flatMap(Optional::stream).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Optional<JavaRuntime> at(Path home) {
        Path java = home.resolve("bin/java");
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            if (Files.isExecutable(java) && version.find()) {
                return Optional.of(new JavaRuntime(java, Integer.parseInt(version.group(1))));
            }
        } catch (IOException | RuntimeException notAJavaHome) {
            // skipped
        }
        return Optional.empty();
    }
}
