package dev.granary.filecoin.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.SignatureVerifier;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message and SignedMessage against the Zondax signed-message vector (specs/commp.md §8.2). */
class MessageTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path keys;

    private static JsonNode vector() throws Exception {
        try (InputStream in = MessageTest.class.getResourceAsStream("/vectors/filecoin/secp256k1.json")) {
            return new ObjectMapper().readTree(in).get("messages").get(0);
        }
    }

    @Test
    void decodesAndReencodesTheVectorByteForByte() throws Exception {
        byte[] cbor = HEX.parseHex(vector().get("messageCbor").asText());
        Message message = Cbor.decode(Message.CODEC, cbor);
        assertEquals(0, message.version());
        assertEquals(Address.parse("t17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy"), message.to());
        assertEquals(Address.parse("t1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba"), message.from());
        assertEquals(1, message.nonce());
        assertEquals(TokenAmount.ofAttoFil(100000), message.value());
        assertEquals(25000, message.gasLimit());
        assertEquals(TokenAmount.ofAttoFil(1), message.gasFeeCap());
        assertEquals(0, message.method());
        assertEquals(0, message.params().length);
        assertArrayEquals(cbor, message.cbor());
    }

    @Test
    void theCidIsWhatTheSenderSignsAndTheWalletSignatureMatches() throws Exception {
        JsonNode vector = vector();
        Message message = Cbor.decode(Message.CODEC, HEX.parseHex(vector.get("messageCbor").asText()));
        assertArrayEquals(HEX.parseHex(vector.get("message").asText()), message.signingBytes());
        assertEquals("bafy2bzaceduq6pnkpz7xhs6d24epnu47hjpn3oucoq3xnkc4g5b7hgcdw4now", message.cid().toString());

        Wallet wallet = new Wallet(keys);
        Address signer = wallet.importKey(KeyType.SECP256K1, HEX.parseHex(vector.get("privateKey").asText()));
        Signature signature = wallet.sign(signer, message.signingBytes());
        assertArrayEquals(HEX.parseHex(vector.get("signature").asText()), signature.data());
        assertTrue(SignatureVerifier.isValid(signature, message.signingBytes(), message.from()));
    }

    @Test
    void aSecpSignedMessageIsKnownByItsSignedCidAndABlsOneByItsMessageCid() throws Exception {
        Message message = Cbor.decode(Message.CODEC, HEX.parseHex(vector().get("messageCbor").asText()));
        SignedMessage secp = new SignedMessage(message, new Signature(SignatureType.SECP256K1,
                HEX.parseHex(vector().get("signature").asText())));
        byte[] signedCbor = Cbor.encode(SignedMessage.CODEC, secp);
        assertEquals(secp, Cbor.decode(SignedMessage.CODEC, signedCbor));
        assertEquals(DagCborCids.of(signedCbor), secp.cid());
        assertNotEquals(message.cid(), secp.cid());
        assertEquals(Multicodec.DAG_CBOR, secp.cid().codec());

        SignedMessage bls = new SignedMessage(message, new Signature(SignatureType.BLS, new byte[96]));
        assertEquals(message.cid(), bls.cid());
    }

    @Test
    void decodingErrorsNameTheField() throws Exception {
        byte[] cbor = HEX.parseHex(vector().get("messageCbor").asText());
        byte[] cut = Arrays.copyOf(cbor, cbor.length);
        cut[cut.length - 1] = 0x41; // Params claims one byte that is not there
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(Message.CODEC, cut));
        assertTrue(e.getMessage().startsWith("Message.Params"), e.getMessage());

        byte[] badSignature = Cbor.encode(SignedMessage.CODEC,
                new SignedMessage(Cbor.decode(Message.CODEC, cbor), new Signature(SignatureType.SECP256K1, new byte[65])));
        badSignature[badSignature.length - 66] = 0x09; // unknown signature type byte
        CborDecodeException signature = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(SignedMessage.CODEC, badSignature));
        assertTrue(signature.getMessage().startsWith("SignedMessage.Signature"), signature.getMessage());
    }
}
