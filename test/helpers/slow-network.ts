import { Worker } from "node:worker_threads";

/**
 * A mobile network between the browser and the app's server, as a TCP proxy on 127.0.0.1: every connection pays a
 * handshake round trip before its first request, each direction adds half the round trip and is serialised at its
 * throughput. Unlike DevTools' network emulation it delays the page's own navigation request (DevTools' latency
 * missed it: the page's first byte came 34–49 ms after navigation start) and delivers a streamed answer as the bytes
 * arrive (DevTools held the session's first line back until ~600 ms after its first byte), with no request
 * interception by the test driver on the way. It runs in a worker thread: the server in the test's process blocks
 * that event loop while it checks a letter, and must not thereby hold back bytes it has already sent.
 * Not modelled: TCP slow start, packet loss, radio wake-up.
 */
export interface NetworkProfile {
  name: string;
  rttMs: number;
  downBitsPerSecond: number;
  upBitsPerSecond: number;
}

/** Lighthouse's mobile profile ("Slow 4G", its default throttling): 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G: NetworkProfile = { name: "Lighthouse's Slow 4G", rttMs: 150, downBitsPerSecond: 1.6 * 1024 * 1024, upBitsPerSecond: 750 * 1024 };

export const describeProfile = (profile: NetworkProfile) =>
  `${profile.name}: ${profile.rttMs} ms RTT, ${(profile.downBitsPerSecond / 1024 / 1024).toFixed(1)} Mbit/s down, ${Math.round(profile.upBitsPerSecond / 1024)} kbit/s up`;

export interface SlowNetwork {
  /** The proxy's port on 127.0.0.1: the same site as the app's own port, so the browser keeps the same renderer. */
  port: number;
  /** Each answer's wait at the proxy: from the request's bytes handed to the server to the answer's first bytes. */
  serverTimes: { ms: number; request: string }[];
  /** TCP connections the browser has opened through the proxy so far (each paid a handshake round trip). */
  connections(): number;
  /**
   * Every chunk the proxy handed to the server and got from it, in order: the request it belongs to and ms after that
   * request's first bytes were handed over (whether an answer streams, and in what pieces).
   */
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export interface ProxyLogEntry {
  request: string;
  /** "from the browser": a request's first bytes as the browser wrote them, before the network's delays. */
  direction: "from the browser" | "to the server" | "from the server";
  ms: number;
  bytes: number;
  /** When, in ms since the epoch (a page's `performance.timeOrigin` is on the same clock). */
  epochMs: number;
}

/** Starts the proxy (`slow-network-proxy.mjs`) in a worker thread: its own event loop, whatever the server does. */
export async function startSlowNetwork(
  upstreamPort: number,
  profile: NetworkProfile = SLOW_4G,
  options: { nagle?: boolean; wholeWrites?: boolean } = {},
): Promise<SlowNetwork> {
  // `nagle`: the proxy's sockets with Nagle's algorithm, as before 2026-12-06 (only bench/slow-network.ts asks for it).
  // `wholeWrites`: each write delivered whole once its last byte has crossed the link, as before 2026-12-07
  // (bench/webapp.ts --whole-writes), instead of segment by segment.
  const workerData = { upstreamPort, ...profile, nagle: options.nagle ?? false, wholeWrites: options.wholeWrites ?? false };
  const worker = new Worker(new URL("./slow-network-proxy.mjs", import.meta.url), { workerData });
  const serverTimes: { ms: number; request: string }[] = [];
  const log: ProxyLogEntry[] = [];
  let connections = 0;
  const port = await new Promise<number>((resolve, reject) => {
    worker.on("message", (message: { port?: number; serverMs?: number; request?: string; connection?: boolean; log?: ProxyLogEntry }) => {
      if (message.port !== undefined) resolve(message.port);
      if (message.log) log.push(message.log);
      if (message.connection) connections++;
      if (message.serverMs !== undefined) serverTimes.push({ ms: message.serverMs, request: message.request ?? "" });
    });
    worker.once("error", reject);
  });
  return {
    port,
    serverTimes,
    log,
    connections: () => connections,
    close: async () => {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
}
