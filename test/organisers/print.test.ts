import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardAction } from "../../src/services/relay/buttons.js";
import { Harness } from "../helpers/harness.js";
import { pdfPages } from "./pdf-text.js";
import { ADMIN_ID, auditActions, linkedGroup, organiser, pressIn, relayLetter, settle, statusOf } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("printing accepted letters", () => {
  it("sends a PDF grouped by institution, each letter on its own page in Cyrillic; the button marks them printed and tells the writers", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const torzhok = await relayLetter(h, writer, { text: "Здравствуйте, Борис Юльевич! Желаю вам сил.", signature: "Олена" });
    const rubtsovsk = await relayLetter(h, writer, { text: "Здравствуйте, Алексей Александрович! Держитесь.", prisoner: "gorinov-aleksei", signature: "Марія" });
    const notAccepted = await relayLetter(h, writer, { text: "Это письмо ещё не принято.", prisoner: "arkhipova-anna" });
    await settle(h);
    for (const letter of [torzhok, rubtsovsk]) {
      const card = h.fake.messages(group).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`));
      await pressIn(h, boss, group, card?.message_id ?? 0, cardAction.pack("accept", letter.id));
    }
    await settle(h);

    await boss.send("/print");
    const [document] = h.fake.documents(boss.chatId);
    expect(document?.fileName).toMatch(/^lysty-letters-\d{4}-\d{2}-\d{2}-\d+\.pdf$/);
    expect(document?.caption).toBe("2 letters for 2 institutions, each on its own page. Mark them printed once they are on paper.");
    const pages = await pdfPages(document?.bytes ?? new Uint8Array());
    expect(pages).toHaveLength(3);
    // Cover: institutions in Russian alphabetical order, each with its letters.
    expect(pages[0]).toContain("Письма для печати: 2");
    expect(pages[0]?.indexOf("ИК-10 (Рубцовск)")).toBeLessThan(pages[0]?.indexOf("ИК-4 (Торжок)") ?? -1);
    expect(pages[1]).toContain("Кому: Горинов Алексей Александрович, ИК-10 (Рубцовск)");
    expect(pages[1]).toContain("Здравствуйте, Алексей Александрович! Держитесь. Марія Київ");
    expect(pages[1]).toContain(rubtsovsk.reference);
    expect(pages[2]).toContain("Кому: Кагарлицкий Борис Юльевич, 1958 г.р., ИК-4 (Торжок)");
    expect(pages[2]).toContain("Желаю вам сил.");
    expect(pages.join(" ")).not.toContain("ещё не принято");
    expect(document?.bytes.toString("latin1")).toContain("DejaVuSans");

    await boss.press("Mark 2 as printed");
    await settle(h);
    expect(boss.lastText()).toBe("Done: 2 marked printed; the writers are told.");
    expect(await statusOf(h, torzhok.id)).toBe("printed");
    expect(await statusOf(h, rubtsovsk.id)).toBe("printed");
    expect(await statusOf(h, notAccepted.id)).toBe("relayed");
    expect(writer.messages.filter((message) => message.text?.includes("надруковано"))).toHaveLength(2);
    const card = h.fake.messages(group).find((message) => message.text?.startsWith(`✉️ Letter ${torzhok.reference}`));
    expect(card?.text).toContain("Status: Printed");
    expect(await auditActions(h, `letter:${torzhok.id}`)).toEqual(["letter.accepted", "letter.printed"]);

    const batchMessage = h.fake.documents(boss.chatId)[0];
    await boss.pressData(batchMessage?.messageId ?? 0, "orgp:1");
    expect(boss.lastCallbackAnswer()).toBe("This batch has already been marked printed.");
    await boss.send("/print");
    expect(boss.lastText()).toBe("There are no accepted letters waiting to be printed.");
  });

  it("refuses /print to people who organise nothing", async () => {
    const someone = h.user({ languageCode: "uk" });
    await someone.send("/print");
    expect(someone.lastText()).toContain("Це інструмент для організаторів кампаній");
    expect(h.fake.documents(someone.chatId)).toEqual([]);
  });
});
