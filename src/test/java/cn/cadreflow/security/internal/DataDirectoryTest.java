package cn.cadreflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's files are the server user's alone. */
class DataDirectoryTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeThat(OwnerOnlyFiles.supported()).isTrue();
    }

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnly() throws IOException {
        Path database = DataDirectory.h2File("jdbc:h2:file:" + tmp + "/data/cadreflow;AUTO_SERVER=TRUE");
        assertThat(database).isEqualTo(tmp.resolve("data/cadreflow"));

        DataDirectory.protect(database);

        assertThat(mode(tmp.resolve("data"))).isEqualTo("rwx------");
    }

    @Test
    void anExistingDataDirectoryAndTheDatabaseFilesAreMadeOwnerOnly() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = Files.createFile(dir.resolve("cadreflow.mv.db"));
        Path trace = Files.createFile(dir.resolve("cadreflow.trace.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(trace, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.protect(DataDirectory.h2File("jdbc:h2:file:" + dir + "/cadreflow"));

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(mode(trace)).isEqualTo("rw-------");
    }

    @Test
    void aSharedDirectoryIsLeftAloneButTheDatabaseFilesAreStillOwnerOnly() throws IOException {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path db = Files.createFile(shared.resolve("cadreflow.mv.db"));
        Path other = Files.createFile(shared.resolve("someone-else.txt"));
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.protect(shared.resolve("cadreflow"));

        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
        assertThat(mode(db)).isEqualTo("rw-------");
        assertThat(mode(other)).isEqualTo("rw-r--r--");
    }

    @Test
    void onlyH2FileDatabasesAreConcerned() {
        assertThat(DataDirectory.h2File("jdbc:h2:mem:cadreflow-test;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(DataDirectory.h2File("jdbc:h2:tcp://db/cadreflow")).isNull();
        assertThat(DataDirectory.h2File("jdbc:mysql://127.0.0.1:3306/cadreflow")).isNull();
        assertThat(DataDirectory.h2File("jdbc:h2:./data/cadreflow")).isEqualTo(Path.of("data/cadreflow").toAbsolutePath());
        assertThat(DataDirectory.h2File("jdbc:h2:file:~/cadreflow"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "cadreflow"));
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
