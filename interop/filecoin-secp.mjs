// Independent check of Granary's Filecoin secp256k1 signing and f1/f410 addresses, using noble.
// stdin: {"cases":[{"privateKey","message","javaSignature","javaAddress","javaDelegatedSignature","javaF410"}]} (hex / text)
// stdout: one result per case; the Java test compares them with its own.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, concatBytes } from '@noble/hashes/utils.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes) {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = ((buffer << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

function checksum(addressBytes) {
  return blake2b(addressBytes, { dkLen: 4 });
}

function f1Address(publicKey) {
  const payload = blake2b(publicKey, { dkLen: 20 });
  return 'f1' + base32(concatBytes(payload, checksum(concatBytes(Uint8Array.of(1), payload))));
}

function f410Address(publicKey) {
  const eth = keccak_256(publicKey.subarray(1)).subarray(12);
  return 'f410f' + base32(concatBytes(eth, checksum(concatBytes(Uint8Array.of(4, 10), eth))));
}

// Filecoin's order is r ‖ s ‖ v; noble's "recovered" format puts the recovery byte first.
function toFilecoin(recovered) {
  return concatBytes(recovered.subarray(1), recovered.subarray(0, 1));
}

function recover(signature, digest) {
  const sig = secp256k1.Signature.fromBytes(signature.subarray(0, 64), 'compact').addRecoveryBit(signature[64]);
  return sig.recoverPublicKey(digest).toBytes(false);
}

function sign(privateKey, digest) {
  return toFilecoin(secp256k1.sign(digest, privateKey, { prehash: false, lowS: true, format: 'recovered', extraEntropy: false }));
}

const input = JSON.parse(await new Response(process.stdin).text());
const results = input.cases.map((c) => {
  const privateKey = hexToBytes(c.privateKey);
  const message = hexToBytes(c.message);
  const publicKey = secp256k1.getPublicKey(privateKey, false);
  const blakeDigest = blake2b(message, { dkLen: 32 });
  const keccakDigest = keccak_256(message);
  const javaSignature = hexToBytes(c.javaSignature);
  const javaDelegated = hexToBytes(c.javaDelegatedSignature);
  return {
    publicKey: bytesToHex(publicKey),
    javaSignatureRecovers: bytesToHex(recover(javaSignature, blakeDigest)) === bytesToHex(publicKey),
    javaSignatureVerifies: secp256k1.verify(javaSignature.subarray(0, 64), blakeDigest, publicKey, { prehash: false, lowS: true }),
    javaDelegatedRecovers: bytesToHex(recover(javaDelegated, keccakDigest)) === bytesToHex(publicKey),
    nobleSignature: bytesToHex(sign(privateKey, blakeDigest)),
    nobleDelegatedSignature: bytesToHex(sign(privateKey, keccakDigest)),
    nobleAddress: f1Address(publicKey),
    nobleF410: f410Address(publicKey),
    addressMatches: f1Address(publicKey) === c.javaAddress,
    f410Matches: f410Address(publicKey) === c.javaF410,
  };
});
process.stdout.write(JSON.stringify({ results }));
