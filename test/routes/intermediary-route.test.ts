import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertIntermediary } from "../../src/db/repositories/intermediaries.js";
import { Harness } from "../helpers/harness.js";
import { lettersOf, onlyLetter, textOf } from "../letters/flow/helpers.js";
import { ADMIN_ID, newChannelId, sendIn } from "../organisers/world.js";


const KAMARDIN = "kamardin-artem";
const LETTER = "Здравствуйте, Артём! Пишу Вам после работы.";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("a service recorded for this person", () => {
  it("is a route button with its as-of date and source; it gives the letter to paste, submits nothing, and the other routes stay", async () => {
    // A fact as an organiser or the registry sync would record it (test data, not a claim about RosUznik).
    await upsertIntermediary(h.db, { prisoner_slug: KAMARDIN, service: "rosuznik", url: "https://rosuznik.org/", as_of: "2026-11-30", source: "test fixture" });
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = newChannelId();
    h.fake.addGroup({ id: desk, title: "Lysty desk", type: "supergroup" });
    h.fake.setMember(desk, admin.id, "creator");
    await sendIn(h, admin, desk, "/link desk");

    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAMARDIN}`);
    await writer.send(LETTER);
    await writer.press("Done");
    await writer.send("Olena, Lviv");
    const routes = textOf(await writer.press("No, only this letter"));
    expect(routes).toContain("RosUznik: https://rosuznik.org/ (as of 2026-11-30, source: test fixture)");
    expect(writer.buttons()).toEqual(["Through the organisers", "📮 Through RosUznik"]);

    const packet = await writer.press("Through RosUznik");
    expect(packet[0]?.text).toContain("RosUznik delivers letters to Artem Kamardin (as of 2026-11-30, source: test fixture)");
    expect(packet[0]?.text).toContain("Lysty does not send anything for you");
    expect(packet[0]?.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ text: "🔗 RosUznik", url: "https://rosuznik.org/" });
    expect(packet[1]?.text).toContain(LETTER);
    expect(packet[1]?.text).toContain(`${LETTER}\n\nOlena\nLviv`);
    expect((await lettersOf(h, writer.id)).map((letter) => letter.status)).toEqual(["draft"]);

    // The route screen still works: the writer may send through the desk after all.
    await writer.press("Through the organisers");
    await writer.press(/^No/);
    expect((await onlyLetter(h, writer.id)).status).toBe("relayed");
  });

  it("makes a person without any other route writable: the route screen offers only the service", async () => {
    await upsertIntermediary(h.db, { prisoner_slug: KAMARDIN, service: "rosuznik", url: "https://rosuznik.org/", as_of: "2026-11-30", source: "test fixture" });
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAMARDIN}`);
    await writer.send(LETTER);
    await writer.press("Done");
    await writer.send("Olena");
    await writer.press("No, only this letter");
    expect(writer.buttons()).toEqual(["📮 Through RosUznik"]);
    const packet = await writer.press("Through RosUznik");
    expect(packet[1]?.text).toBe(`${LETTER}\n\nOlena`);
  });
});
