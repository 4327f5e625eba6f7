package dev.granary.chain.actor;

import dev.granary.chain.MessageRequest;
import dev.granary.chain.SectorPreCommitInfo;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.granary.chain.actor.ActorVectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Miner actor params and returns, byte for byte. No published encodings of these exist that we found, so each
 * vector is derived by hand from the layout (the comment shows how) using CID items taken from go-state-types'
 * Go/Rust serialization tests (builtin/v17/miner/miner_types_test.go, mirrored by builtin-actors
 * actors/miner/tests/types_test.rs): bagboea4seaaqa = d82a49000182e20392200100, baga6ea4seaaqc =
 * d82a49000181e20392200101.
 */
class MinerParamsTest {
    private static final String SEALED = "d82a49000182e20392200100";
    private static final String UNSEALED = "d82a49000181e20392200101";
    private static final Cid SEALED_CID = Cid.parse("bagboea4seaaqa");
    private static final Cid UNSEALED_CID = Cid.parse("baga6ea4seaaqc");
    private static final Address WORKER = Address.id(1001);
    private static final Address MINER = Address.id(1000);
    private static final TokenAmount FEE = TokenAmount.ofAttoFil(7);

    /**
     * 81 (tuple of 1) 82 (2 sectors), then each sector a tuple of 7: 87 08 (seal proof 8, 32 GiB V1_1) 01 (sector
     * 1) SEALED 0a (rand epoch 10) 81 05 (deal IDs [5]) 1903e8 (expiration 1000) f6 (no CommD); 87 08 02 SEALED
     * 0a 80 (no deals) 1903e8 UNSEALED.
     */
    @Test
    void preCommitSectorBatch2() {
        byte[] bytes = HEX.parseHex("8182" + "870801" + SEALED + "0a8105" + "1903e8f6" + "870802" + SEALED + "0a80" + "1903e8" + UNSEALED);
        List<SectorPreCommitInfo> sectors = List.of(
                new SectorPreCommitInfo(8, 1, SEALED_CID, 10, List.of(5L), 1000, Optional.empty()),
                new SectorPreCommitInfo(8, 2, SEALED_CID, 10, List.of(), 1000, Optional.of(UNSEALED_CID)));
        exact(PreCommitSectorBatch2Params.CODEC, new PreCommitSectorBatch2Params(sectors), bytes);

        MessageRequest message = MinerMessages.preCommitSectorBatch2(WORKER, MINER, sectors, TokenAmount.ofFil(2), FEE);
        assertMessage(message, MinerMethod.PRE_COMMIT_SECTOR_BATCH2, TokenAmount.ofFil(2), bytes);
    }

    /**
     * 86 (tuple of 6); 81 (1 activation) 82 01 (sector 1) 81 (1 piece) 84 UNSEALED 190800 (2048 bytes) f6 (no
     * allocation) 81 (1 notification) 82 420005 (f05) 4105 (payload: deal 5 as CBOR); 81 44deadbeef (one proof);
     * 40 (no aggregate); f6 (no aggregate type); f5 f5.
     */
    @Test
    void proveCommitSectors3WithSectorProofs() {
        String activation = "81" + "8201" + "81" + "84" + UNSEALED + "190800" + "f6" + "81" + "82420005" + "4105";
        byte[] bytes = HEX.parseHex("86" + activation + "8144deadbeef" + "40" + "f6" + "f5f5");
        SectorActivationManifest sector = new SectorActivationManifest(1,
                List.of(PieceActivationManifest.forDeal(UNSEALED_CID, 2048, 5, Optional.empty())));
        ProveCommitSectors3Params params = ProveCommitSectors3Params.withSectorProofs(List.of(sector),
                List.of(HEX.parseHex("deadbeef")), true);
        exact(ProveCommitSectors3Params.CODEC, params, bytes);

        MessageRequest message = MinerMessages.proveCommitSectors3(WORKER, MINER, params, TokenAmount.ofFil(3), FEE);
        assertMessage(message, MinerMethod.PROVE_COMMIT_SECTORS3, TokenAmount.ofFil(3), bytes);
        long dealId = MarketDealNotification.dealId(params.sectorActivations().getFirst().pieces().getFirst()
                .notifications().getFirst().payload());
        assertEquals(5, dealId);
    }

