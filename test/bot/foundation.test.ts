import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/repositories/users.js";
import { Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("first contact and language", () => {
  it.each([
    ["uk", "«Листи» допомагають"],
    ["en", "Lysty helps you write"],
    ["ru", "«Листы» помогают"],
  ])("answers /start in the user's Telegram language (%s)", async (languageCode, expected) => {
    const user = h.user({ languageCode });
    await user.send("/start");
    expect(user.lastText()).toContain(expected);
    expect(user.buttons().length).toBeGreaterThan(0);
  });

  it("falls back to the default locale (Ukrainian) for other languages", async () => {
    const user = h.user({ languageCode: "de" });
    await user.send("/start");
    expect(user.lastText()).toContain("«Листи» допомагають");
  });

  it("switches language with /language and remembers it across a restart", async () => {
    const user = h.user({ languageCode: "uk" });
    await user.send("/language");
    expect(user.lastText()).toContain("Оберіть мову");
    await user.press("English");
    expect(user.lastText()).toContain("Lysty helps you write");
    expect((await findUser(h.db, user.id))?.locale).toBe("en");

    await h.restart();
    await user.send("/help");
    expect(user.lastText()).toContain("How Lysty works");
  });

  it("publishes the command list in every UI language", async () => {
    const byLanguage = new Map(h.fake.commands.map((entry) => [entry.languageCode, entry.commands]));
    expect(byLanguage.get("uk")?.find((c) => c.command === "write")?.description).toBe("Написати листа");
    expect(byLanguage.get("en")?.find((c) => c.command === "write")?.description).toBe("Write a letter");
    expect(byLanguage.get("ru")?.find((c) => c.command === "write")?.description).toBe("Написать письмо");
    expect(byLanguage.get("")?.length).toBeGreaterThan(0);
  });
});

describe("input the bot does not expect", () => {
  it("answers stickers, photos and voice messages with a translated hint", async () => {
    const user = h.user({ languageCode: "en" });
    for (const sendMedia of [() => user.sendSticker(), () => user.sendPhoto(), () => user.sendVoice()]) {
      const replies = await sendMedia();
      expect(replies.map((reply) => reply.text).join("\n")).toContain("I only understand text messages");
    }
  });

  it("answers an unknown command and random text instead of staying silent", async () => {
    const user = h.user({ languageCode: "ru" });
    expect((await user.send("/frobnicate")).at(-1)?.text).toContain("Я не знаю такой команды");
  });

  it("tells the user a button is out of date when its data is unknown or forged", async () => {
    const user = h.user({ languageCode: "en" });
    await user.send("/start");
    const menu = user.messages.at(-1);
    await user.pressData(menu!.message_id, "zz:forged:1");
    expect(user.lastCallbackAnswer()).toContain("This button is out of date");
    await user.pressData(menu!.message_id, "lang:xx");
    expect(user.lastCallbackAnswer()).toContain("This button is out of date");
  });

  it("confirms /cancel even when nothing is running", async () => {
    const user = h.user({ languageCode: "en" });
    await user.send("/cancel");
    expect(user.lastText()).toContain("nothing to cancel");
  });

  it("apologises in the user's language when handling fails, and logs no message text", async () => {
    const user = h.user({ languageCode: "uk" });
    // A flood wait longer than an interactive reply may wait for makes the handler fail.
    h.fake.faults.add({ method: "sendMessage", kind: "429", retryAfter: 60, times: 1 });
    await user.send("/help секретний текст листа");
    expect(user.lastText()).toContain("у нас щось пішло не так");
    const logs = h.logs.join("\n");
    expect(logs).toContain("update failed");
    expect(logs).not.toContain("секретний");
  });

  it("still apologises with a message when a button press fails after it was answered", async () => {
    const user = h.user({ languageCode: "en" });
    await user.send("/language");
    h.fake.faults.add({ method: "editMessageText", kind: "429", retryAfter: 60, times: 1 });
    await user.press("Русский");
    expect(user.lastText()).toContain("у нас что-то пошло не так");
  });
});
