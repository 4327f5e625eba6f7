package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.List;

/**
 * A sector to activate and its pieces in order: a tuple of 2 (go-state-types builtin/v13+ miner
 * {@code SectorActivationManifest}; builtin-actors actors/miner/src/types.rs). No pieces means a CC sector.
 */
public record SectorActivationManifest(long sectorNumber, List<PieceActivationManifest> pieces) {
    public static final int MAX_PIECES = ActorFields.MAX_LIST;
    public static final List<String> FIELDS = List.of("SectorNumber", "Pieces");
    public static final CborCodec<SectorActivationManifest> CODEC = CborCodec.of(SectorActivationManifest::write,
            SectorActivationManifest::read);

    public SectorActivationManifest {
        pieces = ActorFields.list(pieces, MAX_PIECES, "pieces");
    }

    private static void write(CborWriter w, SectorActivationManifest s) {
        w.writeArrayHeader(FIELDS.size()).writeUint64(s.sectorNumber).writeArray(s.pieces, PieceActivationManifest.CODEC::write);
    }

    private static SectorActivationManifest read(CborReader r) {
        return r.readTuple("SectorActivationManifest", FIELDS, in -> new SectorActivationManifest(in.readUint64(),
                in.readArray(MAX_PIECES, PieceActivationManifest.CODEC::read)));
    }
}
