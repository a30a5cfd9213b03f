import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { summariseFindings } from "../../src/domain/letters/findings-summary.js";
import { hasOrganiserRelay, NoOrganiserChatError } from "../../src/services/relay/relay-letter.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, CAMPAIGN, linkedGroup, organiser, PRISONER, relayLetter, settle, statusOf } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("relaying a letter to the organisers' chat", () => {
  it("posts a card and the letter, escaped: <b> and & show literally, nothing is bold that the writer typed", async () => {
    const boss = await organiser(h);
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const text = "Здравствуйте, Борис Юльевич!\n\nПишу вам <b>не жирным</b> & без тегов. 5 < 6 > 4.\n\nДержитесь.";
    const letter = await relayLetter(h, writer, { text, findingsSummary: summariseFindings(checkLetter(text, { system: "ru" }).findings) });
    await settle(h);

    const [card, body, ...rest] = h.fake.messages(group).slice(1);
    expect(rest).toEqual([]);
    expect(card?.text).toContain(`Лист ${letter.reference}`);
    expect(card?.text).toContain("Кому: Кагарлицкий Борис Юльевич, 1958 г.р.");
    expect(card?.text).toContain("Установа: ИК-4 (Торжок), Тверская область");
    expect(card?.text).toContain("Рекомендований шлях: «ФСИН-письмо»");
    expect(card?.text).toContain("Підпис: Олена, Київ");
    expect(card?.text).toContain("Автор у Telegram: прихований");
    expect(card?.text).toContain("Статус: В організаторів");
    expect(card?.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toEqual(["✅ Прийняти", "↩️ Повернути"]);
    expect(body?.text).toContain("Пишу вам <b>не жирным</b> & без тегов. 5 < 6 > 4.");
    expect(body?.text).toContain("Олена\nКиїв");
    // Only the reference header is bold; the writer's "<b>" stayed text.
    expect(body?.entities?.filter((entity) => entity.type === "bold")).toHaveLength(1);
    expect(await statusOf(h, letter.id)).toBe("relayed");
    expect(h.logs.join("\n")).not.toContain("не жирным");
  });

  it("names the writer's Telegram account only when they agreed to share it", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await relayLetter(h, writer, { text: "Добрый день!", shareIdentity: true, writer: { username: "olena_k" } });
    await relayLetter(h, writer, { text: "Второе письмо.", prisoner: "gorinov-aleksei", writer: { username: "olena_k" } });
    await settle(h);
    const cards = h.fake.messages(group).filter((message) => message.text?.includes("Writer in Telegram"));
    expect(cards).toHaveLength(2);
    expect(cards[0]?.text).toContain("Writer in Telegram: @olena_k");
    expect(cards[0]?.entities?.some((entity) => entity.type === "text_link" && entity.url === `tg://user?id=${writer.id}`)).toBe(true);
    expect(cards[1]?.text).toContain("Writer in Telegram: not shared");
    expect(cards[1]?.text).not.toContain("olena_k");
  });

  it("summarises check findings as counts per category, never quoting the letter", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await relayLetter(h, writer, { text: "Текст.", findingsSummary: { war: { block: 2 }, tone: { advice: 1 } } });
    await settle(h);
    const card = h.fake.messages(group).find((message) => message.text?.includes("Check:"));
    expect(card?.text).toContain("Check: ⛔ war and army: 2, 💬 tone: 1");
  });

  it("sends a long letter in clean parts, each headed by the reference", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const paragraph = "Это длинный абзац письма, в котором много слов и предложений. ".repeat(30).trim();
    const text = Array.from({ length: 3 }, () => paragraph).join("\n\n");
    const letter = await relayLetter(h, writer, { text });
    await settle(h);
    const parts = h.fake.messages(group).filter((message) => message.text?.startsWith(letter.reference ?? "?"));
    expect(parts.length).toBe(2);
    parts.forEach((part, index) => expect(part.text).toContain(`${letter.reference} · ${index + 1}/2`));
    const joined = parts.map((part) => part.text?.split("\n\n").slice(1).join("\n\n")).join("\n\n");
    expect(joined).toBe(`${text}\n\nОлена\nКиїв`);
  });

  it("attaches a letter that would need more than two messages as a .txt file", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const text = "Очень длинное письмо. ".repeat(540).trim();
    const letter = await relayLetter(h, writer, { text });
    await settle(h);
    const [document] = h.fake.documents(group);
    expect(document?.fileName).toBe(`letter-${letter.reference}.txt`);
    const content = document?.bytes.toString("utf8") ?? "";
    expect(content).toContain("Кому: Кагарлицкий Борис Юльевич, 1958 г.р.");
    expect(content).toContain(text);
    expect(h.fake.messages(group).some((message) => message.text?.includes("follows as a .txt file"))).toBe(true);
  });

  it("offers the route only while a linked chat works, and refuses to relay without one", async () => {
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(false);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await expect(relayLetter(h, writer, { text: "Текст." })).rejects.toBeInstanceOf(NoOrganiserChatError);
    // The finish was rolled back with the failed relay: the letter is still a draft.
    const drafts = await h.db.selectFrom("letters").select("status").where("writer_id", "=", writer.id).execute();
    expect(drafts.map((row) => row.status)).toEqual(["draft"]);
    expect(await h.db.selectFrom("outbox").selectAll().where("kind", "=", "relay").execute()).toEqual([]);

    const boss = await organiser(h);
    await linkedGroup(h, boss);
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(true);
    expect(await hasOrganiserRelay(h.db, "balukh-volodymyr")).toBe(false);
    expect(CAMPAIGN).toBe("open-letter-2025");
  });
});
