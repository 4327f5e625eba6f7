package dev.granary.chain.lotus;

import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainHead;
import dev.granary.chain.CollateralBounds;
import dev.granary.chain.DomainSeparationTag;
import dev.granary.chain.MarketBalance;
import dev.granary.chain.MarketDeal;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.MinerInfo;
import dev.granary.chain.NetworkParameters;
import dev.granary.chain.SectorLocation;
import dev.granary.chain.SectorOnChainInfo;
import dev.granary.chain.SectorPreCommitOnChainInfo;
import dev.granary.chain.lotus.impl.HeadFollower;
import dev.granary.chain.lotus.impl.JsonRpcClient;
import dev.granary.chain.lotus.impl.JsonRpcClient.Delivery;
import dev.granary.chain.lotus.impl.JsonValue;
import dev.granary.chain.lotus.impl.MarketJson;
import dev.granary.chain.lotus.impl.MessageJson;
import dev.granary.chain.lotus.impl.MinerJson;
import dev.granary.chain.lotus.impl.NetworkJson;
import dev.granary.chain.lotus.impl.RandomnessJson;
import dev.granary.chain.lotus.impl.RpcError;
import dev.granary.chain.lotus.impl.SectorJson;
import dev.granary.chain.lotus.impl.TipSetJson;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.node.MessageCodecs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;

/**
 * The chain port over a Lotus-compatible node's JSON-RPC v1 API: state queries and message pushes over HTTP, head
 * changes from {@code Filecoin.ChainNotify} over a WebSocket. State is read at the node's heaviest tipset (the empty
 * tipset key). See {@link LotusConfig} for retries and limits and {@link LotusPolicy} for the constants the API does
 * not report.
 */
public final class LotusChain implements ChainApi {
    /** api.LookbackNoLimit: search the whole chain for a message. */
    private static final long LOOKBACK_NO_LIMIT = -1;

    private final Vertx vertx;
    private final LotusConfig config;
    private final JsonRpcClient rpc;
    private final HeadFollower follower;

    public LotusChain(Vertx vertx, LotusConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.rpc = new JsonRpcClient(vertx, config);
        this.follower = new HeadFollower(vertx, config);
    }

    public LotusConfig config() {
        return config;
    }

    @Override
    public Future<Void> start() {
        MessageCodecs.registerOnce(vertx);
        return follower.start();
    }

    @Override
    public Future<Void> close() {
        return Future.join(follower.close(), rpc.close()).mapEmpty();
    }

    @Override
    public Future<ChainHead> head() {
        return rpc.call("Filecoin.ChainHead", new JsonArray(), Delivery.IDEMPOTENT, TipSetJson::head);
    }

    @Override
    public Future<NetworkParameters> networkParameters() {
        return rpc.call("Filecoin.StateGetNetworkParams", new JsonArray(), Delivery.IDEMPOTENT,
                params -> NetworkJson.parameters(params, config.policy()));
    }

    @Override
    public Future<Address> accountKey(Address address) {
        return rpc.call("Filecoin.StateAccountKey", atHead(text(address)), Delivery.IDEMPOTENT, JsonValue::address);
    }

    @Override
    public Future<Optional<Address>> lookupId(Address address) {
        return rpc.call("Filecoin.StateLookupID", atHead(text(address)), Delivery.IDEMPOTENT,
                id -> Optional.of(id.address()), error -> absentIf(error.actorNotFound()));
    }

    @Override
    public Future<TokenAmount> walletBalance(Address address) {
        return rpc.call("Filecoin.WalletBalance", new JsonArray().add(text(address)), Delivery.IDEMPOTENT,
                JsonValue::tokenAmount);
    }

    @Override
    public Future<MarketBalance> marketBalance(Address address) {
        return rpc.call("Filecoin.StateMarketBalance", atHead(text(address)), Delivery.IDEMPOTENT, MarketJson::balance);
    }

    @Override
    public Future<CollateralBounds> dealProviderCollateralBounds(long paddedPieceSize, boolean verified) {
        if (paddedPieceSize <= 0) {
            return Future.failedFuture(new IllegalArgumentException("padded piece size must be positive, got " + paddedPieceSize));
        }
        return rpc.call("Filecoin.StateDealProviderCollateralBounds", atHead(paddedPieceSize, verified),
                Delivery.IDEMPOTENT, MarketJson::collateralBounds);
    }

    /** Lotus answers null for an address without datacap, and "actor not found" for one that has no actor yet. */
    @Override
    public Future<Optional<BigInteger>> verifiedClientDataCap(Address address) {
        return rpc.call("Filecoin.StateVerifiedClientStatus", atHead(text(address)), Delivery.IDEMPOTENT,
                cap -> cap.optional(JsonValue::bigInt), error -> absentIf(error.actorNotFound()));
    }

    @Override
    public Future<MinerInfo> minerInfo(Address miner) {
        return rpc.call("Filecoin.StateMinerInfo", atHead(text(miner)), Delivery.IDEMPOTENT, MinerJson::info);
    }

