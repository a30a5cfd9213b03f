import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { UploadedFile } from "../../../packages/fake-telegram/src/params.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo } from "./helpers.js";

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

type Recorded = { method: string; params: Record<string, unknown> };

/** The calls of one press, the writer's chat id and letter-independent ids written as names. */
async function callsOfFinishing(languageCode: string, paragraphs: number, answer: string): Promise<Recorded[]> {
  const writer = h.user({ languageCode });
  await startWritingTo(writer, KAGARLITSKY);
  for (let index = 0; index < paragraphs; index++) await writer.send(`${index + 1}. ${PARAGRAPH.repeat(6).trim()}`);
  await writer.press(/Done|Готово/);
  await writer.send("Оксана\nЛьвів");
  const from = h.fake.calls.length;
  await writer.press(answer);
  expectNoFailures(h);
  // The bot's long polling goes on meanwhile: its calls are not the writer's.
  return h.fake.calls
    .slice(from)
    .filter(({ method }) => method !== "getUpdates")
    .map(({ method, params }) => ({ method, params: normalised(params, writer.chatId) }));
}

function normalised(params: Record<string, unknown>, chatId: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (value instanceof UploadedFile) return [name, { fileName: value.fileName, contentType: value.contentType, text: value.bytes.toString("utf8") }];
      if (name === "chat_id") return [name, Number(value) === chatId ? "<the writer's chat>" : value];
      if (name === "callback_query_id") return [name, "<the pressed button>"];
      return [name, value];
    }),
  );
}

const CASES = [
  { name: "a 1k letter, English, signature remembered", languageCode: "en", paragraphs: 2, answer: "Yes, remember it" },
  { name: "a 6k letter (two pages), Ukrainian, only this letter", languageCode: "uk", paragraphs: 11, answer: "Ні, лише для цього листа" },
] as const;

describe("the route step's answer on FSIN-pismo, call by call", () => {
  for (const { name, languageCode, paragraphs, answer } of CASES) {
    it(name, async () => {
      const calls = await callsOfFinishing(languageCode, paragraphs, answer);
      const recorded: Record<string, Recorded[]> = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, Recorded[]>) : {};
      if (process.env.UPDATE_ROUTE_CALLS === "1") {
        writeFileSync(FIXTURE, `${JSON.stringify({ ...recorded, [name]: calls }, null, 1)}\n`);
        return;
      }
      expect(recorded[name], `no recorded calls for "${name}": run with UPDATE_ROUTE_CALLS=1`).toBeDefined();
      expect(calls).toEqual(recorded[name]);
    });
  }
});
