import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../../src/db/repositories/campaign-chats.js";
import { updatePrisonerStatus } from "../../../src/db/repositories/prisoner-history.js";
import { grantOrganiser } from "../../../src/db/repositories/roles.js";
import { fullName } from "../../../src/domain/directory/card.js";
import { formatPartialDate } from "../../../src/domain/directory/partial-date.js";
import { Harness } from "../../helpers/harness.js";
import { buttonsOf, callbackDataOf, LOCALES, linkUrls, nameIn, resultSlugs, seed, seeded, type Sent } from "./helpers.js";

const ADMIN = 4_200_001;

/** Status words as the card shows them, per locale, for the seed's statuses (male forms unless noted). */
const STATUS_WORDS: Record<string, Record<string, RegExp>> = {
  uk: {
    pretrial: /у СІЗО, під слідством чи судом/,
    sentenced: /засуджен(ий|а), відбуває строк/,
    released: /на волі/,
    exchanged: /звільнен(ий|а) під час обміну/,
    unknown: /статус невідомий/,
  },
  en: {
    pretrial: /in pre-trial detention/,
    sentenced: /serving a sentence/,
    released: /free/,
    exchanged: /freed in an exchange/,
    unknown: /status unknown/,
  },
  ru: {
    pretrial: /в СИЗО, под следствием или судом/,
    sentenced: /осужд(ён|ена), отбывает срок/,
    released: /на свободе/,
    exchanged: /освобожд(ён|ена) при обмене/,
    unknown: /статус неизвестен/,
  },
};

/** Every reason a card may give for offering no letter, per locale. */
const REFUSAL: Record<string, RegExp> = {
  uk: /людина на волі|людину звільнили під час обміну|Безпечна адреса поки невідома|безпечної адреси немає/,
  en: /they are free|they were freed in an exchange|No safe address is known yet|no safe address to give/,
  ru: /человек на свободе|человека освободили при обмене|Безопасный адрес пока неизвестен|безопасного адреса нет/,
};

function hasWriteButton(message: Sent | undefined): boolean {
  return callbackDataOf(message).some((data) => data.startsWith("write:"));
}

describe("a freed person's card", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h.stop());

  it.each([
    ["uk", "Статус: звільнений під час обміну, станом на 7 вересня 2019", "🕊 Добра новина: людину звільнили під час обміну"],
    ["en", "Status: freed in an exchange, as of September 7, 2019", "🕊 Good news: they were freed in an exchange"],
    ["ru", "Статус: освобождён при обмене, по данным на 7 сентября 2019", "🕊 Хорошая новость: человека освободили при обмене"],
  ])("says Balukh is free, with the date and the source, and offers no letter (%s)", async (languageCode, status, reason) => {
    const user = h.user({ languageCode });
    const card = (await user.send("/start p_balukh-volodymyr")).at(-1);
    expect(card?.text).toContain(status);
    expect(card?.text).toContain(reason);
    expect(linkUrls(card)).toContain(seeded("balukh-volodymyr").status.sourceUrl);
    expect(card?.text).toContain("ua.krymr.com");
    expect(hasWriteButton(card)).toBe(false);
    expect(buttonsOf(card).some((button) => button.text.includes("✍️"))).toBe(false);
    // A free person's last prison is history: no "held at" or "last known place" line.
    expect(card?.text).not.toMatch(/Де утримують|Останнє відоме місце|Held at|Last known place|Где содержится|Последнее известное место/);
  });
});

