// Piece CIDs computed by @web3-storage/data-segment, the independent implementation Granary's CommP is checked
// against. Usage: node piece-commp.mjs [FILE...]  (no FILE: the payload is read from stdin)
// Prints one line per payload: <piece CID v1> <padded size> <payload size> <piece CID v2>
import { readFileSync } from 'node:fs'
import { Piece } from '@web3-storage/data-segment'

const describe = (bytes) => {
  const piece = Piece.fromPayload(bytes)
  return `${piece.toInfo().link} ${piece.size} ${bytes.length} ${piece.link}`
}

const paths = process.argv.slice(2)
const payloads = paths.length > 0 ? paths.map((path) => readFileSync(path)) : [readFileSync(0)]
for (const bytes of payloads) {
  process.stdout.write(describe(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)) + '\n')
}
