import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY } from "../letters/flow/helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("letters the writer sends themselves", () => {
  it("«I sent it», «A reply came» and a reply photo kept only for the writer, deleted by /forget", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const at = h.clock.now().toISOString();
    const { id } = await h.db
      .insertInto("letters")
      .values({ writer_id: writer.id, prisoner_slug: KAGARLITSKY, status: "finished", route: "fsin_pismo", reference: "L-2612-ABCD", text: "Здравствуйте!", created_at: at, updated_at: at, finished_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();

    await writer.send("/letters");
    await writer.press("📮 I sent L-2612-ABCD");
    expect(writer.lastText()).toContain("letter L-2612-ABCD is on its way");
    await writer.send("/letters");
    expect(writer.lastText()).toContain("FSIN-pismo — Sent");
    await writer.press("💌 A reply came: L-2612-ABCD");
    const prompt = writer.messages.at(-1)!;
    expect(prompt.text).toContain("answer this message with the photo");
    const status = await h.db.selectFrom("letters").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(status.status).toBe("reply_received");

    await h.handled(h.fake.injectMessage(writer.id, writer.id, { photo: {}, replyToMessageId: prompt.message_id }));
    expect(writer.lastText()).toBe("Kept with letter L-2612-ABCD. Only you can see it; /forget deletes it.");
    await writer.send("/letters");
    expect(writer.lastText()).toContain("L-2612-ABCD · 💌 reply here");
    // No more status buttons once the reply is in; another writer's press of the old button changes nothing.
    expect(writer.buttons().some((label) => label.includes("A reply came"))).toBe(false);
    const other = h.user({ languageCode: "en" });
    await other.send("/start");
    const forged = other.messages.at(-1)!.message_id;
    await h.handled(h.fake.injectCallbackQuery(other.id, other.id, forged, `lss:${id}`, { allowUnknownData: true }));
    expect(h.fake.callbackAnswers.at(-1)?.text).toBe("This letter cannot be marked like that now.");
    expect((await h.db.selectFrom("letters").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("reply_received");

    await writer.send("/forget");
    await writer.press("Yes, delete everything");
    expect(await h.db.selectFrom("letter_replies").selectAll().execute()).toEqual([]);
    expectNoFailures(h);
  });
});
