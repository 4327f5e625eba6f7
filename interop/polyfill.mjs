// Node 20 lacks Promise.withResolvers, which js-libp2p 3.x uses (see specs/libp2p.md §9.1).
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
