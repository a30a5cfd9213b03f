import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { appendDraftParagraph, discardDraft, draftCounts, getOrCreateDraft } from "../../../src/db/repositories/letters.js";
import { touchUser } from "../../../src/db/repositories/users.js";
import { letterStats } from "../../../src/domain/censorship/stats.js";
import { normaliseLetterText } from "../../../src/domain/letters/draft.js";
import { editDraft } from "../../../src/domain/letters/draft-edit.js";
import { paragraphTag } from "../../../src/domain/letters/paragraphs.js";
import { countsOf } from "../../../src/domain/letters/text-counts.js";
import type { ServiceDeps } from "../../../src/services/deps.js";
import { loadTarget, readDraftStats, saveDraftInput } from "../../../src/services/letters/letters.js";
import { changeParagraph } from "../../../src/services/letters/paragraphs.js";
import { draftVersion, saveEditedDraft } from "../../../src/services/webapp/editor.js";
import * as textCountsMigration from "../../../migrations/202612062210_letter_text_counts.js";
import { Harness } from "../../helpers/harness.js";
import { captureLogs } from "../../helpers/log-capture.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "./helpers.js";

/**
 * The draft's running figures (issue 14): a message in the writing stage adds its paragraph and its own figures in one
 * UPDATE; every other write counts the whole text. Whatever the writer does, the stored figures must be those of the
 * stored text, and the text the one `editDraft` (the full path) would have made.
 */
let h: Harness;
let deps: ServiceDeps;
beforeEach(async () => {
  h = await Harness.start({ newsScheduler: "manual", env: { RATE_LIMIT_PER_MINUTE: "0" } });
  deps = { config: h.config, db: h.db, clock: h.clock, logger: captureLogs().logger };
  await touchUser(h.db, WRITER, "uk", h.clock.now());
});
afterEach(async () => h.stop());

const WRITER = 7_001;
/** Each message a message id of its own, as Telegram gives them: the draft remembers them (saved-messages.ts). */
let nextMessage = 1;
const message = () => nextMessage++;
const draftRow = async (writerId = WRITER) =>
  h.db.selectFrom("letters").selectAll().where("writer_id", "=", writerId).where("status", "=", "draft").executeTakeFirstOrThrow();

/** The stored figures are the stored text's, and the screen's figures (letterStats) follow from them. */
async function expectCountsTrue(writerId = WRITER): Promise<string> {
  const row = await draftRow(writerId);
  expect(draftCounts(row)).toEqual(countsOf(row.text));
  return row.text ?? "";
}

async function setDraft(text: string | null, options: { counted: boolean } = { counted: true }): Promise<void> {
  const draft = await getOrCreateDraft(h.db, WRITER, KAGARLITSKY, h.clock.now());
  const counts = options.counted ? countsOf(text) : { characters: null, words: null, lines: null };
  await h.db
    .updateTable("letters")
    .set({ text, text_characters: counts.characters, text_words: counts.words, text_lines: counts.lines })
    .where("id", "=", draft.id)
    .execute();
}

