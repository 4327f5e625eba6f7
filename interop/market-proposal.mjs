// Independent reading of Granary's market messages: decodes a ClientDealProposal with @ipld/dag-cbor, takes
// the proposal bytes as dag-cbor re-encodes element 0, checks a secp256k1 client signature over them with
// noble (recover from blake2b-256, derive the f1 address bytes, compare with the proposal's Client), and
// computes the proposal CID (blake2b-256) and signed proposal CID (sha2-256) with multiformats.
// stdin:  {"cases": [{"clientDealProposal": "<hex>"} | {"proposal": "<hex>"}]}
// stdout: {"results": [{proposalHex, proposalCid, signedProposalCid?, signatureType?, clientAddress?,
//                       recoveredAddress?, signatureVerifies?, error?}]}
import { decode, encode } from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { create as digest } from 'multiformats/hashes/digest'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { blake2b } from '@noble/hashes/blake2.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, hexToBytes, concatBytes } from '@noble/hashes/utils.js'

const DAG_CBOR = 0x71
const BLAKE2B_256 = 0xb220
const SHA2_256 = 0x12
const SECP256K1 = 1

const cid = (code, hash) => CID.create(1, DAG_CBOR, digest(code, hash)).toString()

function checkSecp (signature, proposalBytes, clientAddress) {
  const hash = blake2b(proposalBytes, { dkLen: 32 })
  const compact = signature.subarray(0, 64)
  let publicKey
  try {
    publicKey = secp256k1.Signature.fromBytes(compact, 'compact').addRecoveryBit(signature[64])
      .recoverPublicKey(hash).toBytes(false)
  } catch (e) {
    return { recoveredAddress: null, signatureVerifies: false }
  }
  const recovered = concatBytes(Uint8Array.of(1), blake2b(publicKey, { dkLen: 20 }))
  return {
    recoveredAddress: bytesToHex(recovered),
    signatureVerifies: bytesToHex(recovered) === bytesToHex(clientAddress) &&
      secp256k1.verify(compact, hash, publicKey, { prehash: false, lowS: true })
  }
}

function check (c) {
  if (c.proposal) {
    const proposal = encode(decode(hexToBytes(c.proposal)))
    return { proposalHex: bytesToHex(proposal), proposalCid: cid(BLAKE2B_256, blake2b(proposal, { dkLen: 32 })) }
  }
  const wire = hexToBytes(c.clientDealProposal)
  const [fields, signature] = decode(wire)
  if (!Array.isArray(fields) || fields.length !== 11 || !(signature instanceof Uint8Array)) {
    throw new Error('not a [DealProposal(11), Signature] tuple')
  }
  const proposal = encode(fields)
  const clientAddress = fields[3]
  const result = {
    proposalHex: bytesToHex(proposal),
    proposalCid: cid(BLAKE2B_256, blake2b(proposal, { dkLen: 32 })),
    signedProposalCid: cid(SHA2_256, sha256(encode([fields, signature]))),
    signatureType: signature[0],
    clientAddress: bytesToHex(clientAddress)
  }
  return signature[0] === SECP256K1 && signature.length === 66
    ? { ...result, ...checkSecp(signature.subarray(1), proposal, clientAddress) }
    : result
}

const input = JSON.parse(await new Response(process.stdin).text())
const results = input.cases.map((c) => {
  try {
    return check(c)
  } catch (e) {
    return { error: String(e.message) }
  }
})
process.stdout.write(JSON.stringify({ results }))
