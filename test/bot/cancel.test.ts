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

  it("in the letter flow it says the draft is kept when there is one, and with nothing going on that there was nothing to cancel", async () => {
    const writer = h.user({ languageCode: "en" });
    // Before any text: no draft to talk about.
    await writer.send("/write");
    await writer.send("/cancel");
    expect(writer.lastText()).toBe("Stopped: nothing was sent and nothing changed.");
    await writer.send("/cancel");
    expect(writer.lastText()).toBe("There was nothing to cancel.");
    // With text written: the draft is kept, and the answer says so without hedging (uk, en, ru alike).
    for (const [languageCode, kept] of [
      ["en", "Stopped. Your draft is saved: you can come back to it later (/write)."],
      ["uk", "Зупинено. Чернетку листа збережено — до неї можна повернутися пізніше (/write)."],
      ["ru", "Остановлено. Черновик письма сохранён — к нему можно вернуться позже (/write)."],
    ] as const) {
      const author = h.user({ languageCode });
      await author.send("/start w_kagarlitsky-boris");
      await author.send("Здравствуйте, Борис Юльевич!");
      await author.send("/cancel");
      expect(author.lastText()).toBe(kept);
    }
    expectNoFailures(h);
  });
});
