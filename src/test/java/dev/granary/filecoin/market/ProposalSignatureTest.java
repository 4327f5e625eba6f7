package dev.granary.filecoin.market;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Bls;
import dev.granary.filecoin.InvalidSignatureException;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proposals, status requests and asks signed with wallet keys verify, and stop verifying when anything changes. */
class ProposalSignatureTest {
    private static final Cid PIECE = Cid.parse("baga6ea4seaqgxbvsop7tj7hbtvvyatx7li7vor5nutvkely5jhab4uw5w6dvwsy");

    @TempDir
    Path repo;
    private Wallet wallet;

    @BeforeEach
    void openWallet() throws Exception {
        wallet = Wallet.inRepo(repo);
    }

    private static DealProposal proposal(Address client) {
        return new DealProposal(PIECE, 2048, false, client, Address.id(1000), DealLabel.text("bafyroot"), 100, 600_100,
                TokenAmount.ofAttoFil(10), TokenAmount.ofAttoFil(20), TokenAmount.ZERO);
    }

    private ClientDealProposal signed(Address client, DealProposal proposal) throws Exception {
        return new ClientDealProposal(proposal, wallet.sign(client, proposal.signingBytes()));
    }

    @Test
    void proposalsSignedWithEachKeyTypeVerifyAfterTheWireRoundTrip() throws Exception {
        List<KeyType> types = new ArrayList<>(List.of(KeyType.SECP256K1, KeyType.DELEGATED));
        if (Bls.available()) {
            types.add(KeyType.BLS);
        }
        for (KeyType type : types) {
            Address client = wallet.newAddress(type);
            ClientDealProposal signed = signed(client, proposal(client));
            signed.verify();
            ClientDealProposal received = Cbor.decode(ClientDealProposal.CODEC, Cbor.encode(ClientDealProposal.CODEC, signed));
            received.verify();
            assertEquals(signed.signedProposalCid(), received.signedProposalCid(), type.toString());
        }
    }

    @Test
    void changingAnyFieldBreaksTheSignature() throws Exception {
        Address client = wallet.newAddress(KeyType.SECP256K1);
        DealProposal original = proposal(client);
        Signature signature = signed(client, original).clientSignature();
        List<Map.Entry<String, Object>> tampering = List.of(
                Map.entry("pieceCid", Cid.parse("baga6ea4seaqlkg6mss5qs56jqtajg5ycrhpkj2b66cgdkukf2qjmmzz6ayksuci")),
                Map.entry("pieceSize", 4096L),
                Map.entry("verifiedDeal", true),
                Map.entry("client", Address.id(1001)),
                Map.entry("provider", Address.id(1001)),
                Map.entry("label", DealLabel.text("bafyother")),
                // the same characters as a byte string: the signature covers the CBOR major type too
                Map.entry("label", DealLabel.bytes("bafyroot".getBytes(StandardCharsets.UTF_8))),
                Map.entry("startEpoch", 101L),
                Map.entry("endEpoch", 600_101L),
                Map.entry("storagePricePerEpoch", TokenAmount.ofAttoFil(9)),
                Map.entry("providerCollateral", TokenAmount.ZERO),
                Map.entry("clientCollateral", TokenAmount.ofAttoFil(1)));
        assertEquals(DealProposal.FIELDS.size() + 1, tampering.size(), "one change per field, and the label kind");
        for (Map.Entry<String, Object> change : tampering) {
            ClientDealProposal forged = new ClientDealProposal(with(original, change.getKey(), change.getValue()), signature);
            assertThrows(InvalidSignatureException.class, () -> forged.verify(client), change.toString());
        }
    }

    /** {@code proposal} with one record component replaced. */
    private static DealProposal with(DealProposal proposal, String component, Object value) throws ReflectiveOperationException {
        RecordComponent[] components = DealProposal.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(proposal);
        }
        return DealProposal.class.getDeclaredConstructor(types).newInstance(values);
    }

    /** Every single-bit change on the wire either fails to decode or fails to verify. */
    @Test
    void flippingAnyBitOfTheSignedMessageIsCaught() throws Exception {
        Address client = wallet.newAddress(KeyType.SECP256K1);
        byte[] wire = Cbor.encode(ClientDealProposal.CODEC, signed(client, proposal(client)));
        int verifiedAfterFlip = 0;
        for (int bit = 0; bit < 8 * wire.length; bit++) {
            byte[] flipped = wire.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            ClientDealProposal received;
            try {
                received = Cbor.decode(ClientDealProposal.CODEC, flipped);
            } catch (CborDecodeException refused) {
                continue;
            }
            try {
                received.verify(client);
                verifiedAfterFlip++;
            } catch (InvalidSignatureException expected) {
                // the point of the test
            }
        }
        assertEquals(0, verifiedAfterFlip);
    }

    @Test
    void idAddressClientsAreRefusedUntilResolved() throws Exception {
        Address key = wallet.newAddress(KeyType.SECP256K1);
        DealProposal proposal = proposal(Address.id(1234));
        ClientDealProposal signed = signed(key, proposal);
        InvalidSignatureException e = assertThrows(InvalidSignatureException.class, signed::verify);
        assertTrue(e.getMessage().contains("ID address") && e.getMessage().contains("f01234"), e.getMessage());
        signed.verify(key);
    }

    @Test
    void statusRequestsSignTheRawUuid() throws Exception {
        Address client = wallet.newAddress(KeyType.SECP256K1);
        UUID deal = UUID.randomUUID();
        DealStatusRequest request = new DealStatusRequest(deal, wallet.sign(client, DealStatusRequest.signingBytes(deal)));
        Cbor.decode(DealStatusRequest.CODEC, Cbor.encode(DealStatusRequest.CODEC, request)).verify(client);
        DealStatusRequest otherDeal = new DealStatusRequest(new UUID(deal.getMostSignificantBits(), ~deal.getLeastSignificantBits()),
                request.signature());
        assertThrows(InvalidSignatureException.class, () -> otherDeal.verify(client));
        assertThrows(InvalidSignatureException.class, () -> request.verify(wallet.newAddress(KeyType.SECP256K1)));
    }

    @Test
    void asksAreSignedOverTheirCbor() throws Exception {
        Address worker = wallet.newAddress(KeyType.SECP256K1);
        StorageAsk ask = new StorageAsk(TokenAmount.ofAttoFil(50_000_000), TokenAmount.ofAttoFil(5_000_000), 256, 32L << 30,
                Address.id(1000), 4_000_000, 5_000_000, 7);
        SignedStorageAsk signed = new SignedStorageAsk(ask, wallet.sign(worker, ask.signingBytes()));
        Cbor.decode(SignedStorageAsk.CODEC, Cbor.encode(SignedStorageAsk.CODEC, signed)).verify(worker);
        StorageAsk cheaper = new StorageAsk(TokenAmount.ofAttoFil(1), ask.verifiedPrice(), ask.minPieceSize(), ask.maxPieceSize(),
                ask.miner(), ask.timestamp(), ask.expiry(), ask.seqNo());
        assertThrows(InvalidSignatureException.class, () -> new SignedStorageAsk(cheaper, signed.signature()).verify(worker));
    }
}
