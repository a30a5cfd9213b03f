/**
 * `npm run bench:search`: search latency over 10,000 synthetic people on one core.
 *
 * Names are built from Russian syllables and suffixes, with Ukrainian and Latin forms, so the index has the shape
 * of the real directory at 50× its size. Queries mix what readers type: exact names in both scripts, case endings,
 * other transliterations, typos, prefixes, a birth year, and names nobody has. Each run times every query once;
 * the figures printed are medians over the runs. Targets from issue 3: p50 ≤ 2 ms, p99 ≤ 10 ms.
 */
import { performance } from "node:perf_hooks";
import type { SearchEntry } from "../src/domain/search/entry.js";
import { buildSearchIndex } from "../src/domain/search/search-index.js";
import { searchPrisoners } from "../src/domain/search/search.js";
// Deterministic, so that runs on different machines time the same work.
import { mulberry32 } from "../src/domain/seeded-random.js";

const PEOPLE = 10_000;
const QUERIES = 2_000;
const RUNS = 7;


const random = mulberry32(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const SYLLABLES = ["ба", "ло", "ху", "зей", "тул", "ка", "гар", "ли", "ко", "зы", "ре", "мир", "ша", "ку", "пче", "лин",
  "го", "ри", "тро", "фи", "дом", "ас", "са", "ва", "ит", "се", "мен", "жу", "чи", "щу", "ю", "ря", "ле", "то", "ду", "ни",
  "бер", "вол", "гри", "дер", "жар", "зин", "кир", "лот", "мас", "нор", "пет", "рад", "сол", "тар", "фед", "хол", "цар",
  "чер", "шев", "яро", "бог", "вик", "ген", "зор", "кул", "мих", "наз", "оре", "пал", "ром", "сте", "тих", "уст", "шум"];
const SUFFIXES = ["ов", "ев", "ин", "ский", "цкий", "енко", "ук", "ан", "уллаев", "ич"];
const GIVEN = ["Владимир", "Руслан", "Алексей", "Анна", "Дарья", "Борис", "Илья", "Дмитрий", "Андрей", "Александр",
  "Артём", "Азат", "Юрий", "Ферат", "Рустем", "Мустафа", "Али", "Ахтем", "Сергей", "Ольга", "Мария", "Наталья"];
const PATRONYMICS = ["Владимирович", "Борисович", "Александрович", "Юрьевич", "Николаевич", "Сергеевич", "Петрович"];

const TRANSLIT: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};
const latin = (text: string) => [...text.toLowerCase()].map((char) => TRANSLIT[char] ?? char).join("").replace(/^./, (c) => c.toUpperCase());
const ukrainian = (text: string) => text.replace(/и/g, "і").replace(/ы/g, "и").replace(/ё/g, "ьо");
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function syntheticPeople(): SearchEntry[] {
  return Array.from({ length: PEOPLE }, (_, index) => {
    const syllables = 2 + Math.floor(random() * 2);
    const surname = capitalize(Array.from({ length: syllables }, () => pick(SYLLABLES)).join("") + pick(SUFFIXES));
    const given = pick(GIVEN);
    const patronymic = pick(PATRONYMICS);
    return {
      slug: `person-${index}`,
      surnames: [surname, ukrainian(surname), latin(surname)],
      otherNames: [given, ukrainian(given), latin(given), patronymic, latin(patronymic)],
      birthYears: [1950 + Math.floor(random() * 55)],
    };
  });
}

function typo(word: string): string {
  const position = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5
    ? word.slice(0, position) + word.slice(position + 1)
    : word.slice(0, position) + (word[position + 1] ?? "") + (word[position] ?? "") + word.slice(position + 2);
}

