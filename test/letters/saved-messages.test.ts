import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendDraftParagraph, findDraftTo, getOrCreateDraft, saveDraftText, startDraftText } from "../../src/db/repositories/letters.js";
import { touchUser } from "../../src/db/repositories/users.js";
import { holdsSavedMessage, SAVED_MESSAGES_BEFORE_ENTRY, SAVED_MESSAGES_KEPT } from "../../src/domain/letters/saved-messages.js";
import { countsOf } from "../../src/domain/letters/text-counts.js";
import type { ServiceDeps } from "../../src/services/deps.js";
import { saveDraftInput } from "../../src/services/letters/letters.js";
import { Harness } from "../helpers/harness.js";
import { captureLogs } from "../helpers/log-capture.js";

/**
 * The ids of the messages last saved into a draft (`letters.saved_messages`), by which the same message delivered
 * again by Telegram is recognised. The list grows in SQL alone (`savedMessagesWith`, db/repositories/letters.ts), in
 * every statement that saves a message's text: each must grow it by the one rule, on SQLite and on Postgres, and the
 * list stays bounded and never takes a fragment of an id for another.
 */

/** Distinct message ids of every size a safe integer has, in a fixed order (a linear congruential walk). */
function messageIds(count: number): number[] {
  let seed = 7;
  const ids = new Set<number>();
  while (ids.size < count) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const digits = 1 + (seed % 16);
    ids.add(Math.min(Number.MAX_SAFE_INTEGER, Math.floor((seed / 2_147_483_648) * 10 ** digits) + 1));
  }
  return [...ids];
}

/** The rule, stated: the list's last SAVED_MESSAGES_BEFORE_ENTRY characters (`,` for none), then the id and a comma. */
const grown = (list: string | null, id: number) => `${(list ?? ",").slice(-SAVED_MESSAGES_BEFORE_ENTRY)}${id},`;