describe("a message added in the writing stage", () => {
  const CLOSING = "Обіймаю, тримайтеся! 🌻\nАнна";
  const cases: { name: string; draft: string | null; message: string; closing?: string; counted?: boolean }[] = [
    { name: "at the end", draft: "Добрий день!", message: "  Пишу з Кракова.  \r\n" },
    { name: "into an empty draft (the first text)", draft: null, message: "Добрий день!" },
    { name: "before the closing, when the draft is the closing alone", draft: CLOSING, message: "Як Ви?", closing: CLOSING },
    { name: "before the closing, after a blank line", draft: `Добрий день!\n\n${CLOSING}`, message: "Як Ви?\n\n\n\nЯ в Києві.", closing: CLOSING },
    { name: "before a closing the draft ends with on the same line (full path)", draft: `Добрий день! ${CLOSING}`, message: "Як Ви?", closing: CLOSING },
    { name: "before a closing after a single line break (full path)", draft: `Добрий день!\n${CLOSING}`, message: "Як Ви?", closing: CLOSING },
    { name: "at the end, when the writer changed the closing", draft: `Добрий день!\n\n${CLOSING}!`, message: "Як Ви?", closing: CLOSING },
    { name: "to a draft from before the running figures (counted once)", draft: "Добрий день!\n\nЯк Ви?", message: "Пишу знову.", counted: false },
  ];
  it("is one UPDATE where the text allows it, and leaves the others to the full path", async () => {
    const ending = normaliseLetterText(CLOSING);
    const append = (paragraph: string, withEnding?: string) =>
      appendDraftParagraph(h.db, { writerId: WRITER, slug: KAGARLITSKY, paragraph, figures: countsOf(paragraph), ...(withEnding ? { ending: withEnding } : {}), message: message(), now: h.clock.now() });
    await setDraft(ending);
    expect(await append("Як Ви?", ending)).toMatchObject({ beforeEnding: true, counts: countsOf(`Як Ви?\n\n${ending}`) });
    expect(await append("Я в Києві.", ending)).toMatchObject({ beforeEnding: true, counts: countsOf(`Як Ви?\n\nЯ в Києві.\n\n${ending}`) });
    expect(await expectCountsTrue()).toBe(`Як Ви?\n\nЯ в Києві.\n\n${ending}`);
    expect(await append("Після.", `${ending}!`)).toMatchObject({ beforeEnding: false });
    expect(await append("Ще.")).toMatchObject({ beforeEnding: false });
    expect(await expectCountsTrue()).toBe(`Як Ви?\n\nЯ в Києві.\n\n${ending}\n\nПісля.\n\nЩе.`);
    // Ends with the closing, but not after a blank line: the full path normalises what comes before it.
    await setDraft(`Добрий день!\n${ending}`);
    expect(await append("Як Ви?", ending)).toBeUndefined();
    // Not counted yet, empty, or past the limit: the full path.
    await setDraft("Добрий день!", { counted: false });
    expect(await append("Як Ви?")).toBeUndefined();
    await setDraft(null);
    expect(await append("Як Ви?")).toBeUndefined();
    await setDraft("я".repeat(11_990));
    expect(await append("123456789")).toBeUndefined();
    expect(await append("12345678")).toMatchObject({ counts: { characters: 12_000 } });
  });

  for (const { name, draft, message, closing, counted = true } of cases) {
    it(`goes where the full path puts it, with the figures of the text: ${name}`, async () => {
      await setDraft(draft, { counted });
      const expected = editDraft(draft, message, "append", closing);
      if (!expected.ok) throw new Error("the case must be a saved message");
      const outcome = await saveDraftInput(deps, { writerId: WRITER, slug: KAGARLITSKY, text: message, mode: "append", message: nextMessage++, ...(closing ? { closing } : {}) });
      expect(outcome).toMatchObject({ ok: true, stats: letterStats(expected.text), before: expected.beforeClosing === true });
      expect(await expectCountsTrue()).toBe(expected.text);
    });
  }

  it("is refused past 12,000 characters or when blank, leaving the draft and its figures as they were", async () => {
    const long = Array.from({ length: 11 }, () => "Пишу Вам снова. ".repeat(62).trim()).join("\n\n");
    await setDraft(long);
    const tooLong = await saveDraftInput(deps, { writerId: WRITER, slug: KAGARLITSKY, text: "я".repeat(2_000), mode: "append", message: message() });
    expect(tooLong).toMatchObject({ ok: false, reason: "too-long", stats: letterStats(long) });
    const blank = await saveDraftInput(deps, { writerId: WRITER, slug: KAGARLITSKY, text: " \n\t ", mode: "append", message: message() });
    expect(blank).toMatchObject({ ok: false, reason: "empty", stats: letterStats(long) });
    expect(await expectCountsTrue()).toBe(long);
  });

  it("keeps the figures true through paragraph edits, deletions, moves, a replacement and Mini App saves", async () => {
    await setDraft("Перший абзац.");
    const append = (text: string) => saveDraftInput(deps, { writerId: WRITER, slug: KAGARLITSKY, text, mode: "append", message: message() });
    const paragraph = async (index: number) => ((await draftRow()).text ?? "").split("\n\n")[index] ?? "";
    const change = async (edit: Parameters<typeof changeParagraph>[1]["edit"]) =>
      changeParagraph(deps, { writerId: WRITER, slug: KAGARLITSKY, tag: paragraphTag(await paragraph(edit.index)), edit });

    await append("Другий абзац, довший за рядок друку: жовто-блакитний прапор, м'ясо, don't, 2024 🌻.");
    await append("Третій.");
    expect(await change({ kind: "replace", index: 1, text: "Новий другий.\n\nІ ще один." })).toMatchObject({ ok: true });
    await expectCountsTrue();
    await append("П'ятий.");
    expect(await change({ kind: "delete", index: 0 })).toMatchObject({ ok: true });
    await expectCountsTrue();
    expect(await change({ kind: "move", index: 2, by: -1 })).toMatchObject({ ok: true });
    await append("Шостий.");
    expect(await expectCountsTrue()).toBe("Новий другий.\n\nТретій.\n\nІ ще один.\n\nП'ятий.\n\nШостий.");
    // The rest of a paste that replaced a paragraph goes in after it (writing stage, docs/letter-flow-stages.md).
    expect(await change({ kind: "follow", index: 0, text: "Продовження першого." })).toMatchObject({ ok: true });
    expect(await expectCountsTrue()).toBe("Новий другий.\n\nПродовження першого.\n\nТретій.\n\nІ ще один.\n\nП'ятий.\n\nШостий.");

    const before = (await draftRow()).text;
    const saved = await saveEditedDraft(deps, WRITER, { slug: KAGARLITSKY, text: "Усе спочатку, з редактора.\r\n\r\n\r\nДругий рядок  ", baseVersion: draftVersion(before) });
    expect(saved).toMatchObject({ kind: "saved", stats: letterStats("Усе спочатку, з редактора.\n\nДругий рядок") });
    await expectCountsTrue();
    await append("Після редактора.");
    expect(await expectCountsTrue()).toBe("Усе спочатку, з редактора.\n\nДругий рядок\n\nПісля редактора.");

    await saveDraftInput(deps, { writerId: WRITER, slug: KAGARLITSKY, text: "Заново.", mode: "replace" });
    await append("І далі.");
    expect(await expectCountsTrue()).toBe("Заново.\n\nІ далі.");

    // Discarded: the text goes, and its figures with it.
    const { id } = await draftRow();
    expect(await discardDraft(h.db, id, WRITER, h.clock.now())).toBe(true);
    const discarded = await h.db.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect([discarded.text, discarded.text_characters, discarded.text_words, discarded.text_lines]).toEqual([null, null, null, null]);
  });
});

