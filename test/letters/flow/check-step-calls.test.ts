import { afterEach, beforeEach, describe, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo } from "./helpers.js";
import { expectAsRecorded, type Recorded, writersCallsSince } from "./recorded-calls.js";

/**
 * What a writer receives when "Done: check the letter" checks a long letter, call by call as the fake Bot API recorded
 * it (method and parameters), held to a copy recorded from main `5055cb1` before "check" was made cheaper on long
 * letters (issue 14, eleventh round): the same messages in the same order, with the same text, entities and
 * keyboards, for a clean letter (the check's line and the signing screen) and for one with findings (the findings
 * screen with its "why?" and "edit paragraph" buttons). `UPDATE_CHECK_CALLS=1` records the copy
 * again, for a change that means the writer to receive something else.
 */
const FIXTURE = projectPath("test/fixtures/check-step-calls.json");
const AT = new Date("2026-11-23T12:00:00.000Z");
const CLEAN = "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова, у нас сегодня тепло, в парке цветут каштаны. ";
// Wording the check flags in several categories, spread over the letter so that findings fall in many paragraphs.
const FLAGGED = ["Я всё время думаю о войне, армия Путина проиграет.", "Держитесь, скоро свобода, пишите мне в телеграм @friend_help.", "Путин и его режим — это диктатура."];

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  h.clock.set(AT);
});
afterEach(async () => h.stop());

/** The calls of one press of "Done", the writer's chat id, the pressed button's id and the flow's token written as names. */
async function callsOfChecking(languageCode: string, paragraphs: readonly string[]): Promise<Recorded[]> {
  const writer = h.user({ languageCode });
  await startWritingTo(writer, KAGARLITSKY);
  for (const paragraph of paragraphs) await writer.send(paragraph);
  const from = h.fake.calls.length;
  await writer.press(/Done|Готово/);
  expectNoFailures(h);
  // The flow's token in every button is drawn at random when the letter is begun.
  return writersCallsSince(h, from, writer.chatId, (value) =>
    typeof value === "object" && value !== null ? (JSON.parse(JSON.stringify(value).replaceAll(/"lw:[a-z0-9]+:/g, '"lw:<the flow\'s token>:')) as unknown) : value,
  );
}

/** `count` paragraphs of about 600 characters, numbered, with `flagged` sentences put into every third one. */
function letter(count: number, flagged: readonly string[] = []): string[] {
  return Array.from({ length: count }, (_, index) => {
    const extra = flagged.length > 0 && index % 3 === 1 ? ` ${flagged[(index - 1) / 3 % flagged.length]}` : "";
    return `${index + 1}. ${CLEAN.repeat(6).trim()}${extra}`;
  });
}

const CASES = [
  { name: "a clean 12k letter, English", languageCode: "en", paragraphs: letter(20) },
  { name: "a clean 6k letter, Ukrainian", languageCode: "uk", paragraphs: letter(10) },
  { name: "a flagged 12k letter, English", languageCode: "en", paragraphs: letter(20, FLAGGED) },
  { name: "a flagged 6k letter, Russian", languageCode: "ru", paragraphs: letter(10, FLAGGED) },
] as const;

describe('"Done: check the letter" on a long letter, call by call', () => {
  for (const { name, languageCode, paragraphs } of CASES) {
    it(name, async () => {
      expectAsRecorded(FIXTURE, "UPDATE_CHECK_CALLS", name, await callsOfChecking(languageCode, paragraphs));
    });
  }
});
