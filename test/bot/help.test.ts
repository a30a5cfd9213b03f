import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HELP_ONLY_COMMANDS, PUBLIC_COMMANDS } from "../../src/bot/commands.js";
import { ADMIN_COMMANDS, ORGANISER_COMMANDS } from "../../src/services/organisers/command-menus.js";
import { Harness } from "../helpers/harness.js";
import { expectNoFailures } from "../letters/flow/helpers.js";
import { ADMIN_ID, organiser } from "../organisers/world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

/** The commands a /help answer lists, in order. */
function commandsIn(text: string): string[] {
  return [...text.matchAll(/^\/(\w+) — /gmu)].map((match) => match[1] ?? "");
}

/** The command list Telegram shows in this person's private chat (their own menu, else the public one). */
function menuOf(userId: number, languageCode: string): string[] {
  const own = h.fake.commands.find((entry) => entry.scope.type === "chat" && "chat_id" in entry.scope && Number(entry.scope.chat_id) === userId);
  const list = own ?? h.fake.commands.find((entry) => entry.scope.type === "default" && entry.languageCode === languageCode);
  return (list?.commands ?? []).map((command) => command.command);
}

describe("/help lists every command the person has", () => {
  it.each(["uk", "en", "ru"])("a writer (%s): every command of the menu, then /mydata and /forget, each with its menu description", async (languageCode) => {
    const writer = h.user({ languageCode });
    await writer.send("/start");
    await writer.send("/help");
    const listed = commandsIn(writer.lastText());
    expect(listed).toEqual([...PUBLIC_COMMANDS, ...HELP_ONLY_COMMANDS]);
    expect(listed.filter((command) => !HELP_ONLY_COMMANDS.includes(command as never))).toEqual(menuOf(writer.id, languageCode));
    const menu = h.fake.commands.find((entry) => entry.languageCode === languageCode)?.commands ?? [];
    for (const { command, description } of menu) expect(writer.lastText()).toContain(`/${command} — ${description}`);
    expect(writer.lastText()).not.toMatch(/\/invite|\/campaigns|\/news|\/review/);
  });

  it("an organiser: the public commands and every organiser command of their menu, no admin ones", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/help");
    expect(boss.lastText()).toContain("Your organiser commands:\n/campaigns — Your campaigns and their chats");
    expect(commandsIn(boss.lastText())).toEqual([...PUBLIC_COMMANDS, ...HELP_ONLY_COMMANDS, ...ORGANISER_COMMANDS]);
    expect(boss.lastText()).toContain("/news — Publish case news");
    expect(boss.lastText()).not.toContain("Your admin commands");
  });

  it("an admin: organiser and admin commands under their own titles, also from the menu's help button", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "uk" });
    await admin.send("/start");
    await admin.press("❓ Довідка");
    const text = admin.lastText();
    expect(text).toContain("Ваші команди організатора:");
    expect(text).toContain("Ваші команди адміністратора:\n/invite — Запросити організатора");
    expect(commandsIn(text)).toEqual([...PUBLIC_COMMANDS, ...HELP_ONLY_COMMANDS, ...ORGANISER_COMMANDS, ...ADMIN_COMMANDS]);
    expect(commandsIn(text).filter((command) => !HELP_ONLY_COMMANDS.includes(command as never))).toEqual(menuOf(ADMIN_ID, "uk"));
    expectNoFailures(h);
  });
});
