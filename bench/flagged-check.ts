/**
 * "Done: check the letter" on a letter with findings (the findings screen shown, the conversation entered and stored),
 * by the letter's length: 1.2k, 3k, 6k and 12k letters whose every 1k message holds the same flagged sentence (4
 * findings per 1k), as `bench:flow-step-pair --long`'s flagged 12k letter. Two checkouts in one process, writer by
 * writer (bench/flow-step-pair.ts opens each): the step's CPU minus the censorship check of the same text run alone
 * just before (lower quartile and median), its statements and Bot API calls, and the kB it allocates beside the kB
 * the check alone allocates (a sampling heap profile, every object counted whether or not it was collected: figures
 * the machine's load does not change). What grows with the length here beyond the check is work outside it.
 *
 *   npm run bench:flagged-check -- --baseline /tmp/base            150 writers per length after 20 to warm up
 *   npm run bench:flagged-check -- --baseline /tmp/base --writers 300 --allocation-writers 30
 */
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import type { Tree } from "./flow-step-pair.js";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const WRITERS = Number(option("--writers") ?? 150);
const ALLOCATION_WRITERS = Number(option("--allocation-writers") ?? 20);
const WARM_UP = 20;
const LENGTHS = [1_200, 3_000, 6_000, 12_000] as const;
const FLAGGED = "Я всё время думаю о войне, армия Путина проиграет. Держитесь! ";

interface Checkout {
  root: string;
  tree: Tree;
  first: string;
}

interface Figures {
  cpu: number[];
  statements: number;
  calls: number;
  allocatedStep: number;
  allocatedAlone: number;
}

async function open(root: string): Promise<Checkout> {
  const pair = (await import(join(root, "bench/flow-step-pair.ts"))) as { openTree(root: string): Promise<Tree>; FIRST: string };
  return { root, tree: await pair.openTree(root), first: pair.FIRST };
}

/** The letter as `bench:flow-step-pair` writes it: `length / 1000` messages, each opening with the flagged sentence. */
function messagesOf(checkout: Checkout, length: number): string[] {
  const messages = Math.round(length / 1_000);
  const chunk = `${FLAGGED}${checkout.first.repeat(2)}`.slice(0, Math.floor((length - 2 * (messages - 1)) / messages)).trim();
  return Array.from({ length: messages }, () => chunk);
}

/** A writer's letter written and taken up again by the link, up to the press of "Done". */
async function upToCheck(checkout: Checkout, chat: number, messages: readonly string[]) {
  const { tree } = checkout;
  await tree.bot.handleUpdate(tree.update(chat, "/start w_kagarlitsky-boris"));
  for (const message of messages) await tree.bot.handleUpdate(tree.update(chat, message));
  await tree.bot.handleUpdate(tree.update(chat, "/start w_kagarlitsky-boris"));
  return tree.press(chat, "Done: check the letter");
}

/** Bytes `work` allocates, every sampled object counted (collected or not). */
async function allocated(session: Session, work: () => unknown): Promise<number> {
  // The two include… options exist in V8 and Node 20 but not in @types/node's protocol types.
  await session.post("HeapProfiler.startSampling", { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  await work();
  const { profile } = await session.post("HeapProfiler.stopSampling");
  let total = 0;
  const visit = (node: { selfSize: number; children: unknown[] }): void => {
    total += node.selfSize;
    for (const child of node.children) visit(child as typeof node);
  };
  visit(profile.head as never);
  return total;
}

const quantile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * share)] ?? NaN;

async function main(): Promise<void> {
  if (!baseline) throw new Error("--baseline <checkout> is required");
  const checkouts = [await open(resolve(baseline)), await open(process.cwd())];
  console.log(`flagged-check: ${checkouts[0]?.root} vs ${checkouts[1]?.root}, ${WRITERS} writers per length, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  const figures = new Map<string, Figures>();
  const of = (checkout: Checkout, length: number): Figures => {
    const key = `${checkout.root}|${length}`;
    if (!figures.has(key)) figures.set(key, { cpu: [], statements: 0, calls: 0, allocatedStep: 0, allocatedAlone: 0 });
    return figures.get(key) as Figures;
  };
  let chat = 900_000_000;
  for (let writer = 0; writer < WARM_UP + WRITERS; writer++) {
    for (const checkout of writer % 2 ? [...checkouts].reverse() : checkouts) {
      for (const length of LENGTHS) {
        const { tree } = checkout;
        const messages = messagesOf(checkout, length);
        const press = await upToCheck(checkout, ++chat, messages);
        const alone = process.cpuUsage();
        tree.checkAlone(messages.join("\n\n"));
        const aloneUsed = process.cpuUsage(alone);
        const [statements, calls] = [tree.statements.count, tree.calls.count];
        const step = process.cpuUsage();
        await tree.bot.handleUpdate(press);
        const used = process.cpuUsage(step);
        if (writer < WARM_UP) continue;
        const entry = of(checkout, length);
        entry.cpu.push((used.user + used.system - aloneUsed.user - aloneUsed.system) / 1000);
        entry.statements = tree.statements.count - statements;
        entry.calls = tree.calls.count - calls;
      }
    }
  }
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  for (let writer = 0; writer < ALLOCATION_WRITERS; writer++) {
    for (const checkout of checkouts) {
      for (const length of LENGTHS) {
        const messages = messagesOf(checkout, length);
        const press = await upToCheck(checkout, ++chat, messages);
        const entry = of(checkout, length);
        entry.allocatedAlone += await allocated(session, () => checkout.tree.checkAlone(messages.join("\n\n")));
        entry.allocatedStep += await allocated(session, () => checkout.tree.bot.handleUpdate(press));
      }
    }
  }
  session.disconnect();
  const kB = (bytes: number) => (bytes / ALLOCATION_WRITERS / 1000).toFixed(0);
  console.log(`\n"check" on a flagged letter: CPU ms minus the check alone (p25 / median), statements, calls; kB allocated (step, check alone)`);
  for (const length of LENGTHS) {
    const cells = checkouts.map((checkout) => {
      const entry = of(checkout, length);
      const cpu = `${quantile(entry.cpu, 0.25).toFixed(3)} / ${quantile(entry.cpu, 0.5).toFixed(3)}`;
      return `${cpu}  ${entry.statements} st ${entry.calls} calls  ${kB(entry.allocatedStep).padStart(4)} kB (${kB(entry.allocatedAlone)})`;
    });
    console.log(`${`${length.toLocaleString("en")} characters`.padEnd(18)}baseline ${cells[0]}   this ${cells[1]}`);
  }
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  for (const checkout of checkouts) await checkout.tree.cleanup();
}

await main();
