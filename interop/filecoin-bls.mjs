// Independent check of Granary's Filecoin BLS (f3) keys and signatures, using noble's bls12-381 in
// min-pubkey mode ("long signatures": G1 keys, G2 signatures) with the DST Granary claims Filecoin uses.
// stdin: {"dst", "cases":[{"privateKeyLE","message","javaPublicKey","javaSignature"}],
//         "verifyOnly":[{"publicKey","message","signature"}]} (hex)
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

const bls = bls12_381.longSignatures;

function verify(signature, message, publicKey, dst) {
  try {
    return bls.verify(signature, bls.hash(message, dst), publicKey);
  } catch {
    return false;
  }
}

const input = JSON.parse(await new Response(process.stdin).text());
const dst = input.dst;
const results = input.cases.map((c) => {
  // Filecoin key files hold the scalar little-endian; noble wants big-endian.
  const privateKey = hexToBytes(c.privateKeyLE).reverse();
  const message = hexToBytes(c.message);
  const publicKey = bls.getPublicKey(privateKey).toBytes(true);
  const signature = bls.Signature.toBytes(bls.sign(bls.hash(message, dst), privateKey));
  return {
    publicKey: bytesToHex(publicKey),
    nobleSignature: bytesToHex(signature),
    javaSignatureVerifies: verify(hexToBytes(c.javaSignature), message, hexToBytes(c.javaPublicKey), dst),
  };
});
const verifyOnly = (input.verifyOnly ?? []).map((v) =>
  verify(hexToBytes(v.signature), hexToBytes(v.message), hexToBytes(v.publicKey), dst));
process.stdout.write(JSON.stringify({ results, verifyOnly }));
