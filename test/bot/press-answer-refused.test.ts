import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { getNewsPreferences } from "../../src/db/repositories/subscriptions.js";
import { translator } from "../../src/telegram/i18n.js";
import { Harness } from "../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "../letters/flow/helpers.js";
import { importFictionalDirectory, TESTENKO } from "../news/fixtures.js";
import { organiser } from "../organisers/world.js";

/**
 * A press the bot takes more than ~15 s after it was made (after a restart, in a starved process): Telegram refuses
 * its answer. What was pressed is done and its screen shown; the refusal is logged, never shown as an error
 * (src/bot/press-answer.ts). Before, the refused answer threw: a flow stopped before acting and a menu after, and
 * the person read "something went wrong… try again" either way.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const t = translator("en");
const LATE = { lateMs: 20_000 };
const LETTER = "Здравствуйте, Борис Юльевич! Меня зовут Анна, я живу в Эдинбурге. Желаю Вам здоровья и интересных книг.";

function expectRefusalsLogged(count: number): void {
  expect(h.logs.filter((line) => line.includes("press answer refused by Telegram"))).toHaveLength(count);
}

describe("a press Telegram no longer takes an answer for", () => {
  it("in the letter flow: the check and the finish are done and shown, no error", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(LETTER);

    const check = textOf(await writer.press("Done: check the letter", LATE));
    expect(check).toContain("The check found nothing that is known to stop this letter");
    expect(writer.lastText()).toContain("How will you sign the letter?");
    await writer.send("Анна\nЭдинбург");
    const finished = textOf(await writer.press("Yes, remember it", LATE));

    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Анна" });
    expect(finished).toContain(`Your letter to Boris Kagarlitsky is ready. Its reference number: ${letter.reference}`);
    expect([check, finished].join("\n")).not.toContain(t("en", "error-generic"));
    // Both presses came too late for an answer; neither was answered.
    expect(h.fake.callbackAnswers).toEqual([]);
    expectRefusalsLogged(2);
    expectNoFailures(h);
  });

  it("in a menu: the delivery is switched and the menu shows it, the toast dropped", async () => {
    await importFictionalDirectory(h.db);
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    await reader.press("Follow the case");
    await reader.send("/subscriptions");
    const answers = h.fake.callbackAnswers.length;

    const shown = await reader.press("Daily digest", LATE);
    expect((await getNewsPreferences(h.db, reader.id)).delivery).toBe("digest");
    expect(reader.lastText()).toContain("one digest a day, at 19:00 your time (Europe/Kyiv)");
    expect(reader.buttons()).toContain("✓ Daily digest");
    // The menu is edited in place: no message was sent, neither the toast's text nor an error.
    expect(shown).toEqual([]);
    expect(h.fake.callbackAnswers).toHaveLength(answers);
    expectRefusalsLogged(1);
    expectNoFailures(h);
  });

  it("in a flow: the refusal is logged once, not again each time a later step replays the press", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/setstatus kagarlitsky-boris");
    await boss.press("released", LATE);
    expect(boss.lastText()).toContain("Send the link to the source");
    expectRefusalsLogged(1);
    // Each of these updates replays the flow from its start, the late press with it, whose refusal is in the replay log.
    await boss.send("https://example.org/news/kagarlitsky");
    await boss.send("2026-02");
    await boss.press("Save");
    expect(boss.lastText()).toContain("Saved. The change is in the prisoner's history");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status).toMatchObject({ value: "released", asOf: "2026-02" });
    expectRefusalsLogged(1);
    expectNoFailures(h);
  });

  it("an alert the person has to read comes as a message instead", async () => {
    const reader = h.user({ languageCode: "en" });
    await reader.send("/start");
    const menu = reader.messages.at(-1);
    const shown = await reader.pressData(menu?.message_id ?? 0, "gone:button", LATE);
    expect(shown.map((message) => message.text)).toEqual([t("en", "unhandled-stale-button")]);
    expectRefusalsLogged(1);
    expectNoFailures(h);
  });
});
