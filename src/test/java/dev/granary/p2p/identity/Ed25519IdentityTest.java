package dev.granary.p2p.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import static dev.granary.p2p.identity.KeyVectors.*;
import static org.junit.jupiter.api.Assertions.*;

class Ed25519IdentityTest {
    @Test
    void specPrivateVectorRoundTripsAndMatchesItsPublicKey() {
        Ed25519Identity identity = Ed25519Identity.fromPrivateKeyProto(ED25519_PRIVATE);
        assertArrayEquals(ED25519_PRIVATE, identity.privateKeyProto());
        assertArrayEquals(ED25519_PUBLIC, identity.publicKeyProto());
        assertEquals("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", identity.peerId().toBase58());
    }

    @Test
    void legacy96ByteFormIsAcceptedOnlyWhenBothPublicHalvesAgree() {
        byte[] data = Arrays.copyOfRange(ED25519_PRIVATE, 4, 68);
        byte[] legacy = new byte[96];
        System.arraycopy(data, 0, legacy, 0, 64);
        System.arraycopy(data, 32, legacy, 64, 32);
        assertEquals(Ed25519Identity.fromPrivateKeyProto(ED25519_PRIVATE).peerId(),
                Ed25519Identity.fromPrivateKeyProto(KeyProto.encode(KeyType.ED25519, legacy)).peerId());
        legacy[95] ^= 1;
        assertThrows(IdentityException.class, () -> Ed25519Identity.fromPrivateKeyProto(KeyProto.encode(KeyType.ED25519, legacy)));
    }

    @Test
    void mismatchedPublicHalfAndOtherKeyTypesAreRefused() {
        byte[] corrupt = ED25519_PRIVATE.clone();
        corrupt[corrupt.length - 1] ^= 1;
        assertThrows(IdentityException.class, () -> Ed25519Identity.fromPrivateKeyProto(corrupt));
        assertThrows(IdentityException.class, () -> Ed25519Identity.fromPrivateKeyProto(SECP256K1_PRIVATE));
        assertThrows(IdentityException.class, () -> Ed25519Identity.fromSeed(new byte[31]));
    }

    @Test
    void generatedIdentitiesSignVerifiably() {
        Ed25519Identity identity = Ed25519Identity.generate();
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        assertTrue(identity.publicKey().verify(message, identity.sign(message)));
        assertTrue(identity.peerId().toBase58().startsWith("12D3KooW"));
        assertEquals(identity.publicKey(), identity.peerId().publicKey().orElseThrow());
        assertNotEquals(identity.peerId(), Ed25519Identity.generate().peerId());
    }

    @Test
    void keyFileIsCreatedOwnerOnlyAndReloaded(@TempDir Path repo) throws Exception {
        Ed25519Identity created = IdentityFile.loadOrCreate(repo);
        Path file = repo.resolve("keys/libp2p.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(created.privateKeyProto(), Files.readAllBytes(file));
        assertEquals(created.peerId(), IdentityFile.loadOrCreate(repo).peerId());
        assertFalse(Files.exists(repo.resolve("keys/libp2p.key.tmp")));
    }

    @Test
    void readableByOthersOrCorruptKeyFilesAreRefused(@TempDir Path repo) throws Exception {
        IdentityFile.loadOrCreate(repo);
        Path file = IdentityFile.path(repo);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(IdentityException.class, () -> IdentityFile.loadOrCreate(repo));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, new byte[]{8, 1, 18, 2, 0, 0});
        assertThrows(IdentityException.class, () -> IdentityFile.loadOrCreate(repo));
    }
}