describe("the draft's list in the database", () => {
  let h: Harness;
  let deps: ServiceDeps;
  const WRITER = 7_002;
  const OTHER = 7_003;
  const SLUG = "kagarlitsky-boris";
  beforeEach(async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    deps = { config: h.config, db: h.db, clock: h.clock, logger: captureLogs().logger };
    await touchUser(h.db, WRITER, "uk", h.clock.now());
    await touchUser(h.db, OTHER, "uk", h.clock.now());
  });
  afterEach(async () => h.stop());

  const listOf = async () => (await findDraftTo(h.db, WRITER, SLUG))?.saved_messages ?? null;

  it("grows by the rule through the writing stage's one statement, within its size, holding the last 11 ids and no fragment", async () => {
    const [first, ...rest] = messageIds(400);
    expect(await startDraftText(h.db, { writerId: WRITER, slug: SLUG, text: "Перший.", figures: countsOf("Перший."), message: first!, now: h.clock.now() })).toBeDefined();
    let expected = grown(null, first!);
    expect(await listOf()).toBe(expected);
    for (const [index, id] of rest.entries()) {
      const appended = await appendDraftParagraph(h.db, { writerId: WRITER, slug: SLUG, paragraph: "Ще.", figures: countsOf("Ще."), message: id, now: h.clock.now() });
      expect(appended).toBeDefined();
      expected = grown(expected, id);
      const list = await listOf();
      expect(list).toBe(expected);
      expect(list!.length).toBeLessThanOrEqual(SAVED_MESSAGES_KEPT);
      const saved = [first!, ...rest.slice(0, index + 1)];
      for (const kept of saved.slice(-11)) expect(holdsSavedMessage(list, kept)).toBe(true);
      // Every tail of the oldest id still (partly) in the list: a cut leaves a fragment that must not count.
      const oldest = list!.slice(0, list!.indexOf(",", 1));
      for (let start = 0; start < oldest.length; start++) {
        const fragment = Number(oldest.slice(start).replace(/^,/u, ""));
        if (fragment > 0 && !saved.includes(fragment)) expect(holdsSavedMessage(list, fragment)).toBe(false);
      }
    }
    expect(expected.length).toBeGreaterThan(SAVED_MESSAGES_KEPT - 20);
    expect(holdsSavedMessage(null, 1)).toBe(false);
  });

  it("grows alike through the full write (a message's edit) and the first text on an emptied draft; the Mini App's save keeps it", async () => {
    const ids = messageIds(40);
    const full = await getOrCreateDraft(h.db, OTHER, SLUG, h.clock.now());
    const fullList = async () => (await findDraftTo(h.db, OTHER, SLUG))?.saved_messages ?? null;
    let expected: string | null = null;
    let text = "";
    for (const id of ids) {
      text = text === "" ? "Перший." : `${text}\n\nЩе.`;
      expect(await saveDraftText(h.db, { letterId: full.id, writerId: OTHER, text, now: h.clock.now(), message: id })).toBe(true);
      expected = grown(expected, id);
      expect(await fullList()).toBe(expected);
    }
    expect(await saveDraftText(h.db, { letterId: full.id, writerId: OTHER, text: "З редактора.", now: h.clock.now(), expected: text })).toBe(true);
    expect(await saveDraftText(h.db, { letterId: full.id, writerId: OTHER, text: "Знову з редактора.", now: h.clock.now() })).toBe(true);
    expect(await fullList()).toBe(expected);
    // The first text of a draft emptied meanwhile: the upsert's conflict branch adds to the list it finds.
    await h.db.updateTable("letters").set({ text: "" }).where("id", "=", full.id).execute();
    await startDraftText(h.db, { writerId: OTHER, slug: SLUG, text: "Знову.", figures: countsOf("Знову."), message: 41, now: h.clock.now() });
    expect(await fullList()).toBe(grown(expected, 41));
  });

  it("refuses the same message a second time and answers it as saved, with the draft as it is", async () => {
    const draft = { writerId: WRITER, slug: SLUG, mode: "append" } as const;
    expect(await saveDraftInput(deps, { ...draft, text: "Добрий день!", message: 11 })).toMatchObject({ ok: true });
    expect(await saveDraftInput(deps, { ...draft, text: "Пишу з Кракова.", message: 12 })).toMatchObject({ ok: true });
    const paragraph = { writerId: WRITER, slug: SLUG, paragraph: "Пишу з Кракова.", figures: countsOf("Пишу з Кракова."), now: h.clock.now() };
    expect(await appendDraftParagraph(h.db, { ...paragraph, message: 12 })).toBeUndefined();
    const again = await saveDraftInput(deps, { ...draft, text: "Пишу з Кракова.", message: 12 });
    expect(again).toMatchObject({ ok: true, again: true, stats: { characters: "Добрий день!\n\nПишу з Кракова.".length } });
    // Message 1 is not 11, nor 2 12: a fragment is not an id.
    const other = await saveDraftInput(deps, { ...draft, text: "Бувайте.", message: 2 });
    expect(other.ok && other.again).toBe(undefined);
    expect((await findDraftTo(h.db, WRITER, SLUG))?.text).toBe("Добрий день!\n\nПишу з Кракова.\n\nБувайте.");
  });

  it("keeps the ids of a draft emptied and started again, so an earlier message is still known", async () => {
    await saveDraftInput(deps, { writerId: WRITER, slug: SLUG, mode: "append", text: "Добрий день!", message: 21 });
    const { id } = await getOrCreateDraft(h.db, WRITER, SLUG, h.clock.now());
    await h.db.updateTable("letters").set({ text: "" }).where("id", "=", id).execute();
    await startDraftText(h.db, { writerId: WRITER, slug: SLUG, text: "Знову.", figures: countsOf("Знову."), message: 22, now: h.clock.now() });
    expect(await listOf()).toBe(",21,22,");
  });
});
