/**
 * The whole letter flow, in process, against the fake Bot API over HTTP on 127.0.0.1 and a real SQLite file: the same
 * `startApp` as production (runner, conversations stored in SQLite, outbox). Prints the time per update, from the
 * update being queued to the bot having finished it (replies sent, database written), as median and p95:
 *
 *   npm run bench:letter-flow              40 writers one after another, then 40 at once
 *   npm run bench:letter-flow -- --quick   10 writers
 *
 * Each writer: /start w_<slug>, the constructor (name form, gender, five blocks), three messages, "Done", the check,
 * a signature, FSIN-pismo (the letter, the .txt and the packet). One more writer sends 60 messages, to show that the
 * writing loop does not slow down as a letter grows (each message is rewound out of the replay log).
 */
import { Harness } from "../test/helpers/harness.js";
import type { TestUser } from "../test/helpers/test-user.js";

const quick = process.argv.includes("--quick");
const WRITERS = quick ? 10 : 40;
const LONG_LETTER_MESSAGES = 60;

type Step = "start" | "constructor" | "write" | "done" | "sign" | "send";
const timings = new Map<Step, number[]>();

async function timed(step: Step, action: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await action();
  const list = timings.get(step) ?? [];
  list.push(performance.now() - started);
  timings.set(step, list);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const PARAGRAPHS = [
  "Я живу в Вильнюсе и работаю в библиотеке. Вчера к нам привезли новые книги, и я весь вечер их разбирала.",
  "У нас уже выпал первый снег, дети во дворе лепили снеговика. Я вспомнила, как сама делала это в детстве.",
  "Сейчас читаю роман о путешествии по Сибири. Что Вы сейчас читаете? Буду рада, если посоветуете книгу.",
];

async function wholeFlow(writer: TestUser): Promise<void> {
  await timed("start", () => writer.send("/start w_kagarlitsky-boris"));
  await timed("constructor", () => writer.press("Help me begin in Russian"));
  await timed("constructor", () => writer.press("Polite"));
  await timed("constructor", () => writer.press("feminine"));
  await timed("constructor", () => writer.press("1"));
  await timed("constructor", () => writer.press("Skip"));
  await timed("constructor", () => writer.press("☐ 2"));
  await timed("constructor", () => writer.press("Next"));
  await timed("constructor", () => writer.press("☐ 1"));
  await timed("constructor", () => writer.press("Next"));
  await timed("constructor", () => writer.press("2"));
  for (const paragraph of PARAGRAPHS) await timed("write", () => writer.send(paragraph));
  await timed("done", () => writer.press("Done: check the letter"));
  await timed("sign", () => writer.send("Марта\nВильнюс"));
  // FSIN-pismo is the only route: this answer finishes the letter (the letter, the .txt and the packet).
  await timed("send", () => writer.press("No, only this letter"));
  if (!writer.messages.some((message) => message.text?.includes("FSIN-pismo, step by step"))) {
    throw new Error("the flow did not reach the FSIN-pismo packet");
  }
}

function report(title: string, wallMs: number, updates: number): void {
  console.log(`\n${title}: ${updates} updates in ${(wallMs / 1000).toFixed(2)} s (${(updates / (wallMs / 1000)).toFixed(0)} updates/s)`);
  console.log("step          count   median ms   p95 ms");
  const all: number[] = [];
  for (const [step, values] of timings) {
    all.push(...values);
    console.log(
      `${step.padEnd(13)} ${String(values.length).padStart(5)}   ${percentile(values, 50).toFixed(1).padStart(9)}   ${percentile(values, 95).toFixed(1).padStart(6)}`,
    );
  }
  console.log(`${"all".padEnd(13)} ${String(all.length).padStart(5)}   ${percentile(all, 50).toFixed(1).padStart(9)}   ${percentile(all, 95).toFixed(1).padStart(6)}`);
  timings.clear();
}

async function main(): Promise<void> {
  // The per-person flood limit (30 updates a minute) is off: this measures the flow, not the limiter.
  const h = await Harness.start({ env: { LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" } });
  try {
    // Warm-up: lexicon, starter catalog, search index, prepared paths.
    await wholeFlow(h.user({ languageCode: "en" }));
    timings.clear();

    const sequential = Array.from({ length: WRITERS }, () => h.user({ languageCode: "en" }));
    let started = performance.now();
    for (const writer of sequential) await wholeFlow(writer);
    let updates = [...timings.values()].reduce((sum, list) => sum + list.length, 0);
    report(`${WRITERS} writers one after another`, performance.now() - started, updates);

    const concurrent = Array.from({ length: WRITERS }, () => h.user({ languageCode: "en" }));
    started = performance.now();
    await Promise.all(concurrent.map((writer) => wholeFlow(writer)));
    updates = [...timings.values()].reduce((sum, list) => sum + list.length, 0);
    report(`${WRITERS} writers at once`, performance.now() - started, updates);

    const long = h.user({ languageCode: "en" });
    await long.send("/start w_kagarlitsky-boris");
    const perMessage: number[] = [];
    for (let index = 0; index < LONG_LETTER_MESSAGES; index++) {
      const begun = performance.now();
      await long.send(`${PARAGRAPHS[index % PARAGRAPHS.length]} (${index + 1})`);
      perMessage.push(performance.now() - begun);
    }
    const draft = await h.db.selectFrom("letters").select("text").where("writer_id", "=", long.id).executeTakeFirstOrThrow();
    if (draft.text?.split("\n\n").length !== LONG_LETTER_MESSAGES) throw new Error("not every message reached the draft");
    const first = perMessage.slice(0, 10);
    const last = perMessage.slice(-10);
    console.log(`\none letter in ${LONG_LETTER_MESSAGES} messages: median ms per message, messages 1–10 ${percentile(first, 50).toFixed(1)}, messages ${LONG_LETTER_MESSAGES - 9}–${LONG_LETTER_MESSAGES} ${percentile(last, 50).toFixed(1)}`);
    const stored = await h.db.selectFrom("conversation_state").select("value").execute();
    console.log(`stored flow state after ${LONG_LETTER_MESSAGES} messages: ${stored.map((row) => row.value.length).join(", ")} bytes`);
    console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  } finally {
    await h.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
