package dev.granary.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The node's repo directory (like lotus' ~/.lotusminer): config overrides, API address and admin token for
 * client commands, keys, database and data folders. Opening it takes an exclusive lock so two nodes never
 * share one repo. All methods block: call them from a worker.
 */
public final class RepoDir implements AutoCloseable {
    private static final int SECRET_BYTES = 32;

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RepoDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** {@code $GRANARY_REPO}, else {@code ~/.granary}. */
    public static Path defaultRoot() {
        String fromEnv = System.getenv("GRANARY_REPO");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(System.getProperty("user.home"), ".granary");
    }

    /** Creates the layout if missing and locks the repo for this process. */
    public static RepoDir open(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        createPrivateDir(abs);
        createPrivateDir(abs.resolve("keys"));
        Files.createDirectories(abs.resolve("db"));
        FileChannel channel = FileChannel.open(abs.resolve("repo.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("repo " + abs + " is in use by another granary node (lock: " + abs.resolve("repo.lock") + ")");
        }
        return new RepoDir(abs, channel, lock);
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve("config");
    }

    public Path dbFile() {
        return root.resolve("db").resolve("granary.db");
    }

    public Path apiFile() {
        return root.resolve("api");
    }

    public Path tokenFile() {
        return root.resolve("token");
    }

    public Path jwtSecretFile() {
        return root.resolve("keys").resolve("jwt-secret");
    }

    /** The HS256 secret API tokens are signed with; created on first start and kept, so issued tokens stay valid. */
    public byte[] loadOrCreateJwtSecret() throws IOException {
        return loadOrCreateJwtSecret(root);
    }

    /** Same as {@link #loadOrCreateJwtSecret()} for client commands that run beside a live node (no repo lock). */
    public static byte[] loadOrCreateJwtSecret(Path repoRoot) throws IOException {
        Path file = repoRoot.toAbsolutePath().resolve("keys").resolve("jwt-secret");
        if (!Files.exists(file)) {
            createPrivateDir(file.getParent());
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            try {
                writePrivateNew(file, HexFormat.of().formatHex(secret));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs so both agree
            }
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] secret = HexFormat.of().parseHex(hex);
            if (secret.length < SECRET_BYTES) {
                throw new IOException(file + " holds a secret shorter than " + SECRET_BYTES + " bytes");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a hex-encoded secret: " + e.getMessage(), e);
        }
    }

    public void writeApi(String url) throws IOException {
        replace(apiFile(), url + "\n", false);
    }

    public void writeToken(String token) throws IOException {
        replace(tokenFile(), token + "\n", true);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    /** Write then rename, so a client never reads a half-written file. */
    private void replace(Path target, String content, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret) {
            writePrivateNew(tmp, content);
        } else {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writePrivateNew(Path file, String content) throws IOException {
        if (posix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void createPrivateDir(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean posix(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
