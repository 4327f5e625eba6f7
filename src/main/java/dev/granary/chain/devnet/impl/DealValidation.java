package dev.granary.chain.devnet.impl;

import dev.granary.chain.CollateralBounds;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.chain.devnet.DevnetPolicy;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.InvalidSignatureException;
import dev.granary.filecoin.SignatureVerifier;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;

import java.util.Optional;

/**
 * The market actor's per-deal checks that need no balances ({@code validate_deal} in builtin-actors), in its order and
 * with its reasons. The client's signature is checked the way the account actor's AuthenticateMessage does: over the
 * proposal's CBOR, against the key address behind the client. That is CPU work; it runs on the devnet's worker
 * context, never an event loop.
 */
final class DealValidation {
    private final Accounts accounts;
    private final DevnetPolicy policy;

    DealValidation(Accounts accounts, DevnetPolicy policy) {
        this.accounts = accounts;
        this.policy = policy;
    }

    /** Why the deal is invalid at {@code epoch}, or empty when it passes. */
    Optional<String> problem(ClientDealProposal deal, long epoch) {
        String authentication = authenticate(deal);
        if (authentication != null) {
            return Optional.of(authentication);
        }
        DealProposal p = deal.proposal();
        if (p.label().byteLength() > DealLabel.MAX_BYTES) {
            return Optional.of("deal label can be at most " + DealLabel.MAX_BYTES + " bytes, is " + p.label().byteLength());
        }
        if (p.pieceSize() < 128 || Long.bitCount(p.pieceSize()) != 1) {
            return Optional.of("proposal piece size is invalid: " + (p.pieceSize() < 128
                    ? "minimum piece size is 128 bytes" : "padded piece size must be a power of 2"));
        }
        if (DealProposal.pieceCidProblem(p.pieceCid()) != null) {
            return Optional.of("proposal PieceCID undefined");
        }
        if (p.endEpoch() <= p.startEpoch()) {
            return Optional.of("proposal end before proposal start");
        }
        if (epoch > p.startEpoch()) {
            return Optional.of("Deal start epoch has already elapsed.");
        }
        long duration = p.endEpoch() - p.startEpoch();
        if (duration < policy.minDealDuration() || duration > policy.maxDealDuration()) {
            return Optional.of("Deal duration out of bounds.");
        }
        if (outOfTotal(p.storagePricePerEpoch())) {
            return Optional.of("Storage price out of bounds.");
        }
        CollateralBounds bounds = DevnetEconomics.providerCollateralBounds(p.pieceSize());
        if (!bounds.contains(p.providerCollateral())) {
            return Optional.of("Provider collateral out of bounds.");
        }
        if (outOfTotal(p.clientCollateral())) {
            return Optional.of("Client collateral out of bounds.");
        }
        return Optional.empty();
    }

    /** The actor sends AuthenticateMessage to the client; a client with no account cannot answer it. */
    private String authenticate(ClientDealProposal deal) {
        Address client = deal.proposal().client();
        Optional<Address> key = accounts.resolve(client).flatMap(ActorState::key);
        if (key.isEmpty()) {
            return "proposal authentication failed: client " + client + " has no account on chain";
        }
        try {
            SignatureVerifier.verify(deal.clientSignature(), deal.proposal().signingBytes(), key.get());
            return null;
        } catch (InvalidSignatureException | IllegalArgumentException e) {
            return "proposal authentication failed: " + e.getMessage();
        }
    }

    private static boolean outOfTotal(TokenAmount amount) {
        return amount.isNegative() || amount.compareTo(DevnetEconomics.TOTAL_SUPPLY) > 0;
    }
}
