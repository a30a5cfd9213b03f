/**
 * `npm run bench:startup`: from spawning the bot to its first `getUpdates` on a local fake Bot API, the CPU time spent
 * until then, and the bot's resident memory once idle — for the README's start command itself (`npm start`) and for
 * `node dist/src/main.js` (the compiled bot without npm), alternating in the same run. With `--baseline DIR`, the
 * `npm start` of another checkout too (a worktree of main with node_modules: the before/after in one run). Each start
 * gets a fresh SQLite database (migrations and the directory seed included, as on a first start), then a second
 * start on the same database (what every restart costs). Prints medians of RUNS runs and the load average.
 *
 *   npm run bench:startup                                   5 runs of each
 *   npm run bench:startup -- --quick                        3 runs
 *   npm run bench:startup -- --baseline /tmp/main-worktree  and main's npm start, interleaved
 *   npm run bench:startup -- --node-options "--max-semi-space-size=1"   and node dist/src/main.js with those flags
 *
 * Goal (issue 14): ≤ 1 s to the first getUpdates and ≤ 120 MB idle RSS with the README's command.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { FakeTelegram } from "../packages/fake-telegram/src/index.js";
import { projectPath } from "../src/project-path.js";

const RUNS = process.argv.includes("--quick") ? 3 : 5;
const IDLE_MS = 1_500;
const baselineAt = process.argv.indexOf("--baseline");
const baseline = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
const flagsAt = process.argv.indexOf("--node-options");
const nodeFlags = flagsAt > 0 ? (process.argv[flagsAt + 1] ?? "").split(" ").filter(Boolean) : [];

interface Variant {
  name: string;
  cwd: string;
  command: string;
  args: string[];
}

const variants: Variant[] = [
  { name: "npm start (the README's command)", cwd: projectPath(), command: "npm", args: ["start", "--silent"] },
  { name: "node dist/src/main.js (no npm)", cwd: projectPath(), command: process.execPath, args: ["dist/src/main.js"] },
  ...(nodeFlags.length > 0
    ? [{ name: `node ${nodeFlags.join(" ")} dist/src/main.js`, cwd: projectPath(), command: process.execPath, args: [...nodeFlags, "dist/src/main.js"] }]
    : []),
  ...(baseline ? [{ name: `baseline: npm start in ${baseline}`, cwd: baseline, command: "npm", args: ["start", "--silent"] }] : []),
];

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcessRow {
  pid: number;
  ppid: number;
  rssMb: number;
  /** User + system CPU of the process and of its children already waited for, in ms. */
  cpuMs: number;
}

/** Every process's parent, resident memory and CPU time, from /proc. */
function processTable(): ProcessRow[] {
  const out = execFileSync("ps", ["-o", "pid=,ppid=,rss=", "-A"], { encoding: "utf8" });
  return out
    .trim()
    .split("\n")
    .map((line) => {
      const [pid = 0, ppid = 0, rss = 0] = line.trim().split(/\s+/).map(Number);
      let cpuMs = 0;
      try {
        // Fields after the command's closing parenthesis: utime, stime, cutime, cstime are the 12th-15th of them.
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
        cpuMs = (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        // The process ended between ps and the read.
      }
      return { pid, ppid, rssMb: rss / 1024, cpuMs };
    });
}

/** The process and its descendants (npm runs the bot under a shell). */
function tree(root: number): ProcessRow[] {
  const rows = processTable();
  const members = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (!members.has(row.ppid) || members.has(row.pid)) continue;
      members.add(row.pid);
      grew = true;
    }
  }
  return rows.filter((row) => members.has(row.pid));
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

interface Sample {
  startMs: number;
  /** CPU of the whole tree (npm, shell, the bot, a prestart that ran and ended) until the first getUpdates. */
  cpuMs: number;
  /** The bot's own process (the largest in the tree) and the whole tree, once idle. */
  botRssMb: number;
  treeRssMb: number;
}

async function once(variant: Variant, dataDir: string): Promise<Sample> {
  const fake = await FakeTelegram.start({ recordCalls: false });
  const started = performance.now();
  const child: ChildProcess = spawn(variant.command, variant.args, {
    cwd: variant.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      npm_config_update_notifier: "false",
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
    const cpuMs = tree(child.pid ?? 0).reduce((sum, row) => sum + row.cpuMs, 0);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = tree(child.pid ?? 0);
    return {
      startMs,
      cpuMs,
      botRssMb: Math.max(...idle.map((row) => row.rssMb)),
      treeRssMb: idle.reduce((sum, row) => sum + row.rssMb, 0),
    };
  } finally {
    await stopGroup(child.pid ?? 0);
    await fake.stop();
  }
}

// Compile as npm start does (and leave its stamp), so no measured start pays for compiling.
for (const cwd of [projectPath(), ...(baseline ? [baseline] : [])]) {
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd, stdio: "inherit" });
}
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(`bot start to first getUpdates, ${RUNS} runs each, variants interleaved; load average ${load()}`);
const samples = new Map<Variant, { first: Sample[]; again: Sample[] }>(variants.map((variant) => [variant, { first: [], again: [] }]));
for (let run = 0; run < RUNS; run++) {
  for (const variant of variants) {
    const dataDir = mkdtempSync(join(tmpdir(), "lysty-startup-"));
    try {
      samples.get(variant)?.first.push(await once(variant, dataDir));
      samples.get(variant)?.again.push(await once(variant, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
for (const variant of variants) {
  const { first, again } = samples.get(variant) ?? { first: [], again: [] };
  const ms = (list: Sample[], key: "startMs" | "cpuMs") => median(list.map((sample) => sample[key])).toFixed(0);
  console.log(
    `${variant.name}:\n  first start ${ms(first, "startMs")} ms (CPU ${ms(first, "cpuMs")} ms), ` +
      `restart ${ms(again, "startMs")} ms (CPU ${ms(again, "cpuMs")} ms), ` +
      `idle RSS ${median(again.map((sample) => sample.botRssMb)).toFixed(0)} MB (bot process; ` +
      `${median(again.map((sample) => sample.treeRssMb)).toFixed(0)} MB with npm and the shell)` +
      `\n  restarts: ${again.map((sample) => sample.startMs.toFixed(0)).join(", ")} ms`,
  );
}
console.log(`load average after: ${load()}`);
