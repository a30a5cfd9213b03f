import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { expectNoFailures } from "../letters/flow/helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("/cancel says what it stopped", () => {
  it.each([
    ["en", "Stopped: nothing was sent and nothing changed."],
    ["uk", "Зупинено: нічого не надіслано й нічого не змінено."],
  ])("in a flow that is not a letter it does not talk about drafts (%s)", async (languageCode, stopped) => {
    const writer = h.user({ languageCode });
    await writer.send("Иванов");
    await writer.press("✍️");
    await writer.send("/cancel");
    expect(writer.lastText()).toBe(stopped);
    expect(writer.lastText()).not.toMatch(/draft|чернетк/i);
    expectNoFailures(h);
  });

  it("in the letter flow it says the draft is kept, and with nothing going on that there was nothing to cancel", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/write");
    await writer.send("/cancel");
    expect(writer.lastText()).toContain("Your draft, if any, is saved");
    await writer.send("/cancel");
    expect(writer.lastText()).toBe("There was nothing to cancel.");
  });
});
