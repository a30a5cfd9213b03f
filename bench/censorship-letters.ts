/**
 * The letters `bench:censorship` times, also checked by the golden-output test (test/censorship/golden/), so that
 * speed work is proven to leave the findings of exactly these letters unchanged.
 *
 * Letters of about 4,000 characters are assembled from the labelled corpus (test/censorship/corpus): sentences in
 * Russian, Ukrainian, Belarusian and English, risky and safe, in paragraphs, mostly Russian as real letters to
 * Russian prisons are.
 */
import { readFileSync } from "node:fs";
import type { PrisonSystem } from "../src/domain/censorship/index.js";
// Deterministic, so that runs on different machines time the same work.
import { mulberry32 } from "../src/domain/seeded-random.js";

export const BENCH_LETTERS = 400;
export const BENCH_LETTER_LENGTH = 4_000;
const SEED = 20261123;

interface CorpusLine {
  lang: string;
  text: string;
}

function loadCorpusSentences(): Map<string, string[]> {
  const byLanguage = new Map<string, string[]>();
  for (const file of ["sentences.jsonl", "holdout.jsonl"]) {
    const url = new URL(`../test/censorship/corpus/${file}`, import.meta.url);
    for (const line of readFileSync(url, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const { lang, text } = JSON.parse(line) as CorpusLine;
      byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), text]);
    }
  }
  return byLanguage;
}

/** A letter is mostly one language; one paragraph in five switches to another, as mixed letters do. */
export function buildBenchLetters(): { text: string; system: PrisonSystem }[] {
  const sentences = loadCorpusSentences();
  const random = mulberry32(SEED);
  const languages = [...sentences.keys()];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: BENCH_LETTERS }, () => {
    const main = random() < 0.6 ? "ru" : pick(languages);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < BENCH_LETTER_LENGTH) {
      const language = random() < 0.8 ? main : pick(languages);
      const paragraph = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(sentences.get(language) ?? [])).join(" ");
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const text = paragraphs.join("\n\n").slice(0, BENCH_LETTER_LENGTH);
    return { text, system: main === "be" ? "by" : "ru" };
  });
}

/**
 * Twenty letters of about 12,000 characters, each three consecutive bench letters joined by a blank line (varied
 * paragraphs, as `buildBenchLetters`'s, at the length of a long letter; the first one's system): `bench:censorship-paired
 * -- --long` (issue 14, the check of a long letter).
 */
export function longBenchLetters(): { text: string; system: PrisonSystem }[] {
  const letters = buildBenchLetters();
  return Array.from({ length: 20 }, (_, index) => {
    const parts = letters.slice(index * 3, index * 3 + 3);
    return { text: parts.map((letter) => letter.text).join("\n\n"), system: (parts[0] as { system: PrisonSystem }).system };
  });
}

/**
 * The letters `bench:flow-step` checks: "Пишу Вам снова. " repeated, 1,000 characters a message, the messages joined
 * by blank lines as the writing stage joins them, 1k, 6k and 12k characters long; Kagarlitsky's options (Russia,
 * sentenced).
 */
export function flowStepLetters(): { text: string; system: PrisonSystem; status: "sentenced" }[] {
  return [1_000, 6_000, 12_000].map((length) => {
    const messages = length / 1_000;
    const chunk = "Пишу Вам снова. ".repeat(63).slice(0, Math.floor((length - 2 * (messages - 1)) / messages));
    return { text: Array.from({ length: messages }, () => chunk).join("\n\n"), system: "ru", status: "sentenced" };
  });
}
