package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nats-server's log file: appending, rotation by size into timestamped backups, the backup limit, reopening. */
class LogFileTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05.123456789Z");
    private static final String STAMP = "2026.01.02.03.04.05.123456789";
    private static final long LIMIT = 1000;
    /** A line of 411 bytes: two stay under the limit, the third passes it. */
    private static final String LONG = "x".repeat(400);
    private static final NatsLayout LAYOUT = new NatsLayout(7, false, false, false);

    @TempDir
    Path directory;

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @Test
    void rotatesPastTheSizeLimitIntoABackupNamedForTheTime() throws IOException {
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, LIMIT, 0, new SteppingClock(START, Duration.ZERO));

        write(file, LONG, LONG, LONG, "after");

        Path backup = directory.resolve("nats.log." + STAMP);
        assertThat(lines(backup)).containsExactly(line(LONG), line(LONG), line(LONG));
        assertThat(lines(path)).containsExactly(line("Rotated log, backup saved as \"" + backup + "\""), line("after"));
        file.close();
    }

    @Test
    void writesAClientsBytesThatAreNotUtf8AsTheyCame() throws IOException {
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, 0, 0, new SteppingClock(START, Duration.ZERO));

        write(file, "SUB w.\udcff");
        file.close();

        assertThat(Files.readAllBytes(path)).endsWith('w', '.', 0xFF, '\n');
    }

    @Test
    void neverOverwritesABackupMadeAtTheSameInstant() throws IOException {
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, LIMIT, 0, new SteppingClock(START, Duration.ZERO));

        write(file, LONG, LONG, LONG, LONG, LONG, LONG);

        assertThat(backups()).containsExactly("nats.log.2026.01.02.03.04.05.123456789",
                "nats.log.2026.01.02.03.04.05.123456790");
        file.close();
    }

    @Test
    void keepsMaxFilesIncludingTheCurrentOneDeletingTheOldestBackups() throws IOException {
        Files.writeString(directory.resolve("nats.log.old"), "kept");
        Files.writeString(directory.resolve("nats.log.2020"), "kept");
        Files.writeString(directory.resolve("other.log.2020.01.01.00.00.00.000000000"), "kept");
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, LIMIT, 3, new SteppingClock(START, Duration.ofSeconds(1)));

        for (int rotation = 0; rotation < 5; rotation++) {
            write(file, LONG, LONG, LONG);
        }

        List<String> kept = backups();
        assertThat(kept).hasSize(2);
        List<String> purged = lines(path).stream().filter(text -> text.contains("Purged log file"))
                .map(text -> text.substring(text.indexOf('"') + 1, text.lastIndexOf('"'))).toList();
        assertThat(purged).isNotEmpty().allSatisfy(name -> assertThat(name).isLessThan(kept.get(0)));
        assertThat(lines(path).get(0)).startsWith("[7] [INF] Rotated log, backup saved as");
        assertThat(directory.resolve("nats.log.old")).exists();
        assertThat(directory.resolve("nats.log.2020")).exists();
        assertThat(directory.resolve("other.log.2020.01.01.00.00.00.000000000")).exists();
        file.close();
    }

    @Test
    void countsWhatTheFileHeldAlready() throws IOException {
        Path path = directory.resolve("nats.log");
        Files.writeString(path, "y".repeat(900));
        LogFile file = open(path, LIMIT, 0, new SteppingClock(START, Duration.ZERO));

        write(file, "short", LONG);

        assertThat(Files.readString(directory.resolve("nats.log." + STAMP)))
                .isEqualTo("y".repeat(900) + line("short") + "\n" + line(LONG) + "\n");
        file.close();
    }

    @Test
    void rotatesAFileThatIsAlreadyTooLargeWhenItIsOpened() throws IOException {
        Path path = directory.resolve("nats.log");
        Files.writeString(path, "y".repeat(2000) + "\n");
        LogFile file = open(path, LIMIT, 0, new SteppingClock(START, Duration.ZERO));

        assertThat(lines(directory.resolve("nats.log." + STAMP))).containsExactly("y".repeat(2000),
                line("Rotating logfile..."));
        assertThat(lines(path)).hasSize(1).first().asString().startsWith("[7] [INF] Rotated log, backup saved as");
        file.close();
    }

    @Test
    void neverRotatesWithoutALimit() throws IOException {
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, 0, 0, new SteppingClock(START, Duration.ZERO));

        write(file, LONG, LONG, LONG, LONG);

        assertThat(lines(path)).hasSize(4);
        assertThat(backups()).isEmpty();
        file.close();
    }

    @Test
    void reopenCreatesTheFileAgainAfterItWasMovedAway() throws IOException {
        Path path = directory.resolve("nats.log");
        LogFile file = open(path, 0, 0, new SteppingClock(START, Duration.ZERO));
        write(file, "before");
        Path moved = Files.move(path, directory.resolve("nats.log.1"));
        write(file, "still to the moved file");

        assertThat(file.reopen()).isTrue();
        write(file, "after");

        assertThat(lines(moved)).containsExactly(line("before"), line("still to the moved file"));
        assertThat(lines(path)).containsExactly(line("after"));
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
        file.close();
    }

    @Test
    void createsTheFileReadableByTheGroupOnly() throws IOException {
        Path path = directory.resolve("nats.log");
        assumeThat(path.getFileSystem().supportedFileAttributeViews()).contains("posix");

        open(path, 0, 0, new SteppingClock(START, Duration.ZERO)).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r-----");
    }

    private LogFile open(Path path, long limit, int maxFiles, SteppingClock clock) throws IOException {
        return LogFile.open(path, LAYOUT, limit, maxFiles, clock, new PrintStream(errors, true,
                StandardCharsets.UTF_8));
    }

    private static void write(LogFile file, String... messages) {
        for (String message : messages) {
            file.write(new LogEntry(LogLevel.INFO, START, message));
        }
    }

    private static String line(String message) {
        return "[7] [INF] " + message;
    }

    private static List<String> lines(Path path) throws IOException {
        return Files.readAllLines(path);
    }

    /** The names of nats.log's backups, oldest first. */
    private List<String> backups() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("nats\\.log\\.\\d{4}(\\.\\d{2}){5}\\.\\d{9}")).sorted().toList();
        }
    }
}
