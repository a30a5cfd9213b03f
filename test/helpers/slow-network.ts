import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A mobile network between the browser and the app's server, as a TCP proxy on 127.0.0.1: every connection pays a
 * handshake round trip before its first request, each direction adds half the round trip and is serialised at its
 * throughput. Unlike DevTools' network emulation it delays the page's own navigation request (DevTools' latency
 * missed it: the page's first byte came 34–49 ms after navigation start) and delivers a streamed answer as the bytes
 * arrive (DevTools held the session's first line back until ~600 ms after its first byte), with no request
 * interception by the test driver on the way. Not modelled: TCP slow start, packet loss, radio wake-up.
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
  close(): Promise<void>;
}

/** One direction of a connection: chunks leave in order, each after the link is free and its bytes are sent. */
function link(to: Socket, bitsPerSecond: number, oneWayMs: number, startAt: number) {
  let free = startAt;
  const queue: { at: number; chunk: Buffer }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let ending = false;
  const pump = () => {
    timer = undefined;
    while (queue[0] && queue[0].at <= performance.now()) to.write(queue.shift()!.chunk);
    if (queue[0]) timer = setTimeout(pump, queue[0].at - performance.now());
    else if (ending) to.end();
  };
  return {
    send(chunk: Buffer) {
      const start = Math.max(performance.now(), free);
      free = start + ((chunk.length * 8) / bitsPerSecond) * 1000;
      queue.push({ at: free + oneWayMs, chunk });
      timer ??= setTimeout(pump, Math.max(0, free + oneWayMs - performance.now()));
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

export async function startSlowNetwork(upstreamPort: number, profile: NetworkProfile = SLOW_4G): Promise<SlowNetwork> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: "127.0.0.1", port: upstreamPort });
    sockets.add(client).add(upstream);
    const opened = performance.now();
    // The client's first bytes could not have left before its SYN's answer: one round trip.
    const up = link(upstream, profile.upBitsPerSecond, profile.rttMs / 2, opened + profile.rttMs);
    const down = link(client, profile.downBitsPerSecond, profile.rttMs / 2, opened);
    client.on("data", (chunk: Buffer) => up.send(chunk));
    upstream.on("data", (chunk: Buffer) => down.send(chunk));
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the slow network proxy has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
