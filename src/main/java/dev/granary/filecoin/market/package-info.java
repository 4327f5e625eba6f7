/**
 * Storage market wire types: Boost's deal, status and ask protocol messages and the chain's deal proposal,
 * each an immutable record with one {@code CODEC} that reads and writes exactly what Go (cbor-gen) does.
 *
 * <p>Chain types (DealProposal, ClientDealProposal) are CBOR tuples; Boost's messages are CBOR maps keyed by
 * Go field names, written in canonical key order and read in any order, unknown keys skipped, duplicate keys
 * refused. Keys a message lacks take Go's zero value where one exists; keys whose Go zero value could not
 * have been written (CIDs, addresses, signatures, nested structs) and deal UUIDs are required. Decoders
 * accept only canonical encodings, so a decoded proposal writes back to the bytes its client signed.
 *
 * <p>Every failure to decode is a {@link dev.granary.ipld.cbor.CborDecodeException} naming the field. The
 * signature checks are CPU work and belong off the event loop.
 */
package dev.granary.filecoin.market;
