package dev.granary.ipld.cbor;

import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Real messages from the specs through the sample codecs: read, checked field by field, written back identically. */
class FilecoinMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, byte[]> MESSAGES = VectorFile.read("filecoin-messages.txt", 2).stream()
            .collect(Collectors.toMap(line -> line.column(0), line -> line.hex(1)));

    /** PublishStorageDealsParams: a tuple of one field, the list of signed proposals. */
    static final CborCodec<List<SampleDealParams.ClientDealProposal>> PUBLISH_STORAGE_DEALS = CborCodec.of(
            (w, deals) -> w.writeArrayHeader(1).writeArray(deals, (x, deal) -> deal.write(x)),
            r -> r.readTuple("PublishStorageDealsParams", List.of("Deals"),
                    in -> in.readArray(SampleDealParams.ClientDealProposal::read)));

    @Test
    void minimalProposalReadsAndWritesBackIdentically() {
        byte[] bytes = MESSAGES.get("proposal-minimal");
        SampleDealProposal p = Cbor.decode(SampleDealProposal.CODEC, bytes);
        assertEquals("baga6ea4seaqgxbvsop7tj7hbtvvyatx7li7vor5nutvkely5jhab4uw5w6dvwsy", p.pieceCid().toString());
        assertEquals(2048, p.pieceSize());
        assertFalse(p.verifiedDeal());
        assertEquals("0068", HEX.formatHex(p.client()));
        assertEquals("0066", HEX.formatHex(p.provider()));
        assertEquals("label", p.labelText());
        assertNull(p.labelBytes());
        assertEquals(10, p.startEpoch());
        assertEquals(576010, p.endEpoch());
        assertEquals(BigInteger.TEN, p.clientCollateral());
        assertArrayEquals(bytes, Cbor.encode(SampleDealProposal.CODEC, p));
    }

    @Test
    void blsProposalReadsAndWritesBackIdentically() {
        byte[] bytes = MESSAGES.get("proposal-bls");
        SampleDealProposal p = Cbor.decode(SampleDealProposal.CODEC, bytes);
        assertEquals(193, bytes.length);
        assertEquals(8_388_608, p.pieceSize());
        assertEquals(49, p.client().length);
        assertEquals("mAXCg5AIg8YBXbFjtdBy1iZjpDYAwRSt0elGLF5GvTqulEii1VcM", p.labelText());
        assertEquals(25245, p.startEpoch());
        assertEquals(new BigInteger("1100000000000"), p.storagePricePerEpoch());
        assertEquals(new BigInteger("1000000000000000"), p.providerCollateral());
        assertArrayEquals(bytes, Cbor.encode(SampleDealProposal.CODEC, p));
    }

    @Test
    void bytesLabelKeepsItsKind() {
        SampleDealProposal text = Cbor.decode(SampleDealProposal.CODEC, MESSAGES.get("proposal-minimal"));
        SampleDealProposal bytesLabel = new SampleDealProposal(text.pieceCid(), 2048, true, text.client(), text.provider(),
                null, new byte[] {1, 2}, -5, 1 << 20, BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.ONE);
        byte[] encoded = Cbor.encode(SampleDealProposal.CODEC, bytesLabel);
        SampleDealProposal back = Cbor.decode(SampleDealProposal.CODEC, encoded);
        assertArrayEquals(new byte[] {1, 2}, back.labelBytes());
        assertEquals(-5, back.startEpoch());
        assertArrayEquals(encoded, Cbor.encode(SampleDealProposal.CODEC, back));
    }

    @Test
    void dealParamsKeysGoInBoostsWireOrder() {
        SampleDealProposal proposal = Cbor.decode(SampleDealProposal.CODEC, MESSAGES.get("proposal-minimal"));
        Cid root = Cid.v1(Multicodec.DAG_PB, Multihash.sha256(new byte[] {1}));
        SampleDealParams params = new SampleDealParams(new byte[16], false,
                new SampleDealParams.ClientDealProposal(proposal, HEX.parseHex("01" + "ab".repeat(65))), root,
                new SampleDealParams.Transfer("http", "", "{}".getBytes(), 1234), false, true);
        byte[] bytes = Cbor.encode(SampleDealParams.CODEC, params);

        List<String> keys = Cbor.decode(Entries.reading(r -> {
            List<String> seen = new java.util.ArrayList<>();
            int entries = r.readMapHeader();
            for (int i = 0; i < entries; i++) {
                seen.add(r.readText());
                r.skip();
            }
            return seen;
        }), bytes);
        assertEquals(List.of("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "SkipIPNIAnnounce", "ClientDealProposal",
                "RemoveUnsealedCopy"), keys, "boost.md §1.3");

        SampleDealParams back = Cbor.decode(SampleDealParams.CODEC, bytes);
        assertEquals(root, back.dealDataRoot());
        assertEquals("http", back.transfer().type());
        assertArrayEquals(bytes, Cbor.encode(SampleDealParams.CODEC, back));
    }

    @Test
    void mapStructsSkipUnknownKeysAndDefaultMissingOnes() {
        // {"Size": 7, "Extra": [1, {"x": h'00'}], "Type": "http"}: keys out of canonical order, one unknown
        byte[] bytes = HEX.parseHex("a3" + "6453697a6507" + "654578747261" + "8201a161784100" + "6454797065" + "6468747470");
        SampleDealParams.Transfer transfer = Cbor.decode(SampleDealParams.Transfer.CODEC, bytes);
        assertEquals(7, transfer.size());
        assertEquals("http", transfer.type());
        assertEquals("", transfer.clientId());

        List<Boolean> seen = Cbor.decode(Entries.reading(r -> {
            CborMapReader m = r.readMapStruct("Transfer", Set.of("Size"));
            while (m.next()) {
                r.readUint64();
            }
            return List.of(m.sawKey("Size"), m.sawKey("Extra"), m.sawKey("ClientID"));
        }), bytes);
        assertEquals(List.of(true, true, false), seen);
    }

    @Test
    void nullableFieldsAreNullOrTheValue() {
        Cid cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(new byte[] {7}));
        CborCodec<Cid> publishCid = CborCodec.of((w, c) -> w.writeNullable(c, CborWriter::writeCid),
                r -> r.readNullable(CborReader::readCid));
        assertEquals("f6", HEX.formatHex(Cbor.encode(publishCid, null)));
        assertNull(Cbor.decode(publishCid, HEX.parseHex("f6")));
        assertEquals(cid, Cbor.decode(publishCid, Buffer.buffer(Cbor.encode(publishCid, cid))));
    }

    @Test
    void dealResponseVector() {
        CborCodec<Boolean> accepted = Entries.reading(r -> {
            boolean result = false;
            for (CborMapReader m = r.readMapStruct("DealResponse", Set.of("Accepted", "Message")); m.next(); ) {
                if (m.key().equals("Accepted")) {
                    result = r.readBool();
                } else {
                    assertEquals("", r.readText());
                }
            }
            return result;
        });
        assertEquals(true, Cbor.decode(accepted, MESSAGES.get("deal-response-accepted")));
    }
}
