/**
 * Built-in actor calls: method numbers, params and return values of the market and miner actors as the
 * current actors (network version 22 and up) and lotus encode them (CBOR tuples, cbor-gen compatible), the
 * RLE+ {@link dev.granary.chain.actor.BitField}, and builders of the {@link dev.granary.chain.MessageRequest}s
 * the market and sealing code push through {@link dev.granary.chain.ChainApi}. Both chain adapters use these
 * types: the Lotus adapter to build and read messages, the devnet to execute them.
 *
 * <p>Each type's class comment names its source layout (go-state-types, builtin-actors). Decoders accept only
 * canonical bytes (a decoded value writes back to its input), bound every list and byte string, and fail with a
 * {@link dev.granary.ipld.cbor.CborDecodeException} naming the type and field.
 */
package dev.granary.chain.actor;