describe.each(LOCALES)("every seeded person's card (%s)", (locale) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h.stop());

  it("shows status, as-of date and source for all twenty, reached by searching their surname", async () => {
    expect(seed.prisoners).toHaveLength(20);
    const writable: string[] = [];
    for (const prisoner of seed.prisoners) {
      // One reader per person: the bot limits how many updates one person may send in a minute.
      const user = h.user({ languageCode: locale });
      const surname = locale === "en" ? prisoner.names.latin.surname : locale === "uk" ? prisoner.names.uk.surname : prisoner.names.ru.surname;
      const results = (await user.send(surname)).at(-1);
      expect(resultSlugs(results), surname).toContain(prisoner.slug);
      const card = (await user.pressData(results!.message_id, `dc:${prisoner.slug}`)).at(-1);
      const text = card?.text ?? "";

      expect(text.split("\n")[0]).toBe(nameIn(prisoner.slug, locale));
      expect(text).toContain(fullName(prisoner.names.ru));
      expect(text).toContain(fullName(prisoner.names.uk));
      expect(text, prisoner.slug).toMatch(STATUS_WORDS[locale]![prisoner.status.value]!);
      expect(text, prisoner.slug).toContain(formatPartialDate(prisoner.status.asOf, locale));
      expect(linkUrls(card), prisoner.slug).toContain(prisoner.status.sourceUrl);
      expect(text).toContain(prisoner.summary[locale]);
      if (prisoner.names.ru.patronymic === null) {
        expect(text).toMatch(/по батькові невідоме|patronymic not known|отчество неизвестно/);
      }
      if (hasWriteButton(card)) {
        expect(callbackDataOf(card)).toContain(`write:${prisoner.slug}`);
        writable.push(prisoner.slug);
      } else {
        // Either the person is free, or no safe address is known: the card says which.
        expect(text, prisoner.slug).toMatch(REFUSAL[locale]!);
      }
      expect(callbackDataOf(card)).toContain(`nf:${prisoner.slug}`);
      expect(buttonsOf(card).find((button) => "switch_inline_query" in button)).toMatchObject({
        switch_inline_query: nameIn(prisoner.slug, locale),
      });
    }
    // Only Kagarlitsky has a route the directory can stand behind (FSIN-pismo to IK-4 Torzhok, believed current).
    expect(writable).toEqual(["kagarlitsky-boris"]);
    expect(h.fake.internalErrors).toEqual([]);
  });
});

