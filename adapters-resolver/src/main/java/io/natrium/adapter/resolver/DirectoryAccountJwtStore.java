package io.natrium.adapter.resolver;

import io.natrium.application.port.out.AccountJwtStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * nats-server's {@code DirJWTStore} as its full and cache resolvers use it: one file {@code <account>.jwt} per account
 * directly in the directory (2.9.10's resolvers do not shard), holding the JWT and nothing else; a deleted account's
 * file renamed to {@code <account>.jwt.deleted} when deletions are kept. Reading walks subdirectories too, as
 * nats-server's does, so a sharded directory ({@code <dir>/<last two letters>/<account>.jwt}) is read as well.
 * Files and directories get nats-server's permissions (0640, 0750).
 */
public final class DirectoryAccountJwtStore implements AccountJwtStore {

    private static final String EXTENSION = ".jwt";
    private static final String DELETED = ".deleted";
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwxr-x---");

    private final Path directory;

    private DirectoryAccountJwtStore(Path directory) {
        this.directory = directory;
    }

    /**
     * The store of {@code directory}, created when missing as nats-server creates it.
     *
     * @throws IOException when it cannot be created or is no directory
     */
    public static DirectoryAccountJwtStore open(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException("the path [" + absolute + "] is not a directory");
        }
        if (!Files.exists(absolute)) {
            Files.createDirectories(absolute);
            restrict(absolute, DIRECTORY_PERMISSIONS);
        }
        return new DirectoryAccountJwtStore(absolute);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Map<String, String> readAll() {
        try {
            return read();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> jwts = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(path -> path.getFileName().toString().endsWith(EXTENSION))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                jwts.put(name.substring(0, name.length() - EXTENSION.length()),
                        Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException gone) {
                // Removed while walking: it is not held any more.
            }
        }
        return jwts;
    }

    @Override
    public String read(String account) {
        Path file = fileOf(account);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return null;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void write(String account, String jwt) {
        Path file = fileOf(account);
        try {
            writeFile(account, file, jwt);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void writeFile(String account, Path file, String jwt) throws IOException {
        // Written aside and moved in place, so a reader never sees half a JWT.
        Path partial = directory.resolve(account + EXTENSION + ".tmp");
        Files.writeString(partial, jwt, StandardCharsets.UTF_8);
        restrict(partial, FILE_PERMISSIONS);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String account, boolean keep) {
        Path file = fileOf(account);
        try {
            deleteFile(file, keep);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static void deleteFile(Path file, boolean keep) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (keep) {
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + DELETED),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException | FileAlreadyExistsException gone) {
                // Deleted meanwhile.
            }
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** nats-server refuses keys that are no public nkeys before they become a path ({@code invalid public key}). */
    private Path fileOf(String account) {
        if (account == null || account.length() < 2 || !account.matches("[A-Z2-7]+")) {
            throw new IllegalStateException("invalid public key");
        }
        return directory.resolve(account + EXTENSION);
    }

    private static IllegalStateException failure(IOException e) {
        return new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException | IOException notPosix) {
            // A file system without POSIX permissions keeps its defaults.
        }
    }
}
