// Loaded into the bot's process by `bench:load` (`node --import bench/bot-memory-probe.mjs scripts/start.mjs`):
// what the bot's peak resident set is made of. Every 20 ms it reads the resident set; at a new high it records the
// V8 heap by space and the memory outside it. At exit it writes that record and the garbage collections to the
// file named by BENCH_BOT_MEMORY_FILE. Measures only: nothing of the bot is changed, and the bot does not know it.
import { writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import process from "node:process";
import { setInterval } from "node:timers";
import { getHeapSpaceStatistics } from "node:v8";

const file = process.env.BENCH_BOT_MEMORY_FILE;
if (file) {
  const MB = 1024 * 1024;
  let peak = { rss: 0 };
  const collections = { major: 0, minor: 0, majorMs: 0, minorMs: 0 };
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss <= peak.rss) return;
    const usage = process.memoryUsage();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size / MB]));
    peak = { rss: usage.rss / MB, heap: usage.heapTotal / MB, heapUsed: usage.heapUsed / MB, external: usage.external / MB, spaces };
  };
  setInterval(sample, 20).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const major = entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
      collections[major ? "major" : "minor"]++;
      collections[major ? "majorMs" : "minorMs"] += entry.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  process.once("exit", () => {
    sample();
    writeFileSync(file, JSON.stringify({ peak, collections }));
  });
}
