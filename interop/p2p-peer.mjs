// A js-libp2p peer the Java host tests talk to (specs/libp2p.md §9).
//   listen               : listen on 127.0.0.1:0, print "LISTEN <multiaddr>", echo on the test protocol,
//                          print "IDENTIFY <json>" per identified peer; stop when stdin closes.
//                          print "CLOSED <peer>" when a connection ends.
//   dial <multiaddr> <n> [streams] : ping the peer, echo n random bytes over the test protocol, then echo a
//                          different payload on each of `streams` concurrent streams of the same connection, wait
//                          for identify; print "PING <ms>", "ECHO <sha256 sent> <sha256 received> <bytes>",
//                          "CONCURRENT <streams echoed intact> <streams> <connections>", "IDENTIFY <json>", stop.
//   idle <multiaddr> <s> : connect, stay idle for s seconds (js' own keepalives run: the connection monitor's
//                          /ipfs/ping every 10 s and yamux pings every 30 s), then print
//                          "IDLE <status> <same connection: true|false> <connections>" and "PING <ms>", stop.
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

node.addEventListener('connection:close', event => {
  console.log(`CLOSED ${event.detail.remotePeer.toString()}`)
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

async function echoOn (address, data) {
  const stream = await node.dialProtocol(address, ECHO)
  const echoed = readAll(stream)
  await sendAll(stream, data)
  return sha256(await echoed) === sha256(data)
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
  }, { maxInboundStreams: 128 }) // js' default is 32 per protocol; the test opens 50 at once
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
    const streams = Number(process.argv[5] ?? 0)
    if (streams > 0) {
      const payloads = Array.from({ length: streams }, (_, i) => randomBytes(1024 * (i + 1) + i))
      const results = await within(60000, Promise.all(payloads.map(p => echoOn(address, p))), 'concurrent echoes')
      const intact = results.filter(Boolean).length
      console.log(`CONCURRENT ${intact} ${streams} ${node.getConnections().length}`)
    }
    await within(10000, identified, 'identify')
    await node.stop()
    process.exit(0)
  } catch (e) {
    console.error(e)
    process.exit(1)
  }
} else if (mode === 'idle') {
  try {
    const address = multiaddr(target)
    await within(10000, node.services.ping.ping(address), 'first ping')
    const before = node.getConnections()[0]
    await new Promise(resolve => setTimeout(resolve, Number(size) * 1000))
    const after = node.getConnections()
    const same = after.length === 1 && after[0].id === before.id
    console.log(`IDLE ${before.status} ${same} ${after.length}`)
    console.log(`PING ${await within(10000, node.services.ping.ping(address), 'ping after idling')}`)
    await node.stop()
    process.exit(0)
  } catch (e) {
    console.error(e)
    process.exit(1)
  }
} else {
  console.error('usage: p2p-peer.mjs listen | dial <multiaddr> <bytes> [streams] | idle <multiaddr> <seconds>')
  process.exit(2)
}
