/**
 * Where the route step's CPU goes (issue 14): this checkout's bot (as `bench:flow-step-pair` opens it) takes writers to
 * the signing screen, then runs their route steps ("No, only this letter": the letter finished on FSIN-pismo) one
 * after another under the V8 profiler, so that hundreds of steps share one profile instead of a profile each. Prints
 * the step's mean CPU unprofiled, the profile's samples by part (the profiler's own frames left out; samples are
 * wall-clock, so a blocking `fsync` counts where it happens), each statement's CPU median, and the WAL frames each
 * write adds with the B-trees they belong to (a second batch, a checkpoint before each write so its frames stand alone).
 *
 *   npm run bench:route-step-split                   600 writers profiled, 150 for the WAL frames
 *   npm run bench:route-step-split -- --writers 300 --interval 50
 */
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { FIRST, openTree, SECOND, type Tree } from "./flow-step-pair.js";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const WRITERS = Number(option("--writers") ?? 600);
const INTERVAL_US = Number(option("--interval") ?? 20);
const FRAME_WRITERS = Math.max(1, Math.floor(WRITERS / 4));

interface Statement {
  source: string;
  reader: boolean;
  run(...parameters: unknown[]): unknown;
}
type Method = (this: Statement, ...parameters: unknown[]) => unknown;
interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/**
 * The parts of a step, first match wins, from a sample's stack (innermost first, as `name@url`): by the innermost
 * frame with a source (a native frame, e.g. `JSON.stringify`, counts for the code that called it).
 */
