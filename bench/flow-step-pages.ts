/**
 * The pages each step of the letter flow writes (WAL frames), for this checkout and another, as `bench:flow-step-pair`
 * opens them: writers one after another from step 1 to the route step (finished on FSIN-pismo), a checkpoint before
 * each update so that the frames it adds are its own. A 1.1k letter (one message of 1k, then a short one), and a 12k
 * letter (eleven of 1k, then the short one). Page counts, not timings: the machine's load does not change them, and the
 * CPU a page costs is `bench:route-step-split`'s and `bench:flow-step-pair`'s to show.
 *
 *   npm run bench:flow-step-pages -- --baseline /tmp/base              150 writers per letter after 200
 *   npm run bench:flow-step-pages -- --baseline /tmp/base --writers 50
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { FIRST, openTree, SECOND, type Tree } from "./flow-step-pair.js";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const WRITERS = Number(option("--writers") ?? 150);
const WARM_UP = 200;

interface SideConnection {
  pragma(sql: string, options?: { simple: boolean }): unknown;
  close(): void;
}

/** Each step's update for one writer: step 1, `messages` messages of 1k, the short one, check, signature, route. */
function steps(tree: Tree, chat: number, messages: number): Array<[string, () => ReturnType<Tree["update"]>]> {
  return [
    ["step 1 (/start w_<slug>)", () => tree.update(chat, "/start w_kagarlitsky-boris")],
    ...Array.from({ length: messages }, (_, index): [string, () => ReturnType<Tree["update"]>] => [
      index === 0 ? "the first message (1k)" : `message ${index + 1} (1k)`,
      () => tree.update(chat, FIRST),
    ]),
    ["the short message", () => tree.update(chat, SECOND)],
    ['"check"', () => tree.press(chat, "Done: check the letter")],
    ["the signature", () => tree.update(chat, "Оксана\nЛьвів")],
    ["route (finish on FSIN-pismo)", () => tree.press(chat, "No, only this letter")],
  ];
}

/** Mean WAL frames per step (by name, in order) over the measured writers, and per whole letter. */
async function pagesPerStep(root: string, messages: number): Promise<Map<string, number>> {
  const tree = await openTree(root);
  const SQLite = createRequire(join(root, "package.json"))("better-sqlite3") as new (file: string) => SideConnection;
  const side = new SQLite(tree.file);
  const pageSize = Number(side.pragma("page_size", { simple: true }));
  const frames = () => Math.max(0, Math.floor((readFileSync(`${tree.file}-wal`).length - 32) / (24 + pageSize)));
  const sums = new Map<string, number>();
  for (let writer = 0; writer < WARM_UP + WRITERS; writer++) {
    let letter = 0;
    for (const [name, update] of steps(tree, 900_000_000 + writer, messages)) {
      side.pragma("wal_checkpoint(TRUNCATE)");
      await tree.bot.handleUpdate(update());
      letter += frames();
      if (writer >= WARM_UP) sums.set(name, (sums.get(name) ?? 0) + frames());
    }
    if (writer >= WARM_UP) sums.set("the whole letter", (sums.get("the whole letter") ?? 0) + letter);
  }
  side.close();
  await tree.cleanup();
  return new Map([...sums].map(([name, sum]) => [name, sum / WRITERS]));
}

async function main(): Promise<void> {
  if (!baseline) throw new Error("usage: npm run bench:flow-step-pages -- --baseline <checkout>");
  console.log(`flow-step-pages: ${resolve(baseline)} vs ${process.cwd()}, ${WRITERS} writers per letter after ${WARM_UP}`);
  for (const [title, messages] of [["a 1.1k letter", 1], ["a 12k letter (eleven messages of 1k)", 11]] as const) {
    const [before, after] = [await pagesPerStep(resolve(baseline), messages), await pagesPerStep(process.cwd(), messages)];
    console.log(`\n${title}: WAL frames per step (mean)\n${"".padEnd(43)}${"baseline".padStart(10)}${"this".padStart(10)}`);
    for (const [name, value] of before) {
      if (/^message ([2-9]|10) /.test(name)) continue;
      console.log(`${name.padEnd(43)}${value.toFixed(2).padStart(10)}${(after.get(name) ?? NaN).toFixed(2).padStart(10)}`);
    }
  }
}

await main();
