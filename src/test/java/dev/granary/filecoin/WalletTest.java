package dev.granary.filecoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalletTest {
    private static final byte[] MESSAGE = "proposal".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path repo;

    @Test
    void newKeysOfEachTypeSignVerifiably() throws Exception {
        Wallet wallet = Wallet.inRepo(repo);
        for (KeyType type : KeyType.values()) {
            Address address = wallet.newAddress(type);
            Signature signature = wallet.sign(address, MESSAGE);
            assertEquals(type.signatureType(), signature.type());
            SignatureVerifier.verify(signature, MESSAGE, address);
        }
        assertEquals(3, wallet.list().size());
    }

    @Test
    void keyFilesAreOwnerOnlyLotusKeyInfoJson() throws IOException {
        Wallet wallet = Wallet.inRepo(repo);
        byte[] privateKey = HEX.parseHex("f15716d3b003b304b8055d9cc62e6b9c869d56cc930c3858d4d7c31f5f53f14a");
        Address address = wallet.importKey(KeyType.SECP256K1, privateKey);
        assertEquals("f1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba", address.toString());

        Path file = repo.resolve("keys").resolve("wallet-f1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba.json");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("secp256k1", json.get("Type").asText());
        assertEquals("8VcW07ADswS4BV2cxi5rnIadVsyTDDhY1NfDH19T8Uo=", json.get("PrivateKey").asText());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve("keys"))));
        }
        try (var leftovers = Files.list(repo.resolve("keys"))) {
            assertTrue(leftovers.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void firstKeyIsTheDefaultUntilChanged() throws IOException {
        Wallet wallet = Wallet.inRepo(repo);
        assertEquals(Optional.empty(), wallet.defaultAddress());
        Address first = wallet.newAddress(KeyType.SECP256K1);
        Address second = wallet.newAddress(KeyType.BLS);
        assertEquals(Optional.of(first), wallet.defaultAddress());
        wallet.setDefault(second);
        assertEquals(Optional.of(second), Wallet.inRepo(repo).defaultAddress(), "kept on disk");
        assertThrows(IllegalArgumentException.class, () -> wallet.setDefault(Address.id(5)));
    }

    @Test
    void importingTheSameKeyTwiceKeepsOneFileAndReadsBack() throws IOException {
        Wallet wallet = Wallet.inRepo(repo);
        byte[] blsKey = HEX.parseHex("3f6a52824bec652822d0b39ccee1e64974f5fa5fe1bd2b377d505be32f0e815a");
        Address address = wallet.importKey(KeyType.BLS, blsKey);
        assertEquals(address, wallet.importKey(KeyType.BLS, blsKey));
        assertEquals("f3uxb75vcy3ilwbsaavao52v7gfnfh6aics4a7nj26dwpcmj4mxxgnzholkupuplafdrbd55frpoolfnm7wlda", address.toString());
        assertEquals(List.of(address), new Wallet(repo.resolve("keys")).list());
        assertArrayEquals(Bls.sign(blsKey, MESSAGE), wallet.sign(address, MESSAGE).data());
    }

    @Test
    void unknownSignerAndTamperedFilesAreErrors() throws IOException {
        Wallet wallet = Wallet.inRepo(repo);
        assertThrows(IllegalArgumentException.class, () -> wallet.sign(Address.id(1), MESSAGE));
        Address a = wallet.newAddress(KeyType.SECP256K1);
        Address b = wallet.newAddress(KeyType.SECP256K1);
        Path keys = repo.resolve("keys");
        Files.copy(keys.resolve("wallet-" + b + ".json"), keys.resolve("wallet-" + a + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException e = assertThrows(IOException.class, () -> wallet.sign(a, MESSAGE));
        assertTrue(e.getMessage().contains("another address"), e.getMessage());
        Files.writeString(keys.resolve("wallet-" + b + ".json"), "{\"Type\":\"rsa\",\"PrivateKey\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}");
        assertThrows(IOException.class, () -> wallet.sign(b, MESSAGE));
        Files.writeString(keys.resolve("wallet-notanaddress.json"), "{}");
        assertEquals(2, wallet.list().size());
    }
}
