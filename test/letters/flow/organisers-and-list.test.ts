import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markChatBroken } from "../../../src/db/repositories/campaign-chats.js";
import { Harness } from "../../helpers/harness.js";
import { linkWorkingChat } from "../../organisers/world.js";
import { expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const ORGANISERS_CHAT = -100_777_000_111;


describe("sending through the organisers", () => {
  it("is offered only while the campaign's chat works, and queues the letter with its reference (ru)", async () => {
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "ru", firstName: "Лиза" });
    // Kamardin's last known SIZO is not believed current: the organisers are the only route.
    await writer.send("/start w_kamardin-artem");
    await writer.press("Помогите начать");
    await writer.press("Вежливо");
    await writer.press("Без форм рода");
    await writer.press("1");
    await writer.press("Пропустить");
    // Questions drawn from his interests (poetry, reading), not the general ones.
    const questions = writer.lastText();
    expect(questions).toContain("«Какие стихи Вы любите? Может быть, пишете и сами?»");
    expect(questions).toContain("«Что Вы сейчас читаете? Какую книгу Вы мне посоветуете?»");
    expect(questions).not.toContain("Кем Вы мечтали стать в детстве?");
    await writer.press("☐ 1");
    await writer.press("Дальше");
    await writer.press("Дальше");
    await writer.press("Пропустить");
    await writer.send("Я живу в Риге и тоже люблю стихи.");
    await writer.press("Готово");
    await writer.send("Лиза");
    // The organisers are the only route: it is taken without a question (issue 15), and explained.
    const routes = textOf(await writer.press("Нет, только для этого письма"));
    expect(routes).toContain("Передайте письмо организаторам");
    expect(writer.lastText()).toContain("Могут ли организаторы видеть ваше имя в Telegram?");
    const card = h.fake.waitFor((call) => call.method === "sendMessage" && Number(call.params.chat_id) === ORGANISERS_CHAT, {
      timeoutMs: 10_000,
    });
    const done = textOf(await writer.press("Да, показать моё имя в Telegram"));
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", route: "organisers", share_identity: 1, signature_name: "Лиза" });
    expect(done).toContain(`Ваше письмо Артёму Камардину передано организаторам. Его номер: ${letter.reference}.`);
    // The outbox worker posts the card to the organisers' chat.
    await card;
    const posted = h.fake.messages(ORGANISERS_CHAT).map((message) => message.text ?? "").join("\n");
    expect(posted).toContain(letter.reference!);
    expect(posted).toContain("Лиза");
    expectNoFailures(h);
  });

  it("is hidden when the chat is broken, leaving the direct routes (en)", async () => {
    await linkWorkingChat(h, ORGANISERS_CHAT);
    await markChatBroken(h.db, ORGANISERS_CHAT, "Forbidden: bot was kicked from the supergroup chat", h.clock.now());
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Пишу Вам из Лиона.");
    await writer.press("Done");
    await writer.send("Marc");
    // FSIN-pismo is all that is left, so it is taken without a question.
    expect(textOf(await writer.press("No, only this letter"))).not.toContain("Through the organisers");
    expect((await onlyLetter(h, writer.id)).route).toBe("fsin_pismo");
    expectNoFailures(h);
  });
});

describe("/letters", () => {
  it("pages through every status with its label and offers to write again (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    expect(textOf(await writer.send("/letters"))).toContain("You have not written any letters yet.");
    const statuses = ["finished", "relayed", "accepted", "returned", "printed", "sent", "reply_received", "closed", "discarded"] as const;
    const at = "2026-11-20T10:00:00.000Z";
    for (const [index, status] of statuses.entries()) {
      await h.db
        .insertInto("letters")
        .values({
          writer_id: writer.id,
          prisoner_slug: index % 2 === 0 ? KAGARLITSKY : "gorinov-aleksei",
          status,
          route: status === "finished" ? "fsin_pismo" : "organisers",
          reference: `L-2611-${"ABCDEFGHJ"[index]}222`,
          // Purged long ago: only the row is left, so there is nothing to send again.
          text: null,
          text_purged_at: at,
          created_at: at,
          updated_at: at,
          finished_at: at,
        })
        .execute();
    }
    const first = textOf(await writer.send("/letters"));
    // Newest first, five a page; the discarded letter is not listed.
    expect(first).toContain("Your letters (page 1)");
    expect(first).toContain("1. Alexei Gorinov — 20 Nov 2026 — Through the organisers — Closed · L-2611-H222");
    expect(first).toContain("2. Boris Kagarlitsky — 20 Nov 2026 — Through the organisers — Reply received · L-2611-G222");
    expect(first).toContain("3. Alexei Gorinov — 20 Nov 2026 — Through the organisers — Sent");
    expect(first).toContain("4. Boris Kagarlitsky — 20 Nov 2026 — Through the organisers — Printed");
    expect(first).toContain("5. Alexei Gorinov — 20 Nov 2026 — Through the organisers — Returned to you");
    expect(first).not.toContain("L-2611-J222");
    expect(writer.buttons()).toEqual(["✍️ Write again: Alexei Gorinov", "✍️ Write again: Boris Kagarlitsky", "Older ›"]);

    const { message: listMessage } = writer.findButton("Older ›");
    await writer.press("Older ›");
    // A second, quick press of the same button finds page 2 already shown: nothing fails.
    await writer.pressData(listMessage.message_id, "lst:1");
    const second = writer.lastText();
    expect(second).toContain("Your letters (page 2)");
    expect(second).toContain("6. Boris Kagarlitsky — 20 Nov 2026 — Through the organisers — Accepted by the organisers");
    expect(second).toContain("7. Alexei Gorinov — 20 Nov 2026 — Through the organisers — With the organisers");
    expect(second).toContain("8. Boris Kagarlitsky — 20 Nov 2026 — FSIN-pismo — Ready to send");
    // The FSIN-pismo letter is the writer's to send: they can say they did.
    expect(writer.buttons()).toEqual(["✍️ Write again: Boris Kagarlitsky", "✍️ Write again: Alexei Gorinov", "📮 I sent L-2611-A222", "‹ Newer"]);
    await writer.press("‹ Newer");
    expect(writer.lastText()).toContain("Your letters (page 1)");
    expect(await lettersOf(h, writer.id)).toHaveLength(statuses.length);
    expectNoFailures(h);
  });

  it("shows the same list from the main menu, in Ukrainian (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте!");
    await writer.send("/start");
    await writer.press("Мої листи");
    const list = writer.lastText();
    expect(list).toContain("Ваші листи (сторінка 1)");
    expect(list).toContain("Борис Кагарлицький — ");
    expect(list).toContain("Чернетка");
    expect(writer.buttons()).toEqual(["✍️ Продовжити: Борис Кагарлицький"]);
    expectNoFailures(h);
  });
});
