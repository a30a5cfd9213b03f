import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paragraphArg } from "../../../src/bot/features/letter/flow/paragraphs.js";
import { groupFindings } from "../../../src/bot/features/letter/render/findings.js";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { paragraphsHolding } from "../../../src/domain/letters/paragraphs.js";
import { readDraftText } from "../../../src/services/letters/letters.js";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo, textOf } from "./helpers.js";

/**
 * What the letter flow stores of the check while the findings screen waits (issue 14, thirteenth round): what the
 * screen shows, not the check's every finding, so that the stored flow, which every later press of the screen reads,
 * clones and writes, stays the same size however long the letter and however many its findings.
 */
const CLEAN = "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова, у нас сегодня тепло, в парке цветут каштаны. ";
/** Nine kinds of finding, more than the screen's six lines: tone and case past them; politics with six fragments, four quoted. */
const MANY_KINDS =
  "Я думаю о войне, армия Путина проиграет. Держитесь, скоро свобода. Путин и его режим — это диктатура. Деньги на карту 4276 1234 5678 9012. Навальный, ФБК, митинг, побег, наркотики, оружие, взрывчатка, голодовка, адвокат сказал что суд купили.";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

async function storedFlow(writer: TestUser): Promise<string> {
  const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(writer.chatId)).executeTakeFirstOrThrow();
  return row.value;
}

/** A writer on the findings screen of a letter of `copies` paragraphs, each holding every kind of finding. */
async function onFindingsScreen(copies: number): Promise<TestUser> {
  const writer = h.user({ languageCode: "en" });
  await startWritingTo(writer, KAGARLITSKY);
  for (let copy = 0; copy < copies; copy++) await writer.send(`${copy + 1}. ${CLEAN}${MANY_KINDS}`);
  await writer.press("Done: check the letter");
  expectNoFailures(h);
  return writer;
}

describe("the check a flow stores while its findings screen waits", () => {
  it("holds the fragments the screen can quote, not every finding: the same size for one paragraph and for thirty", async () => {
    const short = await storedFlow(await onFindingsScreen(1));
    const long = await storedFlow(await onFindingsScreen(30));
    // The fifth and sixth politics fragments are counted ("and 2 more"), the groups past six lines counted in one line.
    for (const stored of [short, long]) for (const unquoted of ["Навальный", "митинг", "адвокат сказал", "Держитесь"]) expect(stored).not.toContain(unquoted);
    // What differs: counts, the draft's figures, ids (a few digits more each); the 29 paragraphs' 570 findings are not there.
    expect(long.length - short.length).toBeLessThan(100);
  });

  it("replays a check stored by the older flow (the whole result, an anchor per group) as the same screen", async () => {
    const current = await onFindingsScreen(3);
    const older = await onFindingsScreen(3);
    const key = conversationKey(older.chatId);
    const text = (await readDraftText({ db: h.db } as never, older.id, KAGARLITSKY)) ?? "";
    const result = checkLetter(text, { system: "ru", status: "sentenced" });
    const groups = groupFindings(result.findings);
    const { paragraphs, indexes } = paragraphsHolding(text, groups.map((group) => group.first.start));
    const anchors = indexes.map((index) => paragraphArg(paragraphs, index));
    const stored = (await storedFlow(older)).replace(/\{"ok":true,"ret":\{"stats":.*?"anchors":\[[^\]]*\]\}\}/u, JSON.stringify({ ok: true, ret: { result, anchors } }));
    expect(stored).toContain('"ret":{"result":{"findings":');
    await h.db.updateTable("conversation_state").set({ value: stored }).where("key", "=", key).execute();

    for (const why of current.buttons().filter((label) => label.startsWith("❓"))) {
      expect(textOf(await older.press(why))).toBe(textOf(await current.press(why)));
    }
    // "Keep it as it is": the letter keeps the same counts of findings.
    for (const writer of [current, older]) {
      await writer.press("Keep it as it is");
      await writer.press("Yes, keep it as it is");
    }
    const stages = await h.db.selectFrom("users").select(["id", "letter_stage"]).where("id", "in", [current.id, older.id]).execute();
    const summaries = stages.map((row) => (JSON.parse(row.letter_stage ?? "{}") as { signing?: { summary?: unknown } }).signing?.summary);
    expect(summaries[0]).toBeDefined();
    expect(summaries[1]).toEqual(summaries[0]);
    expectNoFailures(h);
  });
});
