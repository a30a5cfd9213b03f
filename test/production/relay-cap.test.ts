import { afterEach, describe, expect, it } from "vitest";
import { relayQuota } from "../../src/services/relay/relay-quota.js";
import { getOrCreateDraft } from "../../src/db/repositories/letters.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { linkWorkingChat, relayLetter } from "../organisers/world.js";
import { textOf } from "../letters/flow/helpers.js";
import { lettersOf, startDraft } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

const DAY_MS = 24 * 60 * 60 * 1000;
const ORGANISERS_CHAT = -100_777_000_222;


/** Writes a letter to Kagarlitsky through the bot up to the choice of route, and returns the routes offered. */
async function routesOffered(writer: TestUser): Promise<string[]> {
  await startDraft(writer, "Здравствуйте, Борис Юльевич! Пишу Вам из Гента.");
  await writer.press("Done: check the letter");
  await writer.send("Ян");
  await writer.press("No, only this letter");
  return writer.buttons();
}

describe("MAX_RELAYS_PER_DAY", () => {
  it("stops offering the organisers' route after the day's relays, says until when, and offers it again a day later", async () => {
    h = await Harness.start({ env: { MAX_RELAYS_PER_DAY: "2" } });
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    expect(await routesOffered(writer)).toEqual(["Through the organisers", "FSIN-pismo"]);
    await writer.send("/cancel");

    await relayLetter(h, writer, { text: "Первое письмо." });
    h.clock.advance(60_000);
    await relayLetter(h, writer, { text: "Второе письмо." });
    const quota = await relayQuota(h.db, writer.id, h.clock.now(), 2);
    expect(quota).toMatchObject({ allowed: false, used: 2, limit: 2 });

    // Past the cap FSIN-pismo is the only route left: it is taken without a question (issue 15), with the reason.
    await startDraft(writer, "Здравствуйте, Борис Юльевич! Пишу Вам из Гента.");
    await writer.press("Done: check the letter");
    await writer.send("Ян");
    const said = textOf(await writer.press("No, only this letter"));
    const expectedTime = quota.nextAt!.toISOString().slice(0, 16).replace("T", " ");
    expect(said).toContain(`You have handed 2 letters to organisers in the last 24 hours — the limit for one day.`);
    expect(said).toContain(`after ${expectedTime} UTC`);
    expect(said).not.toContain("Through the organisers");
    expect((await lettersOf(h, writer.id)).at(-1)).toMatchObject({ status: "finished", route: "fsin_pismo" });

    h.clock.advance(DAY_MS);
    expect(await routesOffered(writer)).toEqual(["Through the organisers", "FSIN-pismo"]);
  });

  it("checks the cap again when the letter is finished: a relay counted meanwhile keeps this letter a draft", async () => {
    h = await Harness.start({ env: { MAX_RELAYS_PER_DAY: "1" } });
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    expect(await routesOffered(writer)).toEqual(["Through the organisers", "FSIN-pismo"]);
    // While the route is on the screen, another letter of this writer goes to the organisers (another chat, another
    // device): the day's one relay is used.
    const other = await getOrCreateDraft(h.db, writer.id, "balukh-volodymyr", h.clock.now());
    await h.db
      .updateTable("letters")
      .set({ route: "organisers", status: "discarded", finished_at: h.clock.now().toISOString() })
      .where("id", "=", other.id)
      .execute();

    await writer.press("Through the organisers");
    await writer.press("No, only the signature");
    expect(writer.lastText()).toContain("You have reached the day's limit of letters handed to organisers");
    const letters = await h.db.selectFrom("letters").select(["prisoner_slug", "status"]).where("writer_id", "=", writer.id).execute();
    expect(letters).toContainEqual({ prisoner_slug: "kagarlitsky-boris", status: "draft" });
    expect(h.fake.messages(ORGANISERS_CHAT)).toHaveLength(0);
  });

  it("counts a writer's relays only, in a rolling 24 hours, withdrawn ones included", async () => {
    h = await Harness.start();
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en" });
    const other = h.user({ languageCode: "en" });
    for (const user of [writer, other]) await user.send("/start");
    const first = await relayLetter(h, writer, { text: "Письмо." });
    await relayLetter(h, other, { text: "Письмо." });
    await h.db.updateTable("letters").set({ status: "discarded", text: null }).where("id", "=", first.id).execute();
    expect(await relayQuota(h.db, writer.id, h.clock.now(), 5)).toMatchObject({ allowed: true, used: 1 });
    expect(await relayQuota(h.db, writer.id, new Date(h.clock.now().getTime() + DAY_MS + 1), 5)).toMatchObject({ used: 0 });
    expect(await relayQuota(h.db, writer.id, h.clock.now(), 1)).toMatchObject({ allowed: false, used: 1 });
    expect(await relayQuota(h.db, writer.id, h.clock.now(), 0)).toMatchObject({ allowed: false });
  });
});
