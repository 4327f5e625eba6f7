// A js-libp2p peer the Java host tests talk to (specs/libp2p.md §9).
//   listen               : listen on 127.0.0.1:0, print "LISTEN <multiaddr>", echo on the test protocol,
//                          print "IDENTIFY <json>" per identified peer; stop when stdin closes.
//   dial <multiaddr> <n> : ping the peer, echo n random bytes over the test protocol, wait for identify,
//                          print "PING <ms>", "ECHO <sha256 sent> <sha256 received> <bytes>", "IDENTIFY <json>", stop.
// Every line goes to stdout; failures exit non-zero with the reason on stderr.
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import { createHash, randomBytes } from 'node:crypto'

const ECHO = '/granary/test/echo/1.0.0'
const CHUNK = 64 * 1024
const [mode, target, size] = process.argv.slice(2)

const node = await createLibp2p({
  addresses: { listen: mode === 'listen' ? ['/ip4/127.0.0.1/tcp/0'] : [] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: { identify: identify(), ping: ping() }
})

const identified = new Promise(resolve => {
  node.addEventListener('peer:identify', event => {
    const { peerId, agentVersion, protocols } = event.detail
    const line = JSON.stringify({ peerId: peerId.toString(), agentVersion, protocols })
    console.log(`IDENTIFY ${line}`)
    resolve(line)
  })
})

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')

async function readAll (stream) {
  const parts = []
  for await (const chunk of stream) {
    parts.push(chunk.subarray())
  }
  return Buffer.concat(parts)
}

async function sendAll (stream, data) {
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    if (!stream.send(data.subarray(offset, offset + CHUNK))) {
      await stream.onDrain()
    }
  }
  await stream.close()
}

function within (ms, promise, what) {
  let timer
  const deadline = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

if (mode === 'listen') {
  await node.handle(ECHO, async (stream) => {
    for await (const chunk of stream) {
      if (!stream.send(chunk.subarray())) {
        await stream.onDrain()
      }
    }
    await stream.close()
  })
  console.log(`LISTEN ${node.getMultiaddrs()[0].toString()}`)
  process.stdin.resume()
  process.stdin.on('end', async () => {
    await node.stop()
    process.exit(0)
  })
} else if (mode === 'dial') {
  try {
    const address = multiaddr(target)
    const rtt = await within(10000, node.services.ping.ping(address), 'ping')
    console.log(`PING ${rtt}`)
    const data = randomBytes(Number(size))
    const stream = await within(10000, node.dialProtocol(address, ECHO), 'opening the echo stream')
    const echoed = readAll(stream)
    await within(60000, sendAll(stream, data), 'sending')
    const back = await within(60000, echoed, 'reading the echo')
    console.log(`ECHO ${sha256(data)} ${sha256(back)} ${back.length}`)
    await within(10000, identified, 'identify')
    await node.stop()
    process.exit(0)
  } catch (e) {
    console.error(e)
    process.exit(1)
  }
} else {
  console.error('usage: p2p-peer.mjs listen | dial <multiaddr> <bytes>')
  process.exit(2)
}
