/**
 * The slow-network proxy of bench:webapp (test/helpers/slow-network.ts) against itself with Nagle's algorithm on its
 * sockets, as it was until 2026-12-06: a local HTTP server answering like the editor's `api/session` (headers with a
 * first chunk, the next chunk 2 ms later, the last 100 ms after), asked on one kept-alive connection by a client
 * that sends a POST's headers and body as two writes. Prints, alternating the two proxies, the medians from the
 * request to the answer's headers and to its second chunk, beside what the profile alone predicts.
 *
 *   npx tsx bench/slow-network.ts
 */
import { Agent, createServer, request } from "node:http";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { SLOW_4G, startSlowNetwork } from "../test/helpers/slow-network.js";
import { median } from "../test/helpers/webapp-timing.js";

const REQUESTS = 12;
const ROUNDS = 2;

const server = createServer((incoming, response) => {
  incoming.resume();
  incoming.on("end", () => {
    response.writeHead(200, { "content-type": "application/x-ndjson" });
    response.write("x".repeat(450));
    setTimeout(() => {
      response.write("y".repeat(1700));
      setTimeout(() => response.end("z".repeat(1600)), 100);
    }, 2);
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const upstreamPort = (server.address() as { port: number }).port;

/** One request on the kept-alive connection: ms to the answer's headers and to its second chunk. */
function ask(port: number, agent: Agent): Promise<{ headers: number; second: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/session", agent, headers: { "content-type": "application/json", authorization: `tma ${"a".repeat(600)}` } },
      (answer) => {
        const headers = performance.now() - started;
        let received = 0;
        let second = Number.NaN;
        answer.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > 450 && Number.isNaN(second)) second = performance.now() - started;
        });
        answer.on("end", () => resolve({ headers, second }));
      },
    );
    outgoing.on("error", reject);
    outgoing.flushHeaders();
    setTimeout(() => outgoing.end('{"slug":"kagarlitsky-boris"}'), 1);
  });
}

const results = { withoutNagle: { headers: [] as number[], second: [] as number[] }, nagle: { headers: [] as number[], second: [] as number[] } };
const loads = [loadavg()[0]!.toFixed(2)];
for (let round = 0; round < ROUNDS; round++) {
  for (const which of ["nagle", "withoutNagle"] as const) {
    const network = await startSlowNetwork(upstreamPort, SLOW_4G, { nagle: which === "nagle" });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // The first request pays the handshake: not counted.
    await ask(network.port, agent);
    for (let index = 0; index < REQUESTS; index++) {
      const { headers, second } = await ask(network.port, agent);
      results[which].headers.push(headers);
      results[which].second.push(second);
    }
    agent.destroy();
    await network.close();
  }
  loads.push(loadavg()[0]!.toFixed(2));
}
server.close();

console.log(`the slow-network proxy, ${SLOW_4G.rttMs} ms RTT, ${ROUNDS}×${REQUESTS} requests each on a kept-alive connection, load average (1 min): ${loads.join(" → ")}`);
console.log(`profile alone: headers after one round trip plus the request's and the first chunk's transfer (~${SLOW_4G.rttMs + 12} ms), the second chunk ~2 ms after`);
for (const [name, times] of [["proxy now (TCP_NODELAY)", results.withoutNagle], ["proxy with Nagle (before)", results.nagle]] as const) {
  console.log(`  ${name.padEnd(28)} answer's headers ${median(times.headers).toFixed(1).padStart(6)} ms, its second chunk ${median(times.second).toFixed(1).padStart(6)} ms (medians)`);
}
