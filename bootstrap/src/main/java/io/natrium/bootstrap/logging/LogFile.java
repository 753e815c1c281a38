package io.natrium.bootstrap.logging;

import io.natrium.domain.text.GoStrings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * nats-server's log file ({@code -l}): lines are appended; past {@code log_size_limit} bytes the file is renamed to
 * {@code <file>.2006.01.02.15.04.05.000000000} (local time, nanoseconds) and a new one is started with a line saying
 * so. With {@code logfile_max_num} set, only that many files are kept, the current one included: the oldest backups
 * are deleted, each with a line. {@link #reopen()} closes and opens the file again, so that an external logrotate
 * can move it away and signal SIGUSR1. A new file gets nats-server's permissions, {@code rw-r-----}.
 */
final class LogFile implements LogOutput {

    private static final Set<OpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd.HH.mm.ss.SSSSSSSSS");
    private static final Pattern BACKUP_SUFFIX = Pattern.compile("\\d{4}(\\.\\d{2}){5}(\\.\\d{1,9})?");

    private final Path path;
    private final NatsLayout layout;
    private final long sizeLimit;
    private final int maxFiles;
    private final Clock clock;
    private final PrintStream errors;
    /** Null after the file could not be opened again; lines are dropped until a reopen succeeds. */
    private FileChannel channel;
    private long size;

    private LogFile(Path path, NatsLayout layout, long sizeLimit, int maxFiles, Clock clock, PrintStream errors) {
        this.path = path;
        this.layout = layout;
        this.sizeLimit = sizeLimit;
        this.maxFiles = maxFiles;
        this.clock = clock;
        this.errors = errors;
    }

    /**
     * Opens (or creates) the file for appending; when it is already past the size limit it is rotated at once.
     *
     * @param sizeLimit rotate past this many bytes; 0 never
     * @param maxFiles  keep this many files, the current one included; 0 all
     * @param clock     the time zone and clock of backup names
     * @param errors    where a file that cannot be opened again after a rotation is reported
     */
    static LogFile open(Path path, NatsLayout layout, long sizeLimit, int maxFiles, Clock clock, PrintStream errors)
            throws IOException {
        LogFile file = new LogFile(path, layout, sizeLimit, maxFiles, clock, errors);
        file.openChannel();
        file.rotateIfOversized();
        return file;
    }

    @Override
    public synchronized void write(LogEntry entry) {
        append(layout.format(entry));
        if (sizeLimit > 0 && size > sizeLimit) {
            rotate();
        }
    }

    @Override
    public synchronized boolean reopen() {
        closeChannel();
        try {
            openChannel();
        } catch (IOException e) {
            errors.println("Unable to re-open the logfile " + GoStrings.quote(path.toString()) + ": " + e);
            return true;
        }
        rotateIfOversized();
        return true;
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }

    private void rotateIfOversized() {
        if (sizeLimit > 0 && size > sizeLimit) {
            write(new LogEntry(LogLevel.INFO, clock.instant(), "Rotating logfile..."));
        }
    }

    private void rotate() {
        closeChannel();
        Path backup = backupPath();
        try {
            Files.move(path, backup);
        } catch (IOException e) {
            // Like nats-server, carry on in the same file and try again at the next limit.
        }
        try {
            openChannel();
        } catch (IOException e) {
            errors.println("Unable to re-open the logfile " + GoStrings.quote(path.toString()) + " after rotation: "
                    + e);
            return;
        }
        size = 0;
        note(LogLevel.INFO, "Rotated log, backup saved as " + GoStrings.quote(backup.toString()));
        if (maxFiles > 0) {
            purge();
        }
    }

    /** {@code <file>.<local time to the nanosecond>}; never an existing file's name. */
    private Path backupPath() {
        Instant now = clock.instant();
        Path backup;
        do {
            LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
            backup = path.resolveSibling(path.getFileName() + "." + BACKUP_STAMP.format(local));
            now = now.plusNanos(1);
        } while (Files.exists(backup));
        return backup;
    }

    /** Deletes the oldest backups so that {@code maxFiles} files remain, the current one included. */
    private void purge() {
        List<Path> backups = backups();
        int excess = backups.size() - (maxFiles - 1);
        for (int i = 0; i < excess; i++) {
            String name = backups.get(i).getFileName().toString();
            try {
                Files.delete(backups.get(i));
            } catch (IOException e) {
                note(LogLevel.ERROR, "Unable to remove backup log file " + GoStrings.quote(name) + " (" + e
                        + "), will attempt next rotation");
                return;
            }
            note(LogLevel.INFO, "Purged log file " + GoStrings.quote(name));
        }
    }

    /** This file's backups, oldest first (their names sort by time). */
    private List<Path> backups() {
        String prefix = path.getFileName() + ".";
        Path directory = path.toAbsolutePath().getParent();
        List<Path> backups = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(entry -> isBackupName(entry.getFileName().toString(), prefix))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .forEach(backups::add);
        } catch (IOException e) {
            note(LogLevel.ERROR, "Unable to read directory " + GoStrings.quote(directory.toString())
                    + " for log purge (" + e + "), will attempt next rotation");
        }
        return backups;
    }

    private static boolean isBackupName(String name, String prefix) {
        return name.startsWith(prefix) && BACKUP_SUFFIX.matcher(name.substring(prefix.length())).matches();
    }

    /** A line of the file's own, written straight into the current file without checking the limit. */
    private void note(LogLevel level, String message) {
        append(layout.format(level, clock.instant(), message));
    }

    private void append(String line) {
        if (channel == null) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                size += channel.write(bytes);
            }
        } catch (IOException e) {
            // nats-server does not report failed log writes either: there is nowhere left to report them.
        }
    }

    private void openChannel() throws IOException {
        channel = path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(path, APPEND, ownerWriteGroupRead())
                : FileChannel.open(path, APPEND);
        size = channel.size();
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closed anyway; the next open starts afresh.
        }
        channel = null;
    }

    private static FileAttribute<?> ownerWriteGroupRead() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----"));
    }
}
