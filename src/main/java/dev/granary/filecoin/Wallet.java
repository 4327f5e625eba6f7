package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node's account keys, one file per key in the repo's {@code keys/} folder (0700; files 0600):
 * {@code wallet-<f-address>.json} holding Lotus' key-info JSON {@code {"Type":"secp256k1","PrivateKey":"<base64>"}}
 * ({@code "bls"} keys are 32 bytes little-endian, {@code "delegated"} keys are secp256k1 keys of f410 accounts),
 * so keys move between Granary and {@code lotus wallet export/import} by copying the JSON. The default address
 * is the text in {@code wallet-default}.
 *
 * <p>Keys are read from disk for each signature rather than kept in memory. All methods block on file I/O:
 * call them from a worker. Not thread-safe: a wallet has one owner that serialises its calls (the devnet's worker
 * verticle today), as every piece of mutable state in the node has.
 */
public final class Wallet {
    private static final String PREFIX = "wallet-";
    private static final String SUFFIX = ".json";
    private static final String DEFAULT_FILE = "wallet-default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path keysDir;
    private final SecureRandom random = new SecureRandom();

    public Wallet(Path keysDir) throws IOException {
        this.keysDir = keysDir.toAbsolutePath();
        PrivateFiles.ensureDirectory(this.keysDir);
    }

    /** The wallet in {@code <repo>/keys}. */
    public static Wallet inRepo(Path repoRoot) throws IOException {
        return new Wallet(repoRoot.resolve("keys"));
    }

    /** Creates and stores a new key; the first key of a wallet becomes its default. */
    public Address newAddress(KeyType type) throws IOException {
        byte[] privateKey = type.generatePrivateKey(random);
        try {
            return store(type, privateKey);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** Stores an existing key (importing one already held is a no-op) and returns its address. */
    public Address importKey(KeyType type, byte[] privateKey) throws IOException {
        return store(type, privateKey);
    }

    public List<Address> list() throws IOException {
        List<Address> addresses = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keysDir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    addresses.add(Address.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
                } catch (AddressFormatException notOurs) {
                    // a stray file that merely matches the pattern is not a key
                }
            }
        }
        addresses.sort(Comparator.comparing(Address::toString));
        return addresses;
    }

    public boolean has(Address address) {
        return Files.isRegularFile(keyFile(address));
    }

    public Optional<Address> defaultAddress() throws IOException {
        Path file = keysDir.resolve(DEFAULT_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Optional.of(Address.parse(text));
        } catch (AddressFormatException e) {
            throw new IOException(file + " does not hold an address: " + e.getMessage(), e);
        }
    }

    public void setDefault(Address address) throws IOException {
        if (!has(address)) {
            throw new IllegalArgumentException("wallet has no key for " + address);
        }
        PrivateFiles.write(keysDir.resolve(DEFAULT_FILE), (address + "\n").getBytes(StandardCharsets.US_ASCII), true);
    }

    /** Signs {@code message} with the key of {@code signer} (f1 → secp256k1, f3 → BLS, f410 → delegated). */
    public Signature sign(Address signer, byte[] message) throws IOException {
        StoredKey key = load(signer);
        try {
            return key.type().sign(key.privateKey(), message);
        } finally {
            Arrays.fill(key.privateKey(), (byte) 0);
        }
    }

    private Address store(KeyType type, byte[] privateKey) throws IOException {
        Address address = type.address(privateKey);
        ObjectNode json = JSON.createObjectNode()
                .put("Type", type.lotusName())
                .put("PrivateKey", Base64.getEncoder().encodeToString(privateKey));
        PrivateFiles.write(keyFile(address), JSON.writeValueAsBytes(json), false);
        if (defaultAddress().isEmpty()) {
            setDefault(address);
        }
        return address;
    }

    private record StoredKey(KeyType type, byte[] privateKey) {
    }

    private StoredKey load(Address signer) throws IOException {
        Path file = keyFile(signer);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("wallet has no key for " + signer);
        }
        StoredKey key;
        try {
            JsonNode json = JSON.readTree(Files.readAllBytes(file));
            key = new StoredKey(KeyType.fromLotusName(json.path("Type").asText()),
                    Base64.getDecoder().decode(json.path("PrivateKey").asText()));
            if (key.type().address(key.privateKey()).equals(signer)) {
                return key;
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new IOException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        Arrays.fill(key.privateKey(), (byte) 0);
        // a renamed or copied file must not make us sign for an address we hold no key for
        throw new IOException(file + " holds the key of another address");
    }

    private Path keyFile(Address address) {
        return keysDir.resolve(PREFIX + address + SUFFIX);
    }
}
