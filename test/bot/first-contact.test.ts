import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { letterOrganisersHold } from "../production/flows.js";

let h: Harness;
afterEach(async () => h?.stop());

/**
 * "First contact" (`touchUser`'s `created`) spares the flows' storage its read: nobody new can have a stored flow.
 * Someone known whose visit lands on the very millisecond their row carries must not be taken for new.
 */
describe("first contact", () => {
  it("is not a known person's visit at the millisecond their row was made: their flow in progress goes on", async () => {
    h = await Harness.start();
    // One millisecond for the whole session: every visit at the time the row was made, as on a host whose clock
    // was set back to it, or two visits in one millisecond.
    const at = h.clock.now();
    h.clock.now = () => new Date(at);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    // A letter organisers hold and a /forget: while that request waits, every visit is written (users.ts).
    await letterOrganisersHold(h, writer.id);
    await writer.send("/forget");
    await writer.press("Так, видалити все");

    await writer.send("/write");
    await writer.send("Петренко");
    expect(writer.lastText()).toContain("немає нікого");
    await writer.press("Написати людині, якої немає в списку");
    expect(writer.lastText()).toContain("ніхто інший не бачить");
    await writer.send("Петренко Олена");
    expect(writer.lastText()).not.toContain("немає нікого");
    expect(writer.buttons()).toContain("Жінка");
  });
});
