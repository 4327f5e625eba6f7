package dev.granary.chain;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import io.vertx.core.Future;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What the market and sealing code need from a Filecoin chain, and nothing more. Two adapters implement it:
 * the embedded devnet ({@code chain.devnet}) and a Lotus-compatible JSON-RPC node ({@code chain.lotus}); the code
 * above the port cannot tell which one it talks to.
 *
 * <p>Every method completes on the caller's context. Failures are {@link ChainException}s whose
 * {@link ChainException.Kind} says whether retrying can help. State queries read the chain at its current head.
 *
 * <p>New heads are published on the event bus at {@link ChainEvent#ADDRESS} (local delivery) as
 * {@link ChainEvent} records once {@link #start()} has completed.
 *
 * <p>Messages carry actor calls: {@link MessageRequest#params()} are the actor method's CBOR parameters and
 * {@link MessageReceipt#returnValue()} its CBOR return, exactly as on mainnet; {@code dev.granary.chain.actor}
 * builds and reads them.
 */
public interface ChainApi {

    /** Starts following the chain (new-head events). Idempotent. */
    Future<Void> start();

    /** Stops following the chain and releases connections. Idempotent. */
    Future<Void> close();

    Future<ChainHead> head();

    Future<NetworkParameters> networkParameters();

    /** The key (f1/f3/f4) address behind an ID address; a key address is returned as is. */
    Future<Address> accountKey(Address address);

    /** The ID address of an actor; empty when no actor exists for the address yet. */
    Future<Optional<Address>> lookupId(Address address);

    Future<TokenAmount> walletBalance(Address address);

    /** Escrow and locked funds of an address in the market actor (zero for an address that never deposited). */
    Future<MarketBalance> marketBalance(Address address);

    /** Provider collateral a deal of this padded piece size must carry, at the current head. */
    Future<CollateralBounds> dealProviderCollateralBounds(long paddedPieceSize, boolean verified);

    /** Remaining datacap in bytes; empty when the address is not a verified client. */
    Future<Optional<BigInteger>> verifiedClientDataCap(Address address);

    Future<MinerInfo> minerInfo(Address miner);

    /**
     * Puts a message in the pool, signed by {@link MessageRequest#from()} (a key the chain node holds), and returns
     * its CID. The nonce and gas are chosen by the chain node.
     */
    Future<Cid> pushMessage(MessageRequest message);

    /**
     * Completes once the message is on chain with {@code confidence} epochs on top of the tipset that executed it.
     * A message that fails on chain still completes: look at {@link MessageReceipt#exitCode()}.
     */
    Future<MessageLookup> waitMessage(Cid message, int confidence);

    /** Where a message landed; empty while it is not on chain. */
    Future<Optional<MessageLookup>> searchMessage(Cid message);

    /** Empty when the market actor has no such deal (never published, or expired and cleaned up). */
    Future<Optional<MarketDeal>> marketDeal(long dealId);

    Future<Optional<SectorPreCommitOnChainInfo>> sectorPreCommitInfo(Address miner, long sectorNumber);

    /** Empty when the sector is not (or no longer) active on chain. */
    Future<Optional<SectorOnChainInfo>> sectorInfo(Address miner, long sectorNumber);

    /** The deadline and partition a proven sector sits in (needed to declare faults, recoveries, terminations). */
    Future<Optional<SectorLocation>> sectorLocation(Address miner, long sectorNumber);

    /** 32 bytes drawn from the ticket chain at {@code epoch} (sealing tickets). */
    Future<byte[]> ticketRandomness(DomainSeparationTag tag, long epoch, byte[] entropy);

    /** 32 bytes drawn from the beacon at {@code epoch} (interactive PoRep seeds). */
    Future<byte[]> beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy);
}