describe("cards", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start({ admins: [ADMIN] });
  });
  afterEach(async () => h.stop());

  it("shows the place, the route and the cautions for someone a letter can reach", async () => {
    const user = h.user({ languageCode: "en" });
    const card = (await user.send("/start p_kagarlitsky-boris")).at(-1);
    expect(card?.text).toContain("For letters (in Russian): Кагарлицкий Борис Юльевич");
    expect(card?.text).toContain("Held at: penal colony No. 4 (Torzhok), Tver Oblast (as of November 8, 2025)");
    expect(card?.text).toContain("How to send it: FSIN-pismo e-letter");
    expect(callbackDataOf(card)[0]).toBe("write:kagarlitsky-boris");
  });

  it.each([
    ["uk", "Де утримують: виправна колонія № 4 (Торжок), Тверська область (станом на 8 листопада 2025)", "Місце для листів (російською): ИК-4 (Торжок), Тверская область"],
    ["en", "Held at: penal colony No. 4 (Torzhok), Tver Oblast (as of November 8, 2025)", "The place for letters (in Russian): ИК-4 (Торжок), Тверская область"],
  ])("shows the place in the reader's language and keeps the Russian for letters (%s, issue 15)", async (locale, held, forLetters) => {
    const user = h.user({ languageCode: locale });
    const text = (await user.send("/start p_kagarlitsky-boris")).at(-1)?.text ?? "";
    expect(text).toContain(held);
    expect(text).toContain(forLetters);
    // The name for the envelope is still Russian, as before.
    expect(text).toMatch(/(Для листів \(російською\)|For letters \(in Russian\)): Кагарлицкий Борис Юльевич/u);
  });

  it("shows the place as stored in Russian, without a second line (ru)", async () => {
    const user = h.user({ languageCode: "ru" });
    const text = (await user.send("/start p_kagarlitsky-boris")).at(-1)?.text ?? "";
    expect(text).toContain("Где содержится: ИК-4 (Торжок), Тверская область");
    expect(text).not.toContain("Место для писем");
  });

  it("says where someone is held is unknown and that no safe address is known", async () => {
    const user = h.user({ languageCode: "en" });
    const card = (await user.send("/start p_domnin-vladimir")).at(-1);
    expect(card?.text).toContain("Where they are held is not known.");
    expect(card?.text).toContain("there is no safe address to give");
    expect(hasWriteButton(card)).toBe(false);
  });

  it("keeps an old address as last known, never as a route", async () => {
    const user = h.user({ languageCode: "ru" });
    const card = (await user.send("/start p_zeytullaev-ruslan")).at(-1);
    expect(card?.text).toContain("Последнее известное место: ИК-2 (Салават)");
    expect(card?.text).toContain("Год рождения: 1984 (по другим источникам: 1985)");
    expect(card?.text).not.toContain("453256");
    expect(hasWriteButton(card)).toBe(false);
  });

  it("offers a letter through the organisers once a campaign has a relay chat", async () => {
    await linkCampaignChat(h.db, {
      campaignSlug: "open-letter-2025",
      chatId: -100_200_300,
      chatType: "supergroup",
      title: null,
      locale: "en",
      linkedBy: ADMIN,
      now: new Date(),
    });
    const user = h.user({ languageCode: "en" });
    const card = (await user.send("/start p_gorinov-aleksei")).at(-1);
    expect(card?.text).toContain("No safe address is known, but the organisers can pass your letter on.");
    expect(callbackDataOf(card)).toContain("write:gorinov-aleksei");
    // Kozyreva is in the same campaign but free: relay changes nothing for her.
    expect(hasWriteButton((await user.send("/start p_kozyreva-darya")).at(-1))).toBe(false);
  });

  it("answers an unknown p_ link clearly, with the menu", async () => {
    const user = h.user({ languageCode: "uk" });
    const reply = await user.send("/start p_nobody-by-this-name");
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toContain("За цим посиланням у довіднику нікого немає");
    expect(callbackDataOf(reply[0])).toContain("menu:find");
  });

  it("shows organisers and admins the card and letter links, nobody else", async () => {
    const writer = h.user({ languageCode: "en" });
    expect((await writer.send("/start p_kagarlitsky-boris")).at(-1)?.text).not.toContain("?start=");

    const admin = h.user({ id: ADMIN, languageCode: "en" });
    const adminCard = (await admin.send("/start p_kagarlitsky-boris")).at(-1)?.text ?? "";
    expect(adminCard).toContain(`https://t.me/${h.fake.botUsername}?start=p_kagarlitsky-boris`);
    expect(adminCard).toContain(`https://t.me/${h.fake.botUsername}?start=w_kagarlitsky-boris`);

    const organiser = h.user({ languageCode: "uk" });
    await grantOrganiser(h.db, { userId: organiser.id, campaignSlug: "crimean-political-prisoners", grantedBy: ADMIN, at: new Date() });
    const freed = (await organiser.send("/start p_balukh-volodymyr")).at(-1)?.text ?? "";
    expect(freed).toContain("?start=p_balukh-volodymyr");
    // Nobody can write to a free person, so there is no letter link to hand out.
    expect(freed).not.toContain("?start=w_balukh-volodymyr");
  });

  it("starts a letter from the card's write button and the inline card's w_ link, and re-checks an old button", async () => {
    const user = h.user({ languageCode: "en" });
    const card = (await user.send("/start p_kagarlitsky-boris")).at(-1)!;
    const letter = await user.pressData(card.message_id, "write:kagarlitsky-boris");
    expect(letter.at(0)?.text).toContain("Кагарлицкий Борис Юльевич");
    expect(callbackDataOf(letter.at(-1)).some((data) => data.startsWith("lw:"))).toBe(true);
    await user.send("/cancel");

    const viaLink = await user.send("/start w_kagarlitsky-boris");
    expect(viaLink.at(0)?.text).toContain("Кагарлицкий Борис Юльевич");
    await user.send("/cancel");

    await updatePrisonerStatus(h.db, "kagarlitsky-boris", {
      status: "released",
      asOf: "2026-11-20",
      sourceUrl: "https://example.org/kagarlitsky-released",
      changedBy: ADMIN,
    });
    await h.restart();
    const refused = await user.pressData(card.message_id, "write:kagarlitsky-boris");
    expect(refused.map((message) => message.text).join("\n")).toContain("Good news: they are free");
    expect(refused.flatMap((message) => callbackDataOf(message)).some((data) => data.startsWith("lw:"))).toBe(false);
  });

  it("re-checks the directory when an old result button is pressed after the person was freed", async () => {
    const user = h.user({ languageCode: "en" });
    const results = (await user.send("Kagarlitsky")).at(-1)!;
    const before = (await user.pressData(results.message_id, "dc:kagarlitsky-boris")).at(-1);
    expect(hasWriteButton(before)).toBe(true);

    await updatePrisonerStatus(h.db, "kagarlitsky-boris", {
      status: "released",
      asOf: "2026-11-20",
      sourceUrl: "https://example.org/kagarlitsky-released",
      changedBy: ADMIN,
    });
    await h.restart();

    const after = (await user.pressData(results.message_id, "dc:kagarlitsky-boris")).at(-1);
    expect(after?.text).toContain("Status: free, as of November 20, 2026");
    expect(after?.text).toContain("Good news: they are free");
    expect(linkUrls(after)).toContain("https://example.org/kagarlitsky-released");
    expect(hasWriteButton(after)).toBe(false);
  });
});
