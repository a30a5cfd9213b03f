// The slow network's proxy (slow-network.ts), run in a worker thread of its own: a server checking a letter in the
// test's process blocks that process's event loop, and a proxy there would hold back bytes the server had already
// sent (the draft's line of the session, streamed before its check) until the check was over.
import { createConnection, createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";
import { parentPort, workerData } from "node:worker_threads";

const { upstreamPort, rttMs, downBitsPerSecond, upBitsPerSecond, nagle = false, wholeWrites = false } = workerData;

/**
 * A TCP segment's payload on an Ethernet-sized path (1,500-byte packets less 40 bytes of IP and TCP headers). A chunk
 * the server wrote at once reaches the browser segment by segment, each when its own bytes have crossed the link, as
 * on a real link: delivered whole, a 12.6 KB page's first byte came only when its last had been sent (63 ms at
 * 1.6 Mbit/s), and the boot script at its top waited for all of it. Ten segments fit in TCP's initial window, more
 * than any of the editor's answers, so slow start is not modelled.
 */
const SEGMENT_BYTES = wholeWrites ? Number.POSITIVE_INFINITY : 1460;

/** One direction of a connection: segments leave in order, each after the link is free and its bytes are sent. */
function link(to, bitsPerSecond, oneWayMs, startAt) {
  let free = startAt;
  const queue = [];
  let timer;
  let ending = false;
  const pump = () => {
    timer = undefined;
    while (queue[0] && queue[0].at <= performance.now()) to.write(queue.shift().chunk);
    if (queue[0]) timer = setTimeout(pump, queue[0].at - performance.now());
    else if (ending) to.end();
  };
  return {
    send(chunk) {
      if (chunk.length === 0) return;
      for (let offset = 0; offset < chunk.length; offset += SEGMENT_BYTES) {
        const segment = chunk.subarray(offset, offset + SEGMENT_BYTES);
        const start = Math.max(performance.now(), free);
        free = start + ((segment.length * 8) / bitsPerSecond) * 1000;
        queue.push({ at: free + oneWayMs, chunk: segment });
      }
      timer ??= setTimeout(pump, Math.max(0, queue[0].at - performance.now()));
    },
    /** The sender is done: end the receiving side once the bytes on the way have arrived. */
    end() {
      ending = true;
      timer ??= setTimeout(pump, 0);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

const sockets = new Set();
const server = createServer((client) => {
  parentPort.postMessage({ connection: true });
  const upstream = createConnection({ host: "127.0.0.1", port: upstreamPort });
  // No Nagle on the proxy's own sockets: the browser and Node's HTTP server both send with TCP_NODELAY, and with
  // Nagle the proxy held a request's second write (a POST's body after its headers) or an answer's next chunk until
  // the previous segment's ACK, which loopback's delayed ACK sends up to 40 ms late: latency that no phone network
  // in the profile has, added per direction.
  // (`nagle: true` puts it back, for bench/slow-network.ts to show the difference.)
  client.setNoDelay(!nagle);
  upstream.setNoDelay(!nagle);
  sockets.add(client).add(upstream);
  const opened = performance.now();
  // The client's first bytes could not have left before its SYN's answer: one round trip.
  const up = link(upstream, upBitsPerSecond, rttMs / 2, opened + rttMs);
  const down = link(client, downBitsPerSecond, rttMs / 2, opened);
  // The server's own time: from a request's bytes handed to it to its answer's first bytes.
  let asked;
  let request = "";
  // The log: each chunk handed to the server and each chunk of its answer, ms after the request's first bytes.
  let since = 0;
  const log = (direction, chunk) =>
    parentPort.postMessage({ log: { request, direction, ms: performance.now() - since, bytes: chunk.length, epochMs: performance.timeOrigin + performance.now() } });
  const upstreamWrite = upstream.write.bind(upstream);
  upstream.write = (chunk) => {
    if (asked === undefined) {
      asked = since = performance.now();
      request = chunk.subarray(0, chunk.indexOf(" HTTP/")).toString("latin1");
    }
    log("to the server", chunk);
    return upstreamWrite(chunk);
  };
  client.on("data", (chunk) => {
    // When the browser wrote a request (before the network's delays), on the clock a page's timeOrigin is on too.
    const line = chunk.subarray(0, Math.max(0, chunk.indexOf(" HTTP/"))).toString("latin1");
    if (/^[A-Z]+ \//.test(line)) {
      parentPort.postMessage({ log: { request: line, direction: "from the browser", ms: 0, bytes: chunk.length, epochMs: performance.timeOrigin + performance.now() } });
    }
    up.send(chunk);
  });
  upstream.on("data", (chunk) => {
    if (asked !== undefined) parentPort.postMessage({ serverMs: performance.now() - asked, request });
    asked = undefined;
    log("from the server", chunk);
    down.send(chunk);
  });
  const drop = () => {
    up.stop();
    down.stop();
    client.destroy();
    upstream.destroy();
    sockets.delete(client);
    sockets.delete(upstream);
  };
  upstream.on("end", () => down.end());
  client.on("end", () => up.end());
  client.on("close", drop);
  for (const socket of [client, upstream]) socket.on("error", drop);
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (message) => {
  if (message !== "close") return;
  for (const socket of sockets) socket.destroy();
  server.close(() => parentPort.close());
});
