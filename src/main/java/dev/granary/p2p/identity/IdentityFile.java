package dev.granary.p2p.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The node's key file {@code <repo>/keys/libp2p.key}. Format: the raw bytes of the libp2p {@code PrivateKey}
 * protobuf (type Ed25519, Data = seed ‖ public key), i.e. what go-libp2p's {@code crypto.MarshalPrivateKey} writes,
 * so a key can be moved between Granary and go tooling. The file is created with mode 0600 and a key file that
 * others can read is refused, since anyone who reads it can impersonate the node.
 */
public final class IdentityFile {
    public static final String RELATIVE_PATH = "keys/libp2p.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int MAX_FILE_BYTES = 4096;

    private IdentityFile() {
    }

    public static Path path(Path repo) {
        return repo.resolve(RELATIVE_PATH);
    }

    /** Loads the identity stored in {@code repo}, creating and storing a fresh one on first start. */
    public static Ed25519Identity loadOrCreate(Path repo) {
        Path file = path(repo);
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            Ed25519Identity identity = Ed25519Identity.generate();
            write(file, identity.privateKeyProto());
            return identity;
        } catch (IOException e) {
            throw new UncheckedIOException("libp2p key file " + file + ": " + e.getMessage(), e);
        }
    }

    static Ed25519Identity load(Path file) throws IOException {
        if (isPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IdentityException("libp2p key file " + file + " has mode "
                        + PosixFilePermissions.toString(permissions) + "; it must be readable by its owner only (0600)");
            }
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IdentityException("libp2p key file " + file + " is too large to be a key");
        }
        return Ed25519Identity.fromPrivateKeyProto(Files.readAllBytes(file));
    }

    /** Writes to a 0600 temporary file first, then moves it in place: no window where the key is world-readable. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (isPosix(dir)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(OWNER_ONLY)));
        } else {
            Files.createFile(temp);
        }
        Files.write(temp, bytes);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
