package cn.cadreflow.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only the server's own user may read: directories {@code rwx------}, files
 * {@code rw-------}. On a file system without POSIX permissions (Windows) the files are written as they come.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the directory (and its missing parents) owner-only, or makes an existing one owner-only unless others
     * may write into it (a shared directory such as /tmp is left as it is). Returns whether it is owner-only.
     */
    static boolean directory(Path dir) throws IOException {
        if (!supported()) {
            Files.createDirectories(dir);
            return false;
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            return true;
        }
        if (Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE)) {
            return false;
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return true;
    }

    /** Makes an existing file owner-only. */
    static void file(Path file) throws IOException {
        if (supported()) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Writes the text to a new owner-only file (replacing an older one); a missing directory is made owner-only. */
    static void write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            directory(absolute.getParent());
        }
        Files.deleteIfExists(absolute);
        FileAttribute<?>[] ownerOnly = supported()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Files.write(Files.createFile(absolute, ownerOnly), text.getBytes(StandardCharsets.UTF_8));
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the operator: it holds a password that was never used
        }
    }
}