function syntheticQueries(people: readonly SearchEntry[]): string[] {
  const kinds: ((person: SearchEntry) => string)[] = [
    (person) => person.surnames[0] as string,
    (person) => person.surnames[2] as string,
    (person) => `${person.surnames[0] as string}у`,
    (person) => `${person.surnames[0] as string}ом`,
    (person) => (person.surnames[2] as string).replace(/kh/g, "h").replace(/y/g, "i"),
    (person) => typo(person.surnames[0] as string),
    (person) => typo(person.surnames[2] as string),
    (person) => (person.surnames[0] as string).slice(0, 5),
    (person) => `${person.surnames[0] as string} ${person.birthYears[0] as number}`,
    (person) => `${person.otherNames[0] as string} ${person.surnames[0] as string}`,
    () => pick(["Навальный", "Smith", "Qwertyuiop", "Иваненкович", "Петренко"]),
  ];
  return Array.from({ length: QUERIES }, () => pick(kinds)(pick(people)));
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const people = syntheticPeople();
const buildStart = performance.now();
const index = buildSearchIndex(people);
const buildMs = performance.now() - buildStart;
const queries = syntheticQueries(people);

// Warm-up: let V8 optimise the hot paths before timing.
for (const query of queries) searchPrisoners(index, query);

const p50s: number[] = [];
const p99s: number[] = [];
const maxes: number[] = [];
let found = 0;
for (let run = 0; run < RUNS; run += 1) {
  const times: number[] = [];
  found = 0;
  for (const query of queries) {
    const start = performance.now();
    const result = searchPrisoners(index, query);
    times.push(performance.now() - start);
    if (result.total > 0) found += 1;
  }
  times.sort((a, b) => a - b);
  p50s.push(percentile(times, 0.5));
  p99s.push(percentile(times, 0.99));
  maxes.push(times[times.length - 1] as number);
}

const format = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`search benchmark: ${PEOPLE} people, ${index.keys.length} distinct name keys, ${QUERIES} queries × ${RUNS} runs`);
console.log(`index build: ${format(buildMs)}`);
console.log(`p50 (median of runs): ${format(median(p50s))}   target ≤ 2 ms`);
console.log(`p99 (median of runs): ${format(median(p99s))}   target ≤ 10 ms`);
console.log(`max (median of runs): ${format(median(maxes))}`);
console.log(`queries with at least one hit: ${found} of ${QUERIES}`);

// Second part: a directory in the imported registry's shape (what `bench:sync` imports: 10,000 generated Memorial
// cards through the sync's own parsing, plus the seed), with bench:sync's query mix, wall-clock and CPU time per
// query, beside the seed alone as the baseline of the same run. No import needed: `bench:sync` measures that.
{
  const { loadavg } = await import("node:os");
  const { importedShapeEntries, importedShapeQueries, seedEntries } = await import("../test/helpers/search-corpus.js");
  const measure = (entries: readonly SearchEntry[]) => {
    const searchIndex = buildSearchIndex(entries);
    const pool = importedShapeQueries(entries, 2_000);
    for (const query of pool) searchPrisoners(searchIndex, query);
    const runs: { p50: number; p99: number; cpu: number }[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const times: number[] = [];
      const cpuBefore = process.cpuUsage();
      for (const query of pool) {
        const start = performance.now();
        searchPrisoners(searchIndex, query);
        times.push(performance.now() - start);
      }
      const cpu = process.cpuUsage(cpuBefore);
      times.sort((a, b) => a - b);
      runs.push({ p50: percentile(times, 0.5), p99: percentile(times, 0.99), cpu: (cpu.user + cpu.system) / 1000 / pool.length });
    }
    return { people: entries.length, p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), cpu: median(runs.map((r) => r.cpu)) };
  };
  const imported = measure(importedShapeEntries(PEOPLE));
  const seed = measure(seedEntries());
  const load = loadavg().map((value) => value.toFixed(2)).join(" ");
  console.log(`imported-shape directory (bench:sync's cards and queries), ${RUNS} runs × 2,000 queries, load average ${load}:`);
  for (const [label, figures] of [["imported", imported], ["baseline, seed only", seed]] as const) {
    console.log(`  ${label}: ${figures.people} people, p50 ${format(figures.p50)}, p99 ${format(figures.p99)}, CPU ${format(figures.cpu)} per query`);
  }
}