    /** Same activation with a verified allocation (client 1234, allocation 9: 82 1904d2 09); 80 (no proofs) 44cafebabe 01 (SnarkPackV2) f4 f5. */
    @Test
    void proveCommitSectors3WithAnAggregateProof() {
        String activation = "81" + "8201" + "81" + "84" + UNSEALED + "190800" + "821904d209" + "81" + "82420005" + "4105";
        byte[] bytes = HEX.parseHex("86" + activation + "80" + "44cafebabe" + "01" + "f4f5");
        SectorActivationManifest sector = new SectorActivationManifest(1, List.of(PieceActivationManifest.forDeal(
                UNSEALED_CID, 2048, 5, Optional.of(new VerifiedAllocationKey(1234, 9)))));
        exact(ProveCommitSectors3Params.CODEC, ProveCommitSectors3Params.withAggregateProof(List.of(sector),
                HEX.parseHex("cafebabe"), 1, false), bytes);
    }

    @Test
    void anEmptyAggregateProofIsNoAggregateProof() {
        var none = new ProveCommitSectors3Params(List.of(), List.of(), Optional.empty(), Optional.empty(), true, true);
        var empty = new ProveCommitSectors3Params(List.of(), List.of(), Optional.of(new byte[0]), Optional.empty(), true, true);
        assertEquals(none, empty);
        assertTrue(empty.aggregateProof().isEmpty());
        assertArrayEquals(HEX.parseHex("86808040f6f5f5"), Cbor.encode(ProveCommitSectors3Params.CODEC, empty));
    }

    /** 82 02 (2 succeeded) 81 (1 failure) 82 01 10 (item 1: 16, ErrIllegalArgument). */
    @Test
    void batchReturnListsFailuresByIndex() {
        BatchReturn result = exact(BatchReturn.CODEC, new BatchReturn(2, List.of(new FailCode(1, 16))), HEX.parseHex("820281820110"));
        assertEquals(List.of(0L, 16L, 0L), result.codes());
        assertEquals(3, result.size());
        assertFalse(result.allOk());
        assertEquals(result, BatchReturn.of(List.of(0L, 16L, 0L)));
        assertTrue(BatchReturn.of(List.of(0L, 0L)).allOk());
        assertThrows(IllegalStateException.class, () -> new BatchReturn(1, List.of(new FailCode(5, 16))).codes(),
                "an index past the batch");
        assertThrows(IllegalStateException.class, () -> new BatchReturn(-1, List.of()).codes(), "2^64-1 successes");
    }

    /** 82; 42 2801 (sectors {1, 2, 3, 4}: bits 00 0, 1 (1 unset), 01 0010 (4 set) = 0x28 0x01); 44 deadbeef. */
    @Test
    void proveCommitAggregate() {
        byte[] bytes = HEX.parseHex("8242280144deadbeef");
        BitField sectors = BitField.of(1, 2, 3, 4);
        exact(ProveCommitAggregateParams.CODEC, new ProveCommitAggregateParams(sectors, HEX.parseHex("deadbeef")), bytes);
        MessageRequest message = MinerMessages.proveCommitAggregate(WORKER, MINER, sectors, HEX.parseHex("deadbeef"),
                TokenAmount.ofFil(1), FEE);
        assertMessage(message, MinerMethod.PROVE_COMMIT_AGGREGATE, TokenAmount.ofFil(1), bytes);
    }

    /** 81 81 (one declaration) 83 02 00 (deadline 2, partition 0) 42 2801 (sectors {1..4}); the return 81 f5. */
    @Test
    void terminateSectors() {
        byte[] bytes = HEX.parseHex("8181830200422801");
        List<TerminationDeclaration> terminations = List.of(new TerminationDeclaration(2, 0, BitField.range(1, 5)));
        exact(TerminateSectorsParams.CODEC, new TerminateSectorsParams(terminations), bytes);
        assertMessage(MinerMessages.terminateSectors(WORKER, MINER, terminations, FEE), MinerMethod.TERMINATE_SECTORS,
                TokenAmount.ZERO, bytes);
        exact(TerminateSectorsReturn.CODEC, new TerminateSectorsReturn(true), HEX.parseHex("81f5"));
        exact(TerminateSectorsReturn.CODEC, new TerminateSectorsReturn(false), HEX.parseHex("81f4"));
    }

