import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo } from "./helpers.js";
import { expectAsRecorded, type Recorded, writersCallsSince } from "./recorded-calls.js";

/**
 * The findings screen of letters with findings, call by call as the fake Bot API recorded it, held to a copy recorded
 * from main `41f4d92`, before the flow kept only what the screen shows of the check (issue 14, thirteenth round): the
 * press of "Done", each "why?" (which the flow answers from what it stored of the check, replayed), "keep it as it
 * is" with its confirmation, and the signing screen's stage record (the findings' counts the letter keeps).
 * `UPDATE_CHECK_SCREENS=1` records the copy again, for a change that means the writer to receive something else.
 */
const FIXTURE = projectPath("test/fixtures/check-screens-flagged.json");
const AT = new Date("2026-11-23T12:00:00.000Z");
const CLEAN = "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова, у нас сегодня тепло, в парке цветут каштаны. ";
/** Nine kinds of finding (more than the screen's six lines), six politics fragments, and HTML's special characters quoted. */
const MANY_KINDS =
  'Я думаю о войне, армия Путина проиграет. Держитесь, скоро свобода. Путин и его режим — это диктатура. Деньги на карту 4276 1234 5678 9012. Hello <friend> & "you", how are you doing today my dear? Навальный, ФБК, митинг, побег, наркотики, оружие, взрывчатка, голодовка, адвокат сказал что суд купили.';
const WAR = "Я всё время думаю о войне, армия Путина проиграет. Держитесь! ";
/** Latin text whose quoted fragment carries `<`, `>`, `&` and quotes, which the screen must escape. */
const MARKUP = 'Dear <b>Boris</b> & "friends", it is <i>cold</i> here & we think of you & wait for you.';

/** Paragraphs of `CLEAN` filling `length` characters, with `extra` put at the UTF-16 offsets given (the letter's own). */
function letterWithFindingsAt(length: number, paragraphLength: number, at: ReadonlyArray<[number, string]>): string[] {
  let text = CLEAN.repeat(Math.ceil(length / CLEAN.length)).slice(0, length);
  for (const [offset, extra] of at) text = `${text.slice(0, offset)}${extra}${text.slice(offset + extra.length)}`;
  const paragraphs: string[] = [];
  for (let start = 0; start < text.length; start += paragraphLength + 2) paragraphs.push(text.slice(start, start + paragraphLength).trim());
  return paragraphs.filter((paragraph) => paragraph !== "");
}

const CASES = [
  {
    name: "nine kinds of finding in every other paragraph of a 12k letter, English",
    languageCode: "en",
    paragraphs: Array.from({ length: 20 }, (_, index) => `${index + 1}. ${CLEAN.repeat(index % 2 ? 6 : 3).trim()}${index % 2 ? "" : ` ${MANY_KINDS}`}`),
  },
  {
    name: "the same words in each of twelve 1k paragraphs (the bench's letter), Russian",
    languageCode: "ru",
    paragraphs: Array.from({ length: 12 }, () => `${WAR}${CLEAN.repeat(10)}`.slice(0, 998).trim()),
  },
  {
    // Telegram's 4,096-character messages: words flagged across each 4,096th character, in paragraphs of 4,000.
    name: "findings across the 4,096th and 8,192nd characters, Ukrainian",
    languageCode: "uk",
    paragraphs: letterWithFindingsAt(11_900, 4_000, [
      [3_990, " побег "],
      [4_088, " войне "],
      [4_095, " армия "],
      [8_186, " Путина "],
      [8_193, " ФБК "],
    ]),
  },
  {
    name: "HTML's special characters in quoted fragments, many of them, English",
    languageCode: "en",
    paragraphs: Array.from({ length: 8 }, (_, index) => `${CLEAN.repeat(2).trim()} ${MARKUP.replace("Boris", `Boris ${index + 1}`)} Путин & <война>`),
  },
  {
    name: "one piece of advice only, Ukrainian",
    languageCode: "uk",
    paragraphs: [`${CLEAN.trim()} Держитесь!`],
  },
] as const;

const KEEP = /^(Keep it as it is|Оставить как есть|Залишити як є)$/u;
const KEEP_YES = /^(Yes, keep it as it is|Да, оставить как есть|Так, залишити як є)$/u;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  h.clock.set(AT);
});
afterEach(async () => h.stop());

/** The flow's token, drawn at random when the letter is begun, written as a name. */
function withoutToken(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (JSON.parse(JSON.stringify(value).replaceAll(/"lw:[a-z0-9]+:/g, '"lw:<the flow\'s token>:')) as unknown) : value;
}

async function callsOf(writer: TestUser, act: () => Promise<unknown>): Promise<Recorded[]> {
  const from = h.fake.calls.length;
  await act();
  expectNoFailures(h);
  return writersCallsSince(h, from, writer.chatId, withoutToken);
}

async function signingStage(writerId: number): Promise<unknown> {
  const row = await h.db.selectFrom("users").select("letter_stage").where("id", "=", writerId).executeTakeFirstOrThrow();
  const stage = JSON.parse(row.letter_stage ?? "null") as { token?: string; press?: string } | null;
  // The token is drawn at random, the press (the one that led to the signing screen) is Telegram's callback query id.
  return stage ? { ...stage, token: "<the flow's token>", ...(stage.press ? { press: "<the press>" } : {}) } : stage;
}

describe("the findings screen, its \"why?\" answers and keeping the letter, as recorded before", () => {
  for (const { name, languageCode, paragraphs } of CASES) {
    it(name, async () => {
      const writer = h.user({ languageCode });
      await startWritingTo(writer, KAGARLITSKY);
      for (const paragraph of paragraphs) await writer.send(paragraph);
      const calls: Record<string, unknown> = { done: await callsOf(writer, () => writer.press(/Done|Готово/u)) };
      const whys = writer.buttons().filter((label) => label.startsWith("❓"));
      expect(whys.length).toBeGreaterThan(0);
      for (const why of whys) calls[why] = await callsOf(writer, () => writer.press(why));
      calls.keep = await callsOf(writer, async () => {
        await writer.press(KEEP);
        if (writer.buttons().some((label) => KEEP_YES.test(label))) await writer.press(KEEP_YES);
      });
      calls.stage = await signingStage(writer.id);
      expectAsRecorded(FIXTURE, "UPDATE_CHECK_SCREENS", name, calls);
    });
  }
});