    /** Never repeated once the request may have reached the node: a second push would be a second message. */
    @Override
    public Future<Cid> pushMessage(MessageRequest message) {
        JsonArray params = new JsonArray().add(MessageJson.message(message)).add(MessageJson.sendSpec(message));
        return rpc.call("Filecoin.MpoolPushMessage", params, Delivery.AT_MOST_ONCE, MessageJson::signedMessageCid);
    }

    /** Accepts a replacement message (same nonce, bumped fees): the lookup then names the CID that landed. */
    @Override
    public Future<MessageLookup> waitMessage(Cid message, int confidence) {
        if (confidence < 0) {
            return Future.failedFuture(new IllegalArgumentException("confidence must not be negative, got " + confidence));
        }
        JsonArray params = new JsonArray().add(MessageJson.cid(message)).add(confidence).add(LOOKBACK_NO_LIMIT).add(true);
        return rpc.call("Filecoin.StateWaitMsg", params, Delivery.LONG_POLL, MessageJson::lookup);
    }

    @Override
    public Future<Optional<MessageLookup>> searchMessage(Cid message) {
        JsonArray params = new JsonArray().add(TipSetJson.emptyKey()).add(MessageJson.cid(message))
                .add(LOOKBACK_NO_LIMIT).add(true);
        return rpc.call("Filecoin.StateSearchMsg", params, Delivery.IDEMPOTENT, lookup -> lookup.optional(MessageJson::lookup));
    }

    @Override
    public Future<Optional<MarketDeal>> marketDeal(long dealId) {
        if (dealId < 0) {
            return Future.failedFuture(new IllegalArgumentException("deal ID must not be negative, got " + dealId));
        }
        return rpc.call("Filecoin.StateMarketStorageDeal", atHead(dealId), Delivery.IDEMPOTENT,
                deal -> Optional.of(MarketJson.deal(deal)), error -> absentIf(error.dealNotFound()));
    }

    @Override
    public Future<Optional<SectorPreCommitOnChainInfo>> sectorPreCommitInfo(Address miner, long sectorNumber) {
        if (sectorNumber < 0) {
            return Future.failedFuture(negativeSectorNumber(sectorNumber));
        }
        return rpc.call("Filecoin.StateSectorPreCommitInfo", atHead(text(miner), sectorNumber), Delivery.IDEMPOTENT,
                info -> info.optional(SectorJson::preCommit));
    }

    /** Two calls: the sector's info, then the miner's faults bitfield for {@link SectorOnChainInfo#faulty()}. */
    @Override
    public Future<Optional<SectorOnChainInfo>> sectorInfo(Address miner, long sectorNumber) {
        if (sectorNumber < 0) {
            return Future.failedFuture(negativeSectorNumber(sectorNumber));
        }
        return rpc.call("Filecoin.StateSectorGetInfo", atHead(text(miner), sectorNumber), Delivery.IDEMPOTENT,
                        info -> info.optional(present -> SectorJson.onChain(present, false)))
                .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.empty())
                        : rpc.call("Filecoin.StateMinerFaults", atHead(text(miner)), Delivery.IDEMPOTENT,
                        faults -> Optional.of(withFaulty(found.get(), MinerJson.bitfieldContains(faults, sectorNumber)))));
    }

    @Override
    public Future<Optional<SectorLocation>> sectorLocation(Address miner, long sectorNumber) {
        if (sectorNumber < 0) {
            return Future.failedFuture(negativeSectorNumber(sectorNumber));
        }
        return rpc.call("Filecoin.StateSectorPartition", atHead(text(miner), sectorNumber), Delivery.IDEMPOTENT,
                location -> location.optional(MinerJson::location), error -> absentIf(error.sectorNotInDeadlines()));
    }

    @Override
    public Future<byte[]> ticketRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return randomness("Filecoin.StateGetRandomnessFromTickets", tag, epoch, entropy);
    }

    @Override
    public Future<byte[]> beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
        return randomness("Filecoin.StateGetRandomnessFromBeacon", tag, epoch, entropy);
    }

    private Future<byte[]> randomness(String method, DomainSeparationTag tag, long epoch, byte[] entropy) {
        JsonArray params = atHead(tag.value(), epoch, Base64.getEncoder().encodeToString(entropy));
        return rpc.call(method, params, Delivery.IDEMPOTENT, RandomnessJson::randomness);
    }

    /** State calls end with a tipset key; the empty key (written {@code []}, as Go clients do) means the head. */
    private static JsonArray atHead(Object... params) {
        JsonArray array = new JsonArray();
        for (Object param : params) {
            array.add(param);
        }
        return array.add(TipSetJson.emptyKey());
    }

    private static String text(Address address) {
        return address.toString();
    }

    private static <T> Optional<Optional<T>> absentIf(boolean absent) {
        return absent ? Optional.of(Optional.empty()) : Optional.empty();
    }

    private static SectorOnChainInfo withFaulty(SectorOnChainInfo info, boolean faulty) {
        return new SectorOnChainInfo(info.sectorNumber(), info.sealProof(), info.sealedCid(), info.dealIds(),
                info.activation(), info.expiration(), info.initialPledge(), faulty);
    }

    private static IllegalArgumentException negativeSectorNumber(long sectorNumber) {
        return new IllegalArgumentException("sector number must not be negative, got " + sectorNumber);
    }
}
