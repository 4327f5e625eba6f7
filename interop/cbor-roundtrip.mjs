// Reads one hex-encoded CBOR item per stdin line, decodes it with @ipld/dag-cbor (an independent
// implementation) and writes one line back per input line:
//   ok <hex of dag-cbor's re-encoding> <number of values decoded as CIDs>
//   error <why dag-cbor refused the input>
import { decode, encode } from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'

const countCids = (value) => {
  if (CID.asCID(value)) return 1
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  return children.reduce((sum, child) => sum + countCids(child), 0)
}

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const lines = Buffer.concat(chunks).toString('utf8').split('\n')
lines.pop() // every line, even an empty one, ends with '\n'

const out = lines.map((line) => {
  try {
    const value = decode(Buffer.from(line.trim(), 'hex'))
    return `ok ${Buffer.from(encode(value)).toString('hex')} ${countCids(value)}`
  } catch (e) {
    return `error ${String(e.message).replace(/\s+/g, ' ')}`
  }
})
process.stdout.write(out.map((l) => l + '\n').join(''))
