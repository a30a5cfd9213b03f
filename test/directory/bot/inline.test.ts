import type { InlineKeyboardButton, InlineQueryResult, InlineQueryResultArticle } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../../src/db/repositories/campaign-chats.js";
import { Harness } from "../../helpers/harness.js";
import { addNamesakes, LOCALES, nameIn, seeded } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

async function inline(userId: number, query: string) {
  const updateId = h.fake.injectInlineQuery(userId, query);
  await h.handled(updateId);
  const answer = h.fake.inlineAnswers.find((candidate) => candidate.updateId === updateId);
  if (!answer) throw new Error(`no answer to inline query «${query}»; failure: ${String(h.failureOf(updateId))}`);
  return answer;
}

function articles(results: readonly InlineQueryResult[]): InlineQueryResultArticle[] {
  return results.filter((result): result is InlineQueryResultArticle => result.type === "article");
}

function urlButtons(result: InlineQueryResultArticle): string[] {
  return (result.reply_markup?.inline_keyboard.flat() ?? []).flatMap((button: InlineKeyboardButton) =>
    "url" in button ? [button.url] : [],
  );
}

function messageText(result: InlineQueryResultArticle): string {
  const content = result.input_message_content;
  return "message_text" in content ? content.message_text : "";
}

describe("inline mode", () => {
  it.each(LOCALES)("answers a name with cards and a letter link for people a letter can reach (%s)", async (locale) => {
    const user = h.user({ languageCode: locale });
    const answer = await inline(user.id, "Kagarlitsky");
    expect(answer.isPersonal).toBe(false);
    expect(answer.cacheTime).toBeGreaterThan(0);
    expect(answer.cacheTime).toBeLessThanOrEqual(60);
    const [first] = articles(answer.results);
    expect(first?.id).toBe("kagarlitsky-boris");
    expect(first?.title).toContain(nameIn("kagarlitsky-boris", locale));
    expect(messageText(first!)).toContain(`<a href="${seeded("kagarlitsky-boris").status.sourceUrl}">meduza.io</a>`);
    expect(messageText(first!)).toContain("Кагарлицкий Борис Юльевич");
    expect(urlButtons(first!)).toEqual([
      `https://t.me/${h.fake.botUsername}?start=w_kagarlitsky-boris`,
      `https://t.me/${h.fake.botUsername}?start=p_kagarlitsky-boris`,
    ]);
  });

  it("offers no letter link for a free person, and says why", async () => {
    const user = h.user({ languageCode: "en" });
    const [balukh] = articles((await inline(user.id, "Baluja")).results);
    expect(balukh?.id).toBe("balukh-volodymyr");
    expect(balukh?.description).toBe("Status: freed in an exchange, as of September 7, 2019");
    expect(messageText(balukh!)).toContain("Good news: they were freed in an exchange");
    expect(urlButtons(balukh!)).toEqual([`https://t.me/${h.fake.botUsername}?start=p_balukh-volodymyr`]);
  });

  it("suggests a few people a letter can reach for an empty query", async () => {
    await linkCampaignChat(h.db, {
      campaignSlug: "open-letter-2025",
      chatId: -100_700,
      chatType: "supergroup",
      title: null,
      locale: "en",
      linkedBy: 1,
      now: new Date(),
    });
    const user = h.user({ languageCode: "uk" });
    const suggested = articles((await inline(user.id, "")).results);
    expect(suggested.length).toBeGreaterThan(1);
    expect(suggested.length).toBeLessThanOrEqual(5);
    for (const result of suggested) {
      expect(urlButtons(result)[0]).toBe(`https://t.me/${h.fake.botUsername}?start=w_${result.id}`);
      expect(["released", "exchanged", "deceased"]).not.toContain(seeded(result.id).status.value);
    }
  });

  it("answers nobody found with no results, and escapes data in the cards it sends", async () => {
    await addNamesakes(h.db, 1);
    const user = h.user({ languageCode: "en" });
    expect((await inline(user.id, "Qwerty")).results).toEqual([]);

    const [namesake] = articles((await inline(user.id, "Testenko")).results);
    // The fake Bot API parses message_text like Telegram: unescaped «<b> &» would have been rejected.
    expect(messageText(namesake!)).toContain("Test &lt;b&gt; &amp; &quot;quotes&quot;");
    expect(h.fake.internalErrors).toEqual([]);
  });

  it("shares a card through the card's share button query", async () => {
    const user = h.user({ languageCode: "ru" });
    const card = (await user.send("/start p_gorinov-aleksei")).at(-1);
    const share = card?.reply_markup?.inline_keyboard.flat().find((button) => "switch_inline_query" in button);
    expect(share && "switch_inline_query" in share ? share.switch_inline_query : undefined).toBe("Горинов Алексей");
    const [first] = articles((await inline(user.id, "Горинов Алексей")).results);
    expect(first?.id).toBe("gorinov-aleksei");
  });
});