const PARTS: Array<[string, (stack: string[], own: string) => boolean]> = [
  ["the profiler itself (left out)", (stack) => stack.some((frame) => frame.includes("node:inspector"))],
  ["garbage collection", (stack) => stack[0] === "(garbage collector)@"],
  ["V8 (program)", (stack) => stack[0] === "(program)@"],
  ["SQLite inside the statements", (stack) => /^(run|all|get|iterate)@$/.test(stack[0] ?? "") && stack.some((frame) => frame.includes("/src/db/"))],
  ["the bench's stubbed Telegram", (_, own) => own.includes("/bench/")],
  [
    "grammY's client, payloads, transformers",
    (stack, own) =>
      /node_modules\/(grammy\/out\/core|@grammyjs\/auto-retry|abort-controller|event-target-shim)|src\/bot\/retry-network-faults/.test(own) ||
      (own.includes("@node:") && stack.some((frame) => frame.startsWith("callApi@"))),
  ],
  ["rows, prepared statements, Kysely (JS)", (_, own) => /\/src\/db\/|\/kysely\//.test(own)],
  ["translations", (_, own) => /@grammyjs\/i18n|@fluent|src\/telegram\/i18n/.test(own)],
  ["grammY's chain, context, conversations", (_, own) => /node_modules\/(grammy|@grammyjs)\//.test(own)],
  ["Lysty's own code", (_, own) => own.includes("/src/")],
];

/** Runs a statement method and keeps its CPU by SQL text while `on` is set. */
function timeStatements(root: string): { on: boolean; byStatement: Map<string, number[]> } {
  const SQLite = createRequire(join(root, "package.json"))("better-sqlite3") as new (file: string) => { prepare(sql: string): object };
  const methods = Object.getPrototypeOf(new SQLite(":memory:").prepare("select 1")) as Record<string, Method>;
  const timing = { on: false, byStatement: new Map<string, number[]>() };
  for (const name of ["run", "get", "all"]) {
    const original = methods[name] as Method;
    methods[name] = function (this: Statement, ...parameters) {
      if (!timing.on) return original.apply(this, parameters);
      const before = process.cpuUsage();
      try {
        return original.apply(this, parameters);
      } finally {
        const used = process.cpuUsage(before);
        const key = this.source.slice(0, 70);
        timing.byStatement.set(key, [...(timing.byStatement.get(key) ?? []), used.user + used.system]);
      }
    };
  }
  return timing;
}

async function toSigningScreen(tree: Tree, chat: number): Promise<void> {
  for (const text of ["/start w_kagarlitsky-boris", FIRST, SECOND]) await tree.bot.handleUpdate(tree.update(chat, text));
  await tree.bot.handleUpdate(tree.press(chat, "Done: check the letter"));
  await tree.bot.handleUpdate(tree.update(chat, "Оксана\nЛьвів"));
}

async function writersAtSigning(tree: Tree, first: number, count: number): Promise<number[]> {
  const chats = Array.from({ length: count }, (_, index) => first + index);
  for (const chat of chats) await toSigningScreen(tree, chat);
  return chats;
}

const finish = (tree: Tree, chat: number) => tree.bot.handleUpdate(tree.press(chat, "No, only this letter"));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function samplesByPart(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const parts = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      stack.push(`${frame?.functionName || "(anonymous)"}@${frame?.url ?? ""}`);
    }
    const own = stack.find((frame) => !frame.endsWith("@")) ?? "";
    const part = PARTS.find(([, matches]) => matches(stack, own))?.[0] ?? "other (Node, the event loop)";
    parts.set(part, (parts.get(part) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return parts;
}

/** The WAL frames each write of a route step adds, and which B-trees their pages belong to (SQLite's `dbstat`). */
async function walFrames(tree: Tree, chats: number[]): Promise<{ byStatement: Map<string, number[]>; byTree: Map<string, number> }> {
  const SQLite = createRequire(join(tree.root, "package.json"))("better-sqlite3") as new (file: string) => {
    pragma(sql: string, options?: { simple: boolean }): unknown;
    prepare(sql: string): { get(...parameters: unknown[]): unknown };
    close(): void;
  };
  const side = new SQLite(tree.file);
  const methods = Object.getPrototypeOf(side.prepare("select 1")) as Record<string, Method>;
  const pageOwner = side.prepare("select name from dbstat where pageno = ?");
  const pageSize = Number(side.pragma("page_size", { simple: true }));
  const byStatement = new Map<string, number[]>();
  const byTree = new Map<string, number>();
  const originals = new Map<string, Method>();
  let counting = false;
  for (const name of ["run", "all"]) {
    const original = methods[name] as Method;
    originals.set(name, original);
    methods[name] = function (this: Statement, ...parameters) {
      if (!counting || (this.reader && !/returning/i.test(this.source))) return original.apply(this, parameters);
      counting = false;
      side.pragma("wal_checkpoint(TRUNCATE)");
      try {
        return original.apply(this, parameters);
      } finally {
        const wal = readFileSync(`${tree.file}-wal`);
        const pages: number[] = [];
        for (let offset = 32; offset + 24 <= wal.length; offset += 24 + pageSize) pages.push(wal.readUInt32BE(offset));
        const key = this.source.slice(0, 70);
        byStatement.set(key, [...(byStatement.get(key) ?? []), pages.length]);
        for (const page of pages) {
          const owner = (pageOwner.get(page) as { name?: string } | undefined)?.name ?? "(a new or free page)";
          byTree.set(owner, (byTree.get(owner) ?? 0) + 1);
        }
        counting = true;
      }
    };
  }
  counting = true;
  for (const chat of chats) await finish(tree, chat);
  counting = false;
  for (const [name, original] of originals) methods[name] = original;
  side.close();
  return { byStatement, byTree };
}

async function main(): Promise<void> {
  const tree = await openTree(process.cwd());
  const timing = timeStatements(tree.root);
  console.log(`route-step-split: ${WRITERS} route steps profiled at ${INTERVAL_US} µs, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  let chat = 800_000_000;
  for (const warm of await writersAtSigning(tree, chat, 200)) await finish(tree, warm);
  chat += 200;

  const measured = await writersAtSigning(tree, chat, WRITERS);
  chat += WRITERS;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: INTERVAL_US });
  const calls = tree.calls.count;
  const statements = tree.statements.count;
  // The first half unprofiled, for the step's own CPU; the second half profiled.
  const half = Math.floor(WRITERS / 2);
  timing.on = true;
  const cpu = process.cpuUsage();
  for (const writer of measured.slice(0, half)) await finish(tree, writer);
  const used = process.cpuUsage(cpu);
  timing.on = false;
  await session.post("Profiler.start");
  for (const writer of measured.slice(half)) await finish(tree, writer);
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const profiled = WRITERS - half;
  console.log(`\nroute step: ${((used.user + used.system) / 1000 / half).toFixed(3)} ms CPU (mean of ${half}), ${(tree.statements.count - statements) / WRITERS} statements, ${(tree.calls.count - calls) / WRITERS} Bot API calls`);

  const parts = samplesByPart(profile as never);
  const counted = [...parts].filter(([part]) => !part.includes("left out")).reduce((sum, [, value]) => sum + value, 0);
  console.log(`\nprofile, µs per step (${(counted / profiled).toFixed(0)} in all)`);
  for (const [part, value] of [...parts].sort((a, b) => b[1] - a[1])) {
    console.log(`${(value / profiled).toFixed(1).padStart(8)}  ${part.includes("left out") ? "       " : `${((100 * value) / counted).toFixed(1).padStart(5)} %`}  ${part}`);
  }

  console.log("\nstatements, CPU µs (median, mean)");
  for (const [sql, values] of timing.byStatement) {
    console.log(`${median(values).toFixed(0).padStart(6)} ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(0).padStart(6)}  ${sql}`);
  }

  const frames = await walFrames(tree, await writersAtSigning(tree, chat, FRAME_WRITERS));
  console.log(`\nWAL frames per write (median, min–max; ${FRAME_WRITERS} steps)`);
  for (const [sql, values] of frames.byStatement) console.log(`${String(median(values)).padStart(4)}  ${Math.min(...values)}–${Math.max(...values)}  ${sql}`);
  console.log("pages written per step, by B-tree");
  for (const [name, count] of [...frames.byTree].sort((a, b) => b[1] - a[1])) console.log(`${(count / FRAME_WRITERS).toFixed(2).padStart(6)}  ${name}`);
  console.log(`\nload average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  await tree.cleanup();
}

await main();
