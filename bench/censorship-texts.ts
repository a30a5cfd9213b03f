/**
 * The texts `bench:censorship-same-output` checks, also used by test/censorship/letter-language.test.ts: every text
 * under test/censorship (the corpus, the development sets and letters, the held-out sets), `bench:censorship`'s and
 * `bench:flow-step`'s letters, and seeded random letters of 1k–12k characters assembled from the corpus texts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CheckOptions, PRISONER_STATUSES, type PrisonSystem } from "../src/domain/censorship/index.js";
import { mulberry32 } from "../src/domain/seeded-random.js";
import { buildBenchLetters, flowStepLetters } from "./censorship-letters.js";

export interface Text {
  id: string;
  text: string;
  options: CheckOptions;
}

const SEED = 20261207;
const MIN_RANDOM_LENGTH = 1_000;
const MAX_RANDOM_LENGTH = 12_000;

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

interface Labelled {
  id?: string;
  text?: string;
  paragraphs?: string[];
  system?: PrisonSystem;
  status?: CheckOptions["status"];
}

function optionsOf(item: Labelled): CheckOptions {
  return item.status === undefined ? { system: item.system ?? "ru" } : { system: item.system ?? "ru", status: item.status };
}

/** Every labelled sentence (`*.jsonl`) and letter (`letters*.json`) under test/censorship, golden snapshot aside. */
export function corpusTexts(): Text[] {
  const root = fileURLToPath(new URL("../test/censorship/", import.meta.url));
  const texts: Text[] = [];
  for (const path of filesUnder(root)) {
    const where = path.slice(root.length);
    if (path.endsWith(".jsonl")) {
      for (const [line, source] of readFileSync(path, "utf8").split("\n").entries()) {
        if (source.trim() === "") continue;
        const item = JSON.parse(source) as Labelled;
        if (typeof item.text === "string") texts.push({ id: `${where}:${line + 1}`, text: item.text, options: optionsOf(item) });
      }
    } else if (/letters[^/]*\.json$/u.test(path)) {
      for (const [index, item] of (JSON.parse(readFileSync(path, "utf8")) as Labelled[]).entries()) {
        if (!Array.isArray(item.paragraphs)) continue;
        // Joined as the corpus loader joins them, and as the chat's writing step joins messages.
        texts.push({ id: `${where}#${index}`, text: item.paragraphs.join("\n\n"), options: optionsOf(item) });
        texts.push({ id: `${where}#${index}/lines`, text: item.paragraphs.join("\n"), options: optionsOf(item) });
      }
    }
  }
  return texts;
}

/** `bench:censorship`'s 400 letters of 4k characters, under the system each was built for. */
export function benchTexts(): Text[] {
  return buildBenchLetters().map((letter, index) => ({ id: `bench:${index}`, text: letter.text, options: { system: letter.system } }));
}

/** `bench:flow-step`'s 1k, 6k and 12k letters, under Kagarlitsky's options. */
export function flowStepTexts(): Text[] {
  return flowStepLetters().map(({ text, system, status }) => ({ id: `flow-step:${text.length}`, text, options: { system, status } }));
}

/**
 * Letters of 1k–12k assembled from the texts above in random order, joined by a space, a line break or a blank line,
 * some pieces shouted in capitals (the tokenizer's capital paths), under a random system and status. One in four is
 * made of pieces without a Latin letter only, as most real letters are (the check skips work for those).
 */
export function randomLetters(pieces: readonly Text[], count: number): Text[] {
  const random = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const separators = [" ", "\n", "\n\n", "\n\n", " "];
  const withoutLatin = pieces.filter((piece) => !/[A-Za-z\u017F\u212A]/u.test(piece.text));
  return Array.from({ length: count }, (_, index) => {
    const length = MIN_RANDOM_LENGTH + Math.floor(random() * (MAX_RANDOM_LENGTH - MIN_RANDOM_LENGTH));
    const from = index % 4 === 3 ? withoutLatin : pieces;
    let text = "";
    while (text.length < length) {
      const piece = pick(from).text;
      text += (text === "" ? "" : pick(separators)) + (random() < 0.05 ? piece.toUpperCase() : piece);
    }
    const status = random() < 0.3 ? undefined : pick(PRISONER_STATUSES);
    const system: PrisonSystem = random() < 0.7 ? "ru" : "by";
    return { id: `random:${index}`, text: text.slice(0, length), options: status === undefined ? { system } : { system, status } };
  });
}

/** The other prison system: each text is checked under its own and under this one (their rules differ). */
export function otherSystem(options: CheckOptions): CheckOptions {
  return { ...options, system: options.system === "ru" ? "by" : "ru" };
}
