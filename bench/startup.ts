/**
 * `npm run bench:startup`: from spawning the bot to its first `getUpdates` on a local fake Bot API, and the bot's
 * resident memory once idle, for the README's start command (`npm start`, compiled JavaScript) and, in the same run
 * as the baseline, the TypeScript entry run through tsx as `npm start` did before. Each start gets a fresh SQLite
 * database (migrations and the directory seed included, as on a first start) and then a second start on the same
 * database (what every restart after it costs). Prints medians of RUNS runs and the load average.
 *
 *   npm run bench:startup              5 runs of each
 *   npm run bench:startup -- --quick   3 runs
 *
 * Goal (issue 14): ≤ 1 s to the first getUpdates and ≤ 120 MB idle RSS with the README's command.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { FakeTelegram } from "../packages/fake-telegram/src/index.js";
import { projectPath } from "../src/project-path.js";

const RUNS = process.argv.includes("--quick") ? 3 : 5;
const IDLE_MS = 1_500;

interface Variant {
  name: string;
  command: string;
  args: string[];
}

const variants: Variant[] = [
  { name: "npm start (compiled, the README's command)", command: "npm", args: ["start", "--silent"] },
  { name: "tsx src/main.ts (baseline: the old npm start)", command: process.execPath, args: ["--import", "tsx", "src/main.ts"] },
];

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Resident memory of the process and its children (npm runs the bot under a shell), in MB. */
function rssOfTree(pid: number): number {
  const out = execFileSync("ps", ["-o", "pid=,ppid=,rss=", "-A"], { encoding: "utf8" });
  const rows = out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) {
      if (!tree.has(parent) || tree.has(child)) continue;
      tree.add(child);
      grew = true;
    }
  }
  // The bot itself is the largest process in the tree (npm's own node and the shell are reported apart).
  const sizes = rows.filter(([child]) => tree.has(child)).map(([, , rss]) => rss / 1024);
  return Math.max(...sizes);
}

async function stopGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, "SIGTERM");
  while (alive()) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function once(variant: Variant, dataDir: string): Promise<{ startMs: number; rssMb: number }> {
  const fake = await FakeTelegram.start({ recordCalls: false });
  const started = performance.now();
  const child: ChildProcess = spawn(variant.command, variant.args, {
    cwd: projectPath(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: `sqlite:${join(dataDir, "bench.sqlite")}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: npm runs the bot under a shell, and the whole group is stopped and waited for.
    detached: true,
  });
  try {
    // A call is logged when it is answered, and the first long poll waits 30 s for updates: watch for it arriving.
    while (!fake.longPollPending) {
      if (performance.now() - started > 120_000) throw new Error(`${variant.name}: no getUpdates within 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const startMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { startMs, rssMb: rssOfTree(child.pid ?? 0) };
  } finally {
    await stopGroup(child.pid ?? 0);
    await fake.stop();
  }
}

// Compile as npm start's prestart does (and leave its stamp), so no measured start pays for compiling.
execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectPath(), stdio: "inherit" });
console.log(`bot start to first getUpdates, ${RUNS} runs each; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
for (const variant of variants) {
  const first: number[] = [];
  const again: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), "lysty-startup-"));
    try {
      first.push((await once(variant, dataDir)).startMs);
      const restart = await once(variant, dataDir);
      again.push(restart.startMs);
      rss.push(restart.rssMb);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(
    `${variant.name}: first start ${median(first).toFixed(0)} ms, restart ${median(again).toFixed(0)} ms, ` +
      `idle RSS ${median(rss).toFixed(0)} MB   [restarts: ${again.map((ms) => ms.toFixed(0)).join(", ")}]`,
  );
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