    /** 81 81 83 182f 03 410c: deadline 47, partition 3, sectors {0}; recoveries have the same layout. */
    @Test
    void declareFaultsAndRecoveries() {
        byte[] bytes = HEX.parseHex("818183182f03410c");
        List<FaultDeclaration> faults = List.of(new FaultDeclaration(47, 3, BitField.of(0)));
        List<RecoveryDeclaration> recoveries = List.of(new RecoveryDeclaration(47, 3, BitField.of(0)));
        exact(DeclareFaultsParams.CODEC, new DeclareFaultsParams(faults), bytes);
        exact(DeclareFaultsRecoveredParams.CODEC, new DeclareFaultsRecoveredParams(recoveries), bytes);
        assertMessage(MinerMessages.declareFaults(WORKER, MINER, faults, FEE), MinerMethod.DECLARE_FAULTS, TokenAmount.ZERO, bytes);
        assertMessage(MinerMessages.declareFaultsRecovered(WORKER, MINER, recoveries, FEE), MinerMethod.DECLARE_FAULTS_RECOVERED,
                TokenAmount.ZERO, bytes);
    }

    @Test
    void decodingErrorsNameTheField() {
        CborDecodeException tooMany = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(PreCommitSectorBatch2Params.CODEC, HEX.parseHex("81992001")));
        assertEquals("PreCommitSectorBatch2Params.Sectors", tooMany.path());
        assertTrue(tooMany.problem().contains("8193 items over the 8192-entry limit"), tooMany.getMessage());

        CborDecodeException badBitfield = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(DeclareFaultsParams.CODEC, HEX.parseHex("818183182f034108")));
        assertEquals("DeclareFaultsParams.Faults[0] > FaultDeclaration.Sectors", badBitfield.path());
        assertTrue(badBitfield.problem().contains("invalid bitfield"), badBitfield.getMessage());

        CborDecodeException wrongArity = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(SectorPreCommitInfoCodec.CODEC, HEX.parseHex("860801" + SEALED + "0a801903e8")));
        assertTrue(wrongArity.problem().contains("SectorPreCommitInfo must be an array of 7"), wrongArity.getMessage());
    }

    @Test
    void methodNumbersMatchTheActors() {
        assertEquals(List.of(9L, 10L, 11L, 26L, 28L, 34L), List.of(MinerMethod.TERMINATE_SECTORS, MinerMethod.DECLARE_FAULTS,
                MinerMethod.DECLARE_FAULTS_RECOVERED, MinerMethod.PROVE_COMMIT_AGGREGATE, MinerMethod.PRE_COMMIT_SECTOR_BATCH2,
                MinerMethod.PROVE_COMMIT_SECTORS3));
    }

    @Test
    void byteFieldsAreCopied() {
        byte[] payload = {1, 2, 3};
        DataActivationNotification notification = new DataActivationNotification(Actors.MARKET, payload);
        payload[0] = 9;
        notification.payload()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, notification.payload());
        assertEquals(notification, new DataActivationNotification(Actors.MARKET, new byte[] {1, 2, 3}));
        assertEquals(notification.hashCode(), new DataActivationNotification(Actors.MARKET, new byte[] {1, 2, 3}).hashCode());
    }

    private static <T> T exact(CborCodec<T> codec, T value, byte[] bytes) {
        assertArrayEquals(bytes, Cbor.encode(codec, value), () -> "expected " + HEX.formatHex(bytes) + " got "
                + HEX.formatHex(Cbor.encode(codec, value)));
        T decoded = Cbor.decode(codec, bytes);
        assertEquals(value, decoded);
        return decoded;
    }

    private static void assertMessage(MessageRequest message, long method, TokenAmount value, byte[] params) {
        assertEquals(WORKER, message.from());
        assertEquals(MINER, message.to());
        assertEquals(method, message.method());
        assertEquals(value, message.value());
        assertEquals(FEE, message.maxFee());
        assertArrayEquals(params, message.params());
    }
}
