import { describe, expect, it } from "vitest";
import { eventFromColumns, parseCellDays, offersLetter, statusAfter } from "../../src/domain/news/events.js";
import { extractHashtags, taggedSlugs, withoutHashtags } from "../../src/domain/news/hashtags.js";
import { roundedDuration, secondsLeft } from "../../src/domain/news/progress.js";
import { parseSourceUrl, sourceLabel } from "../../src/domain/news/source-url.js";
import { checkNewsText, parseTexts, textFor } from "../../src/domain/news/texts.js";
import { excerpt, renderDigest, renderNewsText } from "../../src/services/news/render.js";
import { translator } from "../../src/telegram/i18n.js";

describe("hashtags", () => {
  it("leave a channel post's text when it becomes news: filing tags go, a tag in a sentence keeps its word", () => {
    expect(withoutHashtags("Суд продовжив арешт.\n\n#Тестенко #суд")).toBe("Суд продовжив арешт.");
    expect(withoutHashtags("Суд продовжив арешт. #Тестенко")).toBe("Суд продовжив арешт.");
    expect(withoutHashtags("#Тестенко\nСуд продовжив арешт.")).toBe("Суд продовжив арешт.");
    expect(withoutHashtags("Сьогодні #Тестенко знову в ШІЗО.")).toBe("Сьогодні Тестенко знову в ШІЗО.");
    expect(withoutHashtags("Лист № 5, e-mail a#b")).toBe("Лист № 5, e-mail a#b");
  });

  it("reads Cyrillic tags whatever their case, and not inside words or URLs' fragments of other tags", () => {
    expect(extractHashtags("Сьогодні #БАЛУХ і #балух, а також #Зейтуллаев.")).toEqual(["балух", "зейтуллаев"]);
    expect(extractHashtags("email a#Балух and ##x and #123")).toEqual([]);
    expect(taggedSlugs("Новини: #балух", [{ slug: "balukh", hashtag: "#Балух" }, { slug: "other", hashtag: "#Інший" }])).toEqual(["balukh"]);
  });
});

describe("source links", () => {
  it("accepts web links with a dotted host and refuses everything else", () => {
    expect(parseSourceUrl(" https://zmina.info/news/1 ")).toBe("https://zmina.info/news/1");
    expect(parseSourceUrl("http://t.me/channel/5")).toBe("http://t.me/channel/5");
    for (const bad of ["zmina.info", "javascript:alert(1)", "https://localhost/x", "ftp://a.b/c", "https://a b.com", "https://user:pw@a.com/", "tg://resolve"]) {
      expect(parseSourceUrl(bad), bad).toBeUndefined();
    }
    expect(sourceLabel("https://www.example.org/a")).toBe("example.org");
  });
});

describe("events", () => {
  it("knows which events free the person and which opening suits them", () => {
    expect(statusAfter("release")).toBe("released");
    expect(statusAfter("exchange")).toBe("exchanged");
    expect(statusAfter("transfer")).toBeUndefined();
    expect(offersLetter("exchange")).toBe(false);
    expect(offersLetter("punishment-cell")).toBe(true);
    expect(eventFromColumns("future-type", null, null)).toEqual({ type: "other" });
    expect(parseCellDays("15 діб")).toBe(15);
    expect(parseCellDays("0")).toBeUndefined();
    expect(parseCellDays("366")).toBeUndefined();
  });
});

describe("schedules", () => {
  it("estimates the time left from the observed rate", () => {
    expect(secondsLeft({ total: 100, sent: 50, failed: 0, waiting: 50 }, 10_000)).toBe(10);
    expect(secondsLeft({ total: 300, sent: 0, failed: 0, waiting: 300 }, 0)).toBe(10);
    expect(secondsLeft({ total: 1, sent: 1, failed: 0, waiting: 0 }, 500)).toBe(0);
    expect(roundedDuration(200)).toEqual({ unit: "minutes", value: 4 });
  });
});

describe("texts and rendering", () => {
  const t = translator("uk");

  it("reads the subscriber's language when given, the original otherwise", () => {
    const texts = parseTexts(JSON.stringify({ uk: "Оригінал", en: "Translation", xx: "dropped" }));
    expect(texts).toEqual({ uk: "Оригінал", en: "Translation" });
    expect(textFor(texts, "en", "uk")).toBe("Translation");
    expect(textFor(texts, "ru", "uk")).toBe("Оригінал");
    expect(checkNewsText("   ")).toEqual({ ok: false, reason: "empty" });
    expect(checkNewsText("x".repeat(3001))).toEqual({ ok: false, reason: "too-long" });
  });

  it("escapes everything an organiser wrote and quotes the link safely", () => {
    const html = renderNewsText(t, "en", {
      prisonerSlug: "x",
      prisonerName: "A <b>name</b>",
      prisonerGender: "female",
      event: { type: "other" },
      institution: null,
      text: 'Text with <i>tags</i> & "quotes"',
      sourceUrl: 'https://example.org/?q="><script>',
      publishedAt: new Date("2027-01-05T12:00:00Z"),
    });
    expect(html).toContain("A &lt;b&gt;name&lt;/b&gt;");
    expect(html).toContain("Text with &lt;i&gt;tags&lt;/i&gt; &amp; &quot;quotes&quot;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;">example.org</a>');
    // What the flow stores has been through parseSourceUrl, which percent-encodes such characters anyway.
    expect(parseSourceUrl('https://example.org/?q="><script>')).toBe("https://example.org/?q=%22%3E%3Cscript%3E");
  });

  it("agrees transfer headlines with the prisoner's gender in Russian", () => {
    const view = {
      prisonerSlug: "x",
      prisonerName: "Имя",
      event: { type: "transfer" as const, institution: null },
      institution: null,
      text: "…",
      sourceUrl: null,
      publishedAt: new Date("2027-01-05T12:00:00Z"),
    };
    expect(renderNewsText(t, "ru", { ...view, prisonerGender: "female" })).toContain("Этапирована; новое место");
    expect(renderNewsText(t, "ru", { ...view, prisonerGender: "male" })).toContain("Этапирован; новое место");
  });

  it("splits a long digest into messages Telegram accepts, buttons under the last", () => {
    const entry = (index: number) => ({
      prisonerSlug: `p-${index}`,
      prisonerName: `Person ${index}`,
      prisonerGender: "male" as const,
      event: { type: "health" as const },
      institution: null,
      text: "word ".repeat(200),
      sourceUrl: null,
      publishedAt: new Date("2027-01-05T12:00:00Z"),
    });
    const messages = renderDigest(t, "en", new Date("2027-01-05T17:00:00Z"), Array.from({ length: 12 }, (_, index) => entry(index)));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(4000);
    expect(messages.slice(0, -1).every((message) => message.keyboard === undefined)).toBe(true);
    expect(messages.at(-1)?.keyboard?.inline_keyboard).toHaveLength(8);
    expect(excerpt("one two three four", 9)).toBe("one two…");
  });
});