describe("drafts written before the running figures", () => {
  it("show the text's figures to the lookup and to readDraftStats, counted or not (one statsOfDraft serves both)", async () => {
    const text = "Добрий день!\n\nДовгий абзац про жовто-блакитний прапор, м'ясо, don't, 2024 🌻.\n\nОбіймаю.";
    const lookupStats = async () => {
      const lookup = await loadTarget(deps, KAGARLITSKY, WRITER);
      if (lookup.kind !== "ok") throw new Error(`the lookup must find ${KAGARLITSKY}`);
      return lookup.target.draft?.stats;
    };
    for (const counted of [true, false]) {
      await setDraft(text, { counted });
      expect(await lookupStats()).toEqual(letterStats(text));
      expect(await readDraftStats(deps, WRITER, KAGARLITSKY)).toEqual(letterStats(text));
    }
    // Counted figures are what both read: figures that disagree with the text show, proving the text is not recounted.
    await h.db.updateTable("letters").set({ text_characters: 1, text_words: 2, text_lines: 3 }).where("writer_id", "=", WRITER).execute();
    const kept = { characters: 1, words: 2, pages: 1 };
    expect(await lookupStats()).toEqual(kept);
    expect(await readDraftStats(deps, WRITER, KAGARLITSKY)).toEqual(kept);
  });

  it("are carried over by the migration: text kept, counted by the next message, which the writer sees with the right figures", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris, I am writing from Kraków.");
    await writer.send("The chestnuts are in bloom.");
    // The schema as it was before the migration (no figures), then the migration itself on the existing draft.
    await textCountsMigration.down(h.db);
    const { rows } = await sql<{ text: string }>`select text from letters where writer_id = ${writer.id}`.execute(h.db);
    expect(rows.map((row) => row.text)).toEqual(["Dear Boris, I am writing from Kraków.\n\nThe chestnuts are in bloom."]);
    await textCountsMigration.up(h.db);
    expect(draftCounts(await onlyLetter(h, writer.id))).toBeUndefined();

    expect(textOf(await writer.send("I read every evening."))).toMatch(/^Saved\./u);
    const letter = await onlyLetter(h, writer.id);
    expect(letter.text).toBe("Dear Boris, I am writing from Kraków.\n\nThe chestnuts are in bloom.\n\nI read every evening.");
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    expect(writer.lastText()).toContain(`${letterStats(letter.text ?? "").words} words`);
    await writer.send("And you?");
    expect(draftCounts(await onlyLetter(h, writer.id))).toEqual(countsOf((await onlyLetter(h, writer.id)).text));
    expectNoFailures(h);
  });
});

describe("the flow storage while in the writing stage", () => {
  it("is not read; a flow a crash left behind is deleted when the stage is left, never replayed", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris,");
    // What a crash between entering the stage and the flow's end would leave: a row no current flow could replay.
    await h.db.insertInto("conversation_state").values({ key: conversationKey(writer.id), value: "not a stored flow", updated_at: h.clock.now().toISOString() }).execute();
    expect(textOf(await writer.send("I am writing from Kraków."))).toMatch(/^Saved\./u);
    expect(textOf(await writer.send("/cancel"))).toContain("saved");
    expect(await h.db.selectFrom("conversation_state").select("key").where("key", "=", conversationKey(writer.id)).execute()).toEqual([]);
    await writer.send("/start");
    expect((await onlyLetter(h, writer.id)).text).toBe("Dear Boris,\n\nI am writing from Kraków.");
    expectNoFailures(h);
  });

  it("is read again once a button enters the conversation, which resumes after a restart", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris,");
    await writer.send("I am writing from Kraków.");
    expect(textOf(await writer.press("Replace all of it"))).toContain("Send the new text of the whole letter");
    await h.restart();
    expect(textOf(await writer.send("Dear Boris, a new letter."))).toMatch(/^Saved\./u);
    expect((await onlyLetter(h, writer.id)).text).toBe("Dear Boris, a new letter.");
    // Back in the stage: the next message is a paragraph again, with its figures.
    expect(textOf(await writer.send("From Vilnius now."))).toMatch(/^Saved\./u);
    const letter = await onlyLetter(h, writer.id);
    expect(letter.text).toBe("Dear Boris, a new letter.\n\nFrom Vilnius now.");
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    expectNoFailures(h);
  });
});
