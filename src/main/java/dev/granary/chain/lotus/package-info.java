/**
 * The {@link dev.granary.chain.ChainApi} adapter for a Lotus-compatible node (Lotus, or Forest/Venus speaking the
 * same v1 API): {@link dev.granary.chain.lotus.LotusChain} built from a {@link dev.granary.chain.lotus.LotusConfig}.
 *
 * <p>Calls are JSON-RPC 2.0 POSTs to {@code /rpc/v1} with {@code Authorization: Bearer <token>}; the head is followed
 * with {@code Filecoin.ChainNotify} over a WebSocket on the same path. In {@code impl/}: the HTTP client with its
 * retry rules ({@code JsonRpcClient}), the head follower, and one JSON mapper per family of port records
 * ({@code TipSetJson}, {@code MessageJson}, {@code MarketJson}, {@code MinerJson}, {@code SectorJson},
 * {@code NetworkJson}, {@code RandomnessJson}) over a field-path-aware reader ({@code JsonValue}) that turns every
 * malformed answer into a {@link dev.granary.chain.ChainException.Kind#PROTOCOL} error naming method and field.
 */
package dev.granary.chain.lotus;
