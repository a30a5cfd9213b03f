/**
 * `npm run bench:client-cut [-- --baseline DIR]`: the CPU of the rule that tells a client's cut of a long paste from a
 * writer's own next message (`joinOfClientCut`, src/domain/letters/client-cuts.ts), per call, for the pairs of
 * messages the writing stage meets: pieces a client cut inside a paragraph (joined), at a paragraph break and a long
 * message followed by a short one (not joined). Prints, per case, the median of 31 batches of 200 calls and the CPU per
 * call over all of them; with `--baseline DIR`, the same rule from DIR's tree beside it in this process, the two run
 * alternately, and checks both answer the same.
 */
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { joinOfClientCut } from "../src/domain/letters/client-cuts.js";

type Rule = typeof joinOfClientCut;
const [BATCHES, CALLS] = [31, 200];

const sentence = (index: number) => `Пишу Вам в ${index}-й раз и рассказываю о книгах, которые читаю.`;
const sentences = (count: number, from = 1) => Array.from({ length: count }, (_, index) => sentence(from + index)).join(" ");
const link = `https://example.org/${"a1b2c3d4e5".repeat(300)}`;

/** Desktop's cut at the last ". " within 4,096 code points (the text here has none past the BMP). */
function atLastStop(text: string): [string, string] {
  const stop = text.lastIndexOf(". ", 4095);
  return [text.slice(0, stop + 1), text.slice(stop + 2)];
}
const twoParagraphs = `${sentences(45)}\n\n${sentences(40, 46)}`;
const withLink = `${sentences(20)} ${link} ${sentences(3)}`;

const CASES: { name: string; pair: [string, string] }[] = [
  { name: "one paragraph cut at a sentence end (joined)", pair: atLastStop(sentences(100)) },
  { name: "a link cut inside (joined, no space)", pair: [withLink.slice(0, 4096), withLink.slice(4096)] },
  { name: "cut at a blank line (not joined)", pair: [twoParagraphs.slice(0, twoParagraphs.indexOf("\n\n")), twoParagraphs.slice(twoParagraphs.indexOf("\n\n") + 2)] },
  { name: "a long message, then a short one (not joined)", pair: [sentences(40), "И ещё: я завела кота, его зовут Борис."] },
  { name: "two long messages of one's own (not joined)", pair: [sentences(45), `${sentences(30, 50)}\n\n${sentences(20, 80)}`] },
];

async function loadRule(root: string): Promise<Rule> {
  const module = (await import(pathToFileURL(join(root, "src/domain/letters/client-cuts.ts")).href)) as { joinOfClientCut: Rule };
  return module.joinOfClientCut;
}

/** One batch: ms per call by the clock and by the process's CPU. */
function batch(rule: Rule, pair: [string, string]): { wall: number; cpu: number } {
  const [started, before] = [performance.now(), process.cpuUsage()];
  for (let call = 0; call < CALLS; call++) rule(pair[0], pair[1]);
  const used = process.cpuUsage(before);
  return { wall: (performance.now() - started) / CALLS, cpu: (used.user + used.system) / 1000 / CALLS };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const at = process.argv.indexOf("--baseline");
  const baselineRoot = at >= 0 ? resolve(process.argv[at + 1] ?? "") : undefined;
  const rules: [string, Rule][] = [["this tree", joinOfClientCut]];
  if (baselineRoot) rules.push([`baseline ${baselineRoot}`, await loadRule(baselineRoot)]);
  console.log(`joinOfClientCut per call: median of ${BATCHES} batches of ${CALLS} calls; CPU per call over all batches`);
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}, ${cpus().length} CPUs`);
  for (const { name, pair } of CASES) {
    const answers = rules.map(([, rule]) => rule(pair[0], pair[1]));
    if (new Set(answers).size !== 1) throw new Error(`${name}: the trees answer differently (${answers.map(String).join(" / ")})`);
    const times = rules.map((): number[] => []);
    const cpu = rules.map(() => 0);
    // The first three rounds warm the rules up (compilation) and are not counted; the trees take turns.
    for (let round = 0; round < BATCHES + 3; round++) {
      rules.forEach(([, rule], index) => {
        const { wall, cpu: used } = batch(rule, pair);
        if (round < 3) return;
        times[index]?.push(wall);
        cpu[index] = (cpu[index] ?? 0) + used / BATCHES;
      });
    }
    const cells = rules.map(([label], index) => `${label}: ${median(times[index] as number[]).toFixed(4)} ms, CPU ${(cpu[index] ?? 0).toFixed(4)} ms`);
    console.log(`${name} [${String(answers[0] === undefined ? "none" : JSON.stringify(answers[0]))}]: ${cells.join("; ")}`);
  }
}

await main();
