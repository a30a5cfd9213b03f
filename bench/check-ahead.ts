/**
 * The CPU a whole letter costs when its draft is checked while the writer pauses (services/letters/check-ahead.ts),
 * beside another checkout in ONE process (bench:flow-step-pair's trees, taking turns writer by writer): letters of
 * 3k, 6k and 12k characters typed in 1k messages, and pasted in 3k–4k messages, then "Done"; the writer pausing after
 * every message (as one typing each paragraph does), or only before "Done". Prints CPU ms per letter (medians): the
 * messages, the checks ahead the pauses ran, "Done", and the sum, beside the baseline's letter written the same way.
 *
 *   npm run bench:check-ahead -- --baseline /tmp/base            100 writers after 20 to warm up
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { FIRST, openTree, type Tree } from "./flow-step-pair.js";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const WRITERS = Number(option("--writers") ?? 100);
const WARM_UP = 20;
const LENGTHS = [3_000, 6_000, 12_000] as const;
type Pauses = "before Done" | "after every message";
/** Typed: 1k messages; pasted: the fewest messages of at most 4k. */
type Way = "typed" | "pasted";

interface Letter {
  messages: number;
  ahead: number;
  done: number;
}

const cpuOf = async (work: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};

async function writeLetter(tree: Tree, chat: number, length: number, way: Way, pauses: Pauses): Promise<Letter> {
  await tree.bot.handleUpdate(tree.update(chat, "/start w_kagarlitsky-boris"));
  const count = way === "typed" ? length / 1_000 : Math.ceil(length / 4_000);
  const chunk = FIRST.repeat(5).slice(0, Math.floor((length - 2 * (count - 1)) / count)).trim();
  const letter: Letter = { messages: 0, ahead: 0, done: 0 };
  for (let index = 0; index < count; index++) {
    letter.messages += await cpuOf(() => tree.bot.handleUpdate(tree.update(chat, chunk)));
    if (pauses === "after every message" || (pauses === "before Done" && index === count - 1)) letter.ahead += await cpuOf(() => tree.pause());
  }
  letter.done = await cpuOf(() => tree.bot.handleUpdate(tree.press(chat, "Done: check the letter")));
  return letter;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  if (!baseline) throw new Error("--baseline <checkout> is required");
  const [base, current] = [await openTree(resolve(baseline)), await openTree(process.cwd())];
  console.log(`check-ahead: ${base.root} vs ${current.root}, ${WRITERS} writers each, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  const runs: [string, Tree, Way, Pauses][] = (["typed", "pasted"] as const).flatMap((way) => [
    [`${way}, baseline`, base, way, "after every message"] as const,
    [`${way}, this, pausing before Done`, current, way, "before Done"] as const,
    [`${way}, this, pausing after every message`, current, way, "after every message"] as const,
  ]);
  const results = new Map<string, Letter[]>();
  let chat = 900_000_000;
  for (let writer = 0; writer < WARM_UP + WRITERS; writer++) {
    for (const length of LENGTHS) {
      for (const [name, tree, way, pauses] of writer % 2 ? [...runs].reverse() : runs) {
        const letter = await writeLetter(tree, ++chat, length, way, pauses);
        if (writer < WARM_UP) continue;
        const key = `${length}|${name}`;
        results.set(key, [...(results.get(key) ?? []), letter]);
      }
    }
  }
  console.log(`\n${"CPU ms per letter (medians)".padEnd(52)}${"messages".padStart(10)}${"ahead".padStart(8)}${"Done".padStart(8)}${"sum".padStart(8)}${"÷ base".padStart(8)}`);
  for (const length of LENGTHS) {
    let baseSum = NaN;
    for (const [name] of runs) {
      const letters = results.get(`${length}|${name}`) ?? [];
      const [messages, ahead, done] = [median(letters.map((l) => l.messages)), median(letters.map((l) => l.ahead)), median(letters.map((l) => l.done))];
      const sum = median(letters.map((l) => l.messages + l.ahead + l.done));
      if (name.endsWith("baseline")) baseSum = sum;
      const label = `${length / 1_000}k, ${name}`;
      console.log(`${label.padEnd(52)}${messages.toFixed(3).padStart(10)}${ahead.toFixed(3).padStart(8)}${done.toFixed(3).padStart(8)}${sum.toFixed(3).padStart(8)}${`${(sum / baseSum).toFixed(2)}×`.padStart(8)}`);
    }
  }
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  for (const tree of [base, current]) await tree.cleanup();
}

await main();
