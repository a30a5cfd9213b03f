import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { revokeOrganiser } from "../../src/db/repositories/roles.js";
import { cardAction, returnWithReason } from "../../src/services/relay/buttons.js";
import { changeRelayedLetterStatus } from "../../src/services/relay/status-change.js";
import { Harness } from "../helpers/harness.js";
import { someoneWaitsForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import type { TestUser } from "../helpers/test-user.js";
import { expectNoFailures, textOf } from "../letters/flow/helpers.js";
import { ADMIN_ID, auditActions, CAMPAIGN, linkedGroup, organiser, pressIn, relayLetter, settle, statusOf } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

/** The card of the letter in the group, as it reads now (edits applied). */
function cardOf(group: number, reference: string | null) {
  const card = h.fake.messages(group).find((message) => message.text?.startsWith("✉️") && message.text.includes(`${reference}`));
  if (!card) throw new Error(`no card for ${reference}`);
  return card;
}

function buttonLabels(group: number, reference: string | null): string[] {
  return cardOf(group, reference).reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
}

async function setUp(writerLanguage = "ru") {
  const boss = await organiser(h, { languageCode: "en" });
  const group = await linkedGroup(h, boss);
  const writer = h.user({ languageCode: writerLanguage });
  await writer.send("/start");
  const letter = await relayLetter(h, writer, { text: "Здравствуйте!" });
  await settle(h);
  return { boss, group, writer, letter };
}

async function press(user: TestUser, group: number, reference: string | null, data: string): Promise<string | undefined> {
  const answer = await pressIn(h, user, group, cardOf(group, reference).message_id, data);
  await settle(h);
  return answer;
}

describe("organiser buttons on a relayed letter", () => {
  it("accept → printed → sent → reply received: each edits the card, is audited and tells the writer in their language", async () => {
    const { boss, group, writer, letter } = await setUp("ru");
    const steps = [
      ["accept", "accepted", "Accepted by the organisers", "Организаторы приняли ваше письмо"],
      ["printed", "printed", "Printed", "напечатано, скоро его отправят"],
      ["sent", "sent", "Sent", "отправлено. Через тюремную цензуру"],
      ["reply", "reply_received", "Reply received", "пришёл ответ"],
    ] as const;
    for (const [action, status, label, notice] of steps) {
      const answer = await press(boss, group, letter.reference, cardAction.pack(action, letter.id));
      expect(answer).toBe(`Done: ${label}.`);
      expect(await statusOf(h, letter.id)).toBe(status);
      expect(cardOf(group, letter.reference).text).toContain(`Status: ${label}`);
      expect(writer.lastText()).toContain(notice);
      expect(writer.lastText()).toContain(letter.reference ?? "?");
    }
    expect(buttonLabels(group, letter.reference)).toEqual([]);
    expect(await auditActions(h, `letter:${letter.id}`)).toEqual(["letter.accepted", "letter.printed", "letter.sent", "letter.reply_received"]);
  });

  it("shows the next steps as buttons, and answers a repeated press without changing anything", async () => {
    const { boss, group, letter } = await setUp();
    expect(buttonLabels(group, letter.reference)).toEqual(["✅ Accept", "↩️ Return"]);
    await press(boss, group, letter.reference, cardAction.pack("accept", letter.id));
    expect(buttonLabels(group, letter.reference)).toEqual(["🖨 Printed", "↩️ Return"]);
    // A second organiser's client still showing the old buttons.
    const answer = await press(boss, group, letter.reference, cardAction.pack("accept", letter.id));
    expect(answer).toBe("Not changed: the letter is already “Accepted by the organisers”.");
    expect(await auditActions(h, `letter:${letter.id}`)).toEqual(["letter.accepted"]);
  });

  it("returns a letter with a preset reason; the writer sees it and can take the letter back to fix and resend", async () => {
    const { boss, group, writer, letter } = await setUp("uk");
    await press(boss, group, letter.reference, cardAction.pack("return", letter.id));
    expect(buttonLabels(group, letter.reference)).toEqual(["Not in Russian", "Risky wording", "No reliable address now", "← Back"]);
    await press(boss, group, letter.reference, cardAction.pack("back", letter.id));
    expect(buttonLabels(group, letter.reference)).toEqual(["✅ Accept", "↩️ Return"]);
    await press(boss, group, letter.reference, cardAction.pack("return", letter.id));
    // The organisers' card and answer say whom it went back to (the writer's own label is "Returned to you").
    expect(await press(boss, group, letter.reference, returnWithReason.pack(letter.id, "wording"))).toBe("Done: Returned to the writer.");

    expect(await statusOf(h, letter.id)).toBe("returned");
    expect(cardOf(group, letter.reference).text).toContain("Status: Returned to the writer");
    expect(await press(boss, group, letter.reference, cardAction.pack("accept", letter.id))).toBe("Not changed: the letter is already “Returned to the writer”.");
    expect(writer.lastText()).toContain("Організатори повернули ваш лист");
    expect(writer.lastText()).toContain("Причина: Ризиковані формулювання");
    // The button opens the draft at once: the writer's next message goes into the letter, not to a search.
    const reopened = await writer.press("Виправити й надіслати знову");
    expect(await statusOf(h, letter.id)).toBe("draft");
    expect(reopened[0]?.text).toContain("Ваш лист знову став чернеткою: виправте його тут");
    expect(reopened.at(-1)?.text).toContain("Кожне повідомлення стає новим абзацом");
    await writer.send("Я тоже люблю читать.");
    expect(writer.lastText()).toContain("Збережено.");
    expect((await h.db.selectFrom("letters").select("text").where("id", "=", letter.id).executeTakeFirstOrThrow()).text).toContain("Я тоже люблю читать.");

    // Finished again, it goes back to the organisers under the same reference, with a fresh card.
    const again = await relayLetter(h, writer, { text: "Здравствуйте! Исправленное письмо." });
    await settle(h);
    expect(again.id).toBe(letter.id);
    expect(again.reference).toBe(letter.reference);
    const cards = h.fake.messages(group).filter((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`));
    expect(cards).toHaveLength(2);
    expect(cards[1]?.text).toContain("Status: With the organisers");
  });

  it("says once why a returned letter cannot be sent again when the person can no longer be written to, and keeps it returned", async () => {
    const { boss, group, writer, letter } = await setUp("en");
    await press(boss, group, letter.reference, cardAction.pack("return", letter.id));
    await press(boss, group, letter.reference, returnWithReason.pack(letter.id, "address"));
    // Released since: the letter would become a draft nothing can send.
    const { status: before } = await h.db.selectFrom("prisoners").select("status").where("slug", "=", letter.prisoner_slug).executeTakeFirstOrThrow();
    await h.db.updateTable("prisoners").set({ status: "released" }).where("slug", "=", letter.prisoner_slug).execute();
    const answer = await writer.press("✏️ Edit and send again");
    expect(answer).toHaveLength(1);
    const text = textOf(answer);
    expect(text).toContain("This returned letter cannot be sent again now, so it stays as it is (to Boris Kagarlitsky)");
    expect(text).toContain("Good news: they are free");
    expect(text).not.toContain("fix it here");
    expect(text).not.toContain("You cannot write to");
    // The person's card first, then the refusal's ways forward (others of the campaign, following the case, browsing).
    const buttons = writer.buttons();
    expect(buttons[0]).toBe("👤 Boris Kagarlitsky");
    expect(buttons.slice(-2)).toEqual(["🔔 Follow the case", "📋 Browse"]);
    expect(await statusOf(h, letter.id)).toBe("returned");
    // The button stays on the notice: once the person can be written to again, it takes the letter back as before.
    await h.db.updateTable("prisoners").set({ status: before }).where("slug", "=", letter.prisoner_slug).execute();
    expect(textOf(await writer.press("✏️ Edit and send again"))).toContain("Your letter is a draft again: fix it here");
    expect(await statusOf(h, letter.id)).toBe("draft");
  });

  it("refuses organiser buttons to a non-organiser, to an organiser of another campaign and to a revoked organiser; an admin may act", async () => {
    const { boss, group, writer, letter } = await setUp();
    const stranger = h.user({ languageCode: "en" });
    const other = await organiser(h, { languageCode: "en", campaign: "crimean-political-prisoners" });
    for (const person of [stranger, other]) {
      const answer = await press(person, group, letter.reference, cardAction.pack("accept", letter.id));
      expect(answer).toBe("Only organisers of this letter's campaign can do this.");
    }
    const returned = await press(stranger, group, letter.reference, returnWithReason.pack(letter.id, "language"));
    expect(returned).toBe("Only organisers of this letter's campaign can do this.");
    const swapped = await press(stranger, group, letter.reference, cardAction.pack("return", letter.id));
    expect(swapped).toBe("Only organisers of this letter's campaign can do this.");
    expect(buttonLabels(group, letter.reference)).toEqual(["✅ Accept", "↩️ Return"]);

    await revokeOrganiser(h.db, { userId: boss.id, campaignSlug: CAMPAIGN, revokedBy: ADMIN_ID, at: h.clock.now() });
    expect(await press(boss, group, letter.reference, cardAction.pack("accept", letter.id))).toBe("Only organisers of this letter's campaign can do this.");
    expect(await statusOf(h, letter.id)).toBe("relayed");
    expect(writer.messages.filter((message) => message.text?.includes("приняли"))).toHaveLength(0);
    expect(await auditActions(h, `letter:${letter.id}`)).toEqual([]);

    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    expect(await press(admin, group, letter.reference, cardAction.pack("accept", letter.id))).toBe("Done: Accepted by the organisers.");
  });

  it("treats forged or stale button data as out of date", async () => {
    const { boss, group, letter } = await setUp();
    const card = cardOf(group, letter.reference);
    for (const data of ["orga:accept:999999", "orga:explode:1", "orgr:1:nonsense", `orga:accept:${letter.id}x`]) {
      const answer = await pressIn(h, boss, group, card.message_id, data);
      expect(answer, data).toBe("This button is out of date. Please open the menu again with /start.");
    }
    expect(await statusOf(h, letter.id)).toBe("relayed");
  });

  it.skipIf(!onPostgres)(postgresOnly("two organisers accepting one letter at the same moment: one accepts, the other is told it is accepted"), async () => {
    const { boss, group, writer, letter } = await setUp("en");
    const second = await organiser(h, { languageCode: "en" });
    const notices = () => writer.messages.filter((message) => message.text?.includes("accepted")).length;
    const before = notices();
    // The first organiser's press, handled by another instance: its transaction is still open when the second one's
    // press reads the letter as relayed.
    const first = await h.db.startTransaction().execute();
    const accepted = await changeRelayedLetterStatus(first, { letterId: letter.id, to: "accepted", actorId: boss.id, now: h.clock.now(), mayAct: async () => true });
    expect(accepted).toMatchObject({ ok: true, from: "relayed" });
    const secondPress = pressIn(h, second, group, cardOf(group, letter.reference).message_id, cardAction.pack("accept", letter.id));
    await someoneWaitsForALock(h.db, "letters");
    await first.commit().execute();
    expect(await secondPress).toBe("Not changed: the letter is already “Accepted by the organisers”.");
    await settle(h);
    expect(await statusOf(h, letter.id)).toBe("accepted");
    expect(await auditActions(h, `letter:${letter.id}`)).toEqual(["letter.accepted"]);
    expect(notices() - before).toBe(1);
    expectNoFailures(h);
  });
});
