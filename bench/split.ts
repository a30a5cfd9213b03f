/**
 * `npm run bench:split`: splitting a letter into Telegram messages, for letters of 1,000, 6,000 and 12,000
 * characters, next to the grapheme-by-grapheme splitter it replaced (the baseline, run in the same process).
 * Prints the median of 31 runs of each and the ratio; the goal (issue 14) is ≤ 1 ms for 12,000 characters, linear.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { splitForTelegram } from "../src/domain/letters/split-for-telegram.js";
import { splitByGraphemes } from "../test/letters/split-reference.js";

const RUNS = 31;
const PARAGRAPHS = [
  "Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса, где уже выпал первый снег и дети лепят снеговиков во дворе.",
  "Вчера я перечитывала Ваши статьи и думала о том, как много Вы успели сделать. Что Вы сейчас читаете? 🙂",
  "У нас в библиотеке новые книги, я весь вечер их разбирала. «Война и мир» снова в списке самых популярных.",
];

function letter(length: number): string {
  let text = "";
  for (let index = 0; text.length < length; index++) text += `${PARAGRAPHS[index % PARAGRAPHS.length]}\n\n`;
  return text.slice(0, length);
}

function median(split: (text: string) => string[], text: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    split(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? NaN;
}

console.log(`splitForTelegram, median of ${RUNS} runs; load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
for (const length of [1_000, 6_000, 12_000]) {
  const text = letter(length);
  // Warm both up so the first measured run does not pay for compilation.
  splitForTelegram(text);
  splitByGraphemes(text);
  const now = median(splitForTelegram, text);
  const before = median(splitByGraphemes, text);
  console.log(
    `${String(length).padStart(6)} characters: ${now.toFixed(3)} ms, grapheme-by-grapheme baseline ${before.toFixed(3)} ms ` +
      `(${(before / now).toFixed(0)}× faster)`,
  );
}
