import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { expectNoFailures } from "../letters/flow/helpers.js";
import { ADMIN_ID, CAMPAIGN, linkedGroup, organiser, sendIn } from "../organisers/world.js";

let h: Harness;
let admin: TestUser;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
  admin = h.user({ id: ADMIN_ID, languageCode: "en" });
  await admin.send("/start");
});
afterEach(async () => h.stop());

/** The command list Telegram shows in this person's private chat, if the bot set one for them. */
function menuOf(userId: number): string[] | undefined {
  const list = h.fake.commands.find((entry) => entry.scope.type === "chat" && "chat_id" in entry.scope && Number(entry.scope.chat_id) === userId);
  return list?.commands.map((command) => command.command);
}

describe("organisers can find their way", () => {
  it("publishes a scoped menu when an invite is redeemed and removes it when the role is revoked", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const payload = /start=(org_[\w-]+)/.exec(admin.lastText())?.[1];
    const newcomer = h.user({ languageCode: "en" });
    await newcomer.send("/start");
    expect(menuOf(newcomer.id)).toBeUndefined();
    await newcomer.send(`/start ${payload}`);
    const menu = menuOf(newcomer.id);
    expect(menu).toEqual(expect.arrayContaining(["start", "write", "help", "campaigns", "link", "print", "stats", "setstatus"]));
    expect(menu).not.toContain("invite");
    // Writers keep the public menu only.
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    expect(menuOf(writer.id)).toBeUndefined();

    await newcomer.send("/help");
    expect(newcomer.lastText()).toContain("Your organiser commands:\n/campaigns — Your campaigns and their chats");
    await writer.send("/help");
    expect(writer.lastText()).not.toContain("Your organiser commands");

    await admin.send("/organisers");
    await admin.press(String(newcomer.id));
    expect(menuOf(newcomer.id)).toBeUndefined();
    expectNoFailures(h);
  });

  it("gives an admin their menu when they open the bot (Telegram refuses it before they ever did)", async () => {
    expect(menuOf(ADMIN_ID)).toEqual(expect.arrayContaining(["invite", "organisers", "link", "campaigns", "start"]));
  });

  it("/campaigns lists campaigns by name in the reader's language, with the id /link takes, as buttons; the admin also sees the desk", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    await boss.send("/campaigns");
    expect(boss.lastText()).toContain(`• Open letter of Russian political prisoners (July 2025) — ${CAMPAIGN}`);
    expect(boss.buttons()).toEqual(["Open letter of Russian political prisoners (July 2025)"]);
    await boss.press("Open letter");
    expect(boss.lastText()).toContain("Letters arrive in «Листи до Кагарлицького».");
    const ukrainian = await organiser(h, { languageCode: "uk", campaign: "crimean-political-prisoners" });
    await ukrainian.send("/campaigns");
    expect(ukrainian.lastText()).toMatch(/• Кримськ.* — crimean-political-prisoners/);
    await admin.send("/campaigns");
    expect(admin.lastText()).toContain("• Organisation desk — desk");
    expect(admin.buttons()).toContain("Organisation desk");
    await admin.press("Organisation desk");
    expect(admin.lastText()).toContain("No chat is linked");
    const writer = h.user({ languageCode: "en" });
    await writer.send("/campaigns");
    expect(writer.lastText()).toBe("You are not an organiser of any campaign.");
    expectNoFailures(h);
  });

  it("answers /print, /stats and /help sent in a linked group instead of staying silent", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    for (const command of ["/print", "/stats"]) {
      await sendIn(h, boss, group, command);
      expect(h.fake.lastMessage(group)?.text).toContain(`${command} works in a private chat with me`);
    }
    await sendIn(h, boss, group, "/help");
    expect(h.fake.lastMessage(group)?.text).toContain("answer the letter's card with the photo or the file");
    expectNoFailures(h);
  });

  it("answers every other organiser or admin command sent in the group, in the sender's language, instead of staying silent", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    for (const command of ["/news", "/setstatus kagarlitsky-boris", "/move", "/review", "/campaigns", "/news@" + h.fake.botUsername]) {
      const before = h.fake.messages(group).length;
      await sendIn(h, boss, group, command);
      expect(h.fake.messages(group).length, command).toBe(before + 1);
      expect(h.fake.lastMessage(group)?.text, command).toBe(`${command.split(/[\s@]/)[0]} works in a private chat with me. Open the chat and send it there.`);
    }
    await sendIn(h, admin, group, "/invite");
    expect(h.fake.lastMessage(group)?.text).toBe("/invite works in a private chat with me. Open the chat and send it there.");
    const ukrainian = await organiser(h, { languageCode: "uk" });
    await sendIn(h, ukrainian, group, "/organisers");
    expect(h.fake.lastMessage(group)?.text).toBe("/organisers працює в особистому чаті зі мною. Відкрийте чат і надішліть команду там.");
    const russian = await organiser(h, { languageCode: "ru" });
    await sendIn(h, russian, group, "/news");
    expect(h.fake.lastMessage(group)?.text).toBe("/news работает в личном чате со мной. Откройте чат и отправьте команду там.");
    // /link stays the group's own command: it is not sent away to the private chat.
    await sendIn(h, boss, group, "/link");
    expect(h.fake.lastMessage(group)?.text).not.toContain("works in a private chat");
    expectNoFailures(h);
  });

  it("/forget tells an organiser, in their language, that the role ends too, and takes the organiser commands off their menu", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const boss = h.user({ languageCode: "en" });
    await boss.send(`/start ${/start=(org_[\w-]+)/.exec(admin.lastText())?.[1]}`);
    expect(menuOf(boss.id)).toContain("news");
    await boss.send("/forget");
    expect(boss.lastText()).toContain(
      "You also stop being an organiser of «Open letter of Russian political prisoners (July 2025)»: the organiser commands leave your menu, and an admin can invite you again.",
    );
    await boss.press("Yes, delete everything");
    expect(menuOf(boss.id)).toBeUndefined();
    await boss.send("/campaigns");
    expect(boss.lastText()).toBe("You are not an organiser of any campaign.");

    const ukrainian = await organiser(h, { languageCode: "uk" });
    await ukrainian.send("/forget");
    expect(ukrainian.lastText()).toContain("Ви також перестанете бути організатором кампаній «Відкритий лист російських політв'язнів (липень 2025)»");
    const russian = await organiser(h, { languageCode: "ru" });
    await russian.send("/forget");
    expect(russian.lastText()).toContain("Вы также перестанете быть организатором кампаний «Открытое письмо российских политзаключённых (июль 2025)»");
    // A writer is told nothing about roles they never had.
    const writer = h.user({ languageCode: "en" });
    await writer.send("/forget");
    expect(writer.lastText()).not.toContain("organiser");
  });

  it("explains /translation sent in private: it is the setting of the chat where letters arrive", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/translation on");
    expect(boss.lastText()).toContain("is a setting of the chat where letters arrive: send it in that group");
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/translation on");
    expect(writer.lastText()).toBe("Це інструмент для організаторів кампаній. Якщо ви збираєте листи для кампанії, попросіть в адміністратора посилання-запрошення.");
    const russian = await organiser(h, { languageCode: "ru" });
    await russian.send("/translation");
    expect(russian.lastText()).toContain("настройка чата, куда приходят письма");
  });
});
