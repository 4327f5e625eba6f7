package dev.granary.cli;

import dev.granary.ipld.Cid;
import dev.granary.piece.Commp;
import dev.granary.piece.PaddedPieceSize;
import dev.granary.piece.PieceCids;
import dev.granary.piece.PieceCommitment;
import dev.granary.piece.SectorLayout;
import dev.granary.piece.SizeText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "piece", mixinStandardHelpOptions = true, description = "Piece commitments: CommP of a file, CommD of a sector.",
        subcommands = {PieceCommand.CommpCommand.class, PieceCommand.CommdCommand.class})
public final class PieceCommand extends CommandGroup {

    @Command(name = "commp", mixinStandardHelpOptions = true,
            description = "Print the piece CID, padded size and payload size of a file ('-' reads stdin).")
    static final class CommpCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The payload, e.g. a CAR file; '-' for stdin.")
        String file;

        @Option(names = "--v2", description = "Print the v2 piece CID (FRC-0069) instead of v1.")
        boolean v2;

        @Option(names = "--threads", description = "Hashing threads (default: available processors).")
        Integer threads;

        @Option(names = "--json", description = "Print JSON with both CIDs and sizes.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (n < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
            }
            PieceCommitment piece;
            try {
                piece = file.equals("-") ? Commp.of(System.in, n) : Commp.ofFile(Path.of(file), n);
            } catch (IOException | InvalidPathException e) {
                spec.commandLine().getErr().println("granary piece commp: cannot read " + file + ": " + describe(e));
                return ExitCodes.FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new JsonObject().put("pieceCid", piece.cidV1().toString()).put("pieceCidV2", piece.cidV2().toString())
                        .put("commP", piece.commP().hex()).put("paddedSize", piece.size().bytes())
                        .put("payloadSize", piece.payloadSize()).encodePrettily());
            } else {
                out.println((v2 ? piece.cidV2() : piece.cidV1()) + " " + piece.size() + " " + piece.payloadSize());
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String describe(Exception e) {
            return e instanceof NoSuchFileException ? "no such file" : e instanceof AccessDeniedException
                    ? "permission denied" : String.valueOf(e.getMessage());
        }
    }

    @Command(name = "commd", mixinStandardHelpOptions = true,
            description = "Print the unsealed sector CID (CommD) of pieces laid out in the given order, each aligned to "
                    + "its own size with zero pads before it and zeros after the last.")
    static final class CommdCommand implements Callable<Integer> {
        @Option(names = "--sector-size", required = true, converter = SectorSizeConverter.class,
                description = "Sector size: 2KiB, 8MiB, 512MiB, 32GiB, 64GiB or bytes.")
        PaddedPieceSize sectorSize;

        @Parameters(paramLabel = "CID:SIZE", arity = "0..*",
                description = "Pieces in sector order: v1 piece CID and padded size (a v2 CID may omit the size).")
        List<String> pieces = new ArrayList<>();

        @Option(names = "--json", description = "Print JSON with the placements.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SectorLayout layout;
            try {
                List<SectorLayout.Piece> parsed = new ArrayList<>();
                for (String piece : pieces) {
                    parsed.add(parsePiece(piece));
                }
                layout = SectorLayout.of(sectorSize, parsed);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("granary piece commd: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            Cid commD = PieceCids.v1(layout.commD());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonArray placements = new JsonArray();
                layout.placements().forEach(p -> placements.add(new JsonObject().put("offset", p.offset())
                        .put("size", p.piece().size().bytes()).put("pieceCid", PieceCids.v1(p.piece().commP()).toString()).put("pad", p.pad())));
                out.println(new JsonObject().put("commD", commD.toString()).put("sectorSize", sectorSize.bytes())
                        .put("usedBytes", layout.usedBytes()).put("placements", placements).encodePrettily());
            } else {
                out.println(commD);
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** {@code CID:SIZE}; a v2 CID carries its size, and a larger SIZE extends it with zeros as deals may. */
        private static SectorLayout.Piece parsePiece(String text) {
            int colon = text.lastIndexOf(':');
            Cid cid = PieceCids.parse(colon < 0 ? text : text.substring(0, colon));
            PaddedPieceSize size = colon < 0 ? null : paddedSize(text.substring(colon + 1), text);
            if (PieceCids.isV2(cid)) {
                PieceCommitment piece = PieceCids.fromV2(cid);
                PieceCommitment sized = size == null ? piece : piece.extendTo(size);
                return new SectorLayout.Piece(sized.commP(), sized.size());
            }
            if (size == null) {
                throw new IllegalArgumentException(text + ": a v1 piece CID needs its padded size, as CID:SIZE");
            }
            return new SectorLayout.Piece(PieceCids.fromV1(cid), size);
        }

        private static PaddedPieceSize paddedSize(String sizeText, String piece) {
            try {
                return PaddedPieceSize.of(SizeText.parse(sizeText));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(piece + ": " + e.getMessage(), e);
            }
        }
    }

    /** Sector sizes are padded piece sizes; a bad one is a usage error (exit 2). */
    static final class SectorSizeConverter implements ITypeConverter<PaddedPieceSize> {
        @Override
        public PaddedPieceSize convert(String value) {
            try {
                return PaddedPieceSize.of(SizeText.parse(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("invalid sector size '" + value + "': " + e.getMessage());
            }
        }
    }
}
