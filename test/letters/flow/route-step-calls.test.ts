import { afterEach, beforeEach, describe, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { UploadedFile } from "../../../packages/fake-telegram/src/params.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo } from "./helpers.js";
import { expectAsRecorded, type Recorded, writersCallsSince } from "./recorded-calls.js";

/**
 * What a writer receives when the signing screen's answer finishes a letter on FSIN-pismo, call by call as the fake
 * Bot API recorded it (method, parameters, the .txt file's name and bytes), held to a copy recorded from main
 * `c3d9f02` before the route step was made cheaper (issue 14, tenth round) and again when the screens were joined
 * (eleventh round: the reference with "here is the letter to copy", the closing with the last screen; 11 calls → 9):
 * the same messages in the same order, with the same text, entities, keyboards and file bytes.
 * `UPDATE_ROUTE_CALLS=1` records the copy again, for a change that means the writer to receive something else.
 */
const FIXTURE = projectPath("test/fixtures/route-step-calls.json");
const AT = new Date("2026-11-23T12:00:00.000Z");
const PARAGRAPH = "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова, у нас сегодня тепло, в парке цветут каштаны. ";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  h.clock.set(AT);
});
afterEach(async () => h.stop());

/** The calls of one press, the writer's chat id, the pressed button's id and the uploaded file written as names. */
async function callsOfFinishing(languageCode: string, paragraphs: number, answer: string): Promise<Recorded[]> {
  const writer = h.user({ languageCode });
  await startWritingTo(writer, KAGARLITSKY);
  for (let index = 0; index < paragraphs; index++) await writer.send(`${index + 1}. ${PARAGRAPH.repeat(6).trim()}`);
  await writer.press(/Done|Готово/);
  await writer.send("Оксана\nЛьвів");
  const from = h.fake.calls.length;
  await writer.press(answer);
  expectNoFailures(h);
  return writersCallsSince(h, from, writer.chatId, (value) =>
    value instanceof UploadedFile ? { fileName: value.fileName, contentType: value.contentType, text: value.bytes.toString("utf8") } : value,
  );
}

const CASES = [
  { name: "a 1k letter, English, signature remembered", languageCode: "en", paragraphs: 2, answer: "Yes, remember it" },
  { name: "a 6k letter (two pages), Ukrainian, only this letter", languageCode: "uk", paragraphs: 11, answer: "Ні, лише для цього листа" },
] as const;

describe("the route step's answer on FSIN-pismo, call by call", () => {
  for (const { name, languageCode, paragraphs, answer } of CASES) {
    it(name, async () => {
      expectAsRecorded(FIXTURE, "UPDATE_ROUTE_CALLS", name, await callsOfFinishing(languageCode, paragraphs, answer));
    });
  }
});
