import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { asPastes, expectNoFailures, KAGARLITSKY, startWritingTo, textOf } from "./helpers.js";
import { writersCallsSince } from "./recorded-calls.js";

/**
 * The check run while the writer pauses (services/letters/check-ahead.ts) seen by the writer: "Done" after a change
 * made since that check checks the draft as it now is.
 */
const AT = new Date("2026-11-23T12:00:00.000Z");
const CLEAN = `${"Здравствуйте, Борис Юльевич! Пишу Вам из Кракова, у нас сегодня тепло, в парке цветут каштаны. ".repeat(6).trim()}`;
const FLAGGED = "Я всё время думаю о войне, армия Путина проиграет.";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  h.clock.set(AT);
});
afterEach(async () => h.stop());

/** The writer pastes `paragraphs` and pauses: their draft is checked ahead. */
async function writeAndPause(writer: TestUser, paragraphs: readonly string[]): Promise<void> {
  await startWritingTo(writer, KAGARLITSKY);
  for (const message of asPastes(paragraphs)) await writer.send(message);
  h.clock.advance(2_000);
  await h.running.checksAhead.settled();
  expect(h.running.checksAhead.memory.size().writers).toBe(1);
}

/** The calls of "Done", the chat and the flow's token written as names. */
async function callsOfDone(writer: TestUser) {
  const from = h.fake.calls.length;
  await writer.press("Done: check the letter");
  expectNoFailures(h);
  return writersCallsSince(h, from, writer.chatId, (value) => JSON.parse(JSON.stringify(value ?? null).replaceAll(/"lw:[a-z0-9]+:/g, '"lw:<token>:')) as unknown);
}

describe('"Done" after a change made since the pause\'s check', () => {
  it("a paragraph deleted from the draft's list (no message the stage saw): the draft is checked as it is now", async () => {
    const writer = h.user({ languageCode: "en" });
    await writeAndPause(writer, [CLEAN, CLEAN, `${CLEAN} ${FLAGGED}`, CLEAN, CLEAN, CLEAN]);
    await writer.press("Show the draft");
    await writer.press(/^3$/u);
    expect(textOf(await writer.press("Delete the paragraph"))).toContain("Paragraph 3 deleted.");
    const done = await callsOfDone(writer);
    // "Done" was the writing stage's (the check ahead was there to take) and found what is left clean.
    expect(h.running.checksAhead.memory.size().writers).toBe(0);
    expect(JSON.stringify(done)).not.toContain("❓");

    const control = h.user({ languageCode: "en" });
    await startWritingTo(control, KAGARLITSKY);
    for (const paragraph of [CLEAN, CLEAN, CLEAN, CLEAN, CLEAN]) await control.send(paragraph);
    expect(done).toEqual(await callsOfDone(control));
  });

  it("a message sent after the pause: the kept check is let go and the new paragraph's findings are shown", async () => {
    const writer = h.user({ languageCode: "en" });
    await writeAndPause(writer, [CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, CLEAN]);
    await writer.send(FLAGGED);
    expect(h.running.checksAhead.memory.size().writers).toBe(0);
    const done = await callsOfDone(writer);
    expect(JSON.stringify(done)).toContain("❓");

    const control = h.user({ languageCode: "en" });
    await startWritingTo(control, KAGARLITSKY);
    for (const paragraph of [CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, CLEAN, FLAGGED]) await control.send(paragraph);
    expect(done).toEqual(await callsOfDone(control));
  });
});
