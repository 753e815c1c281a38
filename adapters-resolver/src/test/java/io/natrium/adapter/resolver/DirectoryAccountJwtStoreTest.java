package io.natrium.adapter.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryAccountJwtStoreTest {

    private static final String ACCOUNT = "ADZ2DBCQ3NM3GXJ4NRTD4NDK3LMXRUZXR6FTJ3XVKS4JBJ3QWGUDBAYR";
    private static final String OTHER = "ABVSBM7U2BGYXYHJNXFXO3TM2VDJKTWOS6IKEYDNPDO4NCLB6LSVFR74";

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerAccountNamedAsNatsServerNamesIt() throws IOException {
        DirectoryAccountJwtStore store = DirectoryAccountJwtStore.open(dir);

        store.write(ACCOUNT, "eyJ.first.jwt");
        store.write(ACCOUNT, "eyJ.second.jwt");

        Path file = dir.resolve(ACCOUNT + ".jwt");
        assertThat(Files.readString(file)).isEqualTo("eyJ.second.jwt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(ACCOUNT + ".jwt");
        }
    }

    @Test
    void readsWhatIsInTheDirectoryAndItsShards() throws IOException {
        Files.writeString(dir.resolve(ACCOUNT + ".jwt"), "eyJ.a.jwt");
        Files.createDirectories(dir.resolve("74"));
        Files.writeString(dir.resolve("74").resolve(OTHER + ".jwt"), "eyJ.b.jwt");
        Files.writeString(dir.resolve(OTHER + ".jwt.deleted"), "eyJ.gone.jwt");
        Files.writeString(dir.resolve("notes.txt"), "not a jwt");

        assertThat(DirectoryAccountJwtStore.open(dir).readAll())
                .isEqualTo(Map.of(ACCOUNT, "eyJ.a.jwt", OTHER, "eyJ.b.jwt"));
    }

    @Test
    void aKeptDeletionIsRenamedAsideAndAnotherIsRemoved() throws IOException {
        DirectoryAccountJwtStore store = DirectoryAccountJwtStore.open(dir);
        store.write(ACCOUNT, "eyJ.a.jwt");
        store.write(OTHER, "eyJ.b.jwt");

        store.delete(ACCOUNT, true);
        store.delete(OTHER, false);
        store.delete(OTHER, false);

        assertThat(Files.readString(dir.resolve(ACCOUNT + ".jwt.deleted"))).isEqualTo("eyJ.a.jwt");
        assertThat(dir.resolve(OTHER + ".jwt")).doesNotExist();
        assertThat(store.readAll()).isEmpty();
    }

    @Test
    void createsAMissingDirectoryAndRefusesAFile() throws IOException {
        Path missing = dir.resolve("a").resolve("b");
        DirectoryAccountJwtStore.open(missing).write(ACCOUNT, "eyJ.a.jwt");
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThat(missing.resolve(ACCOUNT + ".jwt")).exists();
        assertThatThrownBy(() -> DirectoryAccountJwtStore.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aKeyThatIsNoPublicKeyNeverBecomesAPath() throws IOException {
        DirectoryAccountJwtStore store = DirectoryAccountJwtStore.open(dir);

        assertThatThrownBy(() -> store.write("../../etc/passwd", "x")).hasMessage("invalid public key");
        assertThatThrownBy(() -> store.delete("A/B", true)).hasMessage("invalid public key");
    }
}
