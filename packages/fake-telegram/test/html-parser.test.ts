import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api-error.js";
import { parseTelegramHtml } from "../src/text/html-parser.js";

function parseFailure(html: string): string {
  try {
    parseTelegramHtml(html);
  } catch (error) {
    if (error instanceof ApiError) return error.description;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(html)} to be rejected`);
}

describe("Telegram HTML parse mode", () => {
  it("shows the text without tags, with entities in UTF-16 offsets", () => {
    const parsed = parseTelegramHtml("Лист для <b>Олега</b> 🙂 <i>сьогодні</i>");
    expect(parsed.text).toBe("Лист для Олега 🙂 сьогодні");
    expect(parsed.entities).toEqual([
      { type: "bold", offset: 9, length: 5 },
      { type: "italic", offset: 18, length: 8 },
    ]);
  });

  it("decodes the four named entities and numeric ones, and leaves other ampersands as text", () => {
    expect(parseTelegramHtml("a &lt;b&gt; &amp; &quot;c&quot; &#1071; &#x44F; AT&T &nbsp;").text).toBe(
      'a <b> & "c" Я я AT&T &nbsp;',
    );
  });

  it("rejects an unescaped < as Telegram does, with the byte offset of the <", () => {
    expect(parseFailure("a < b")).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2');
    // Cyrillic letters take two bytes each in UTF-8.
    expect(parseFailure("Ціна <5 грн")).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "5" at byte offset 9',
    );
    expect(parseFailure("Ціна <5")).toBe("Bad Request: can't parse entities: Unclosed start tag at byte offset 9");
  });

  it("rejects unknown, unclosed and crossed tags", () => {
    expect(parseFailure("<br>")).toBe('Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 0');
    expect(parseFailure("<b>unclosed")).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    );
    expect(parseFailure("<b><i>test</b></i>")).toBe(
      'Bad Request: can\'t parse entities: Unmatched end tag at byte offset 10, expected "</i>", found "</b>"',
    );
    expect(parseFailure("text</b>")).toBe("Bad Request: can't parse entities: Unexpected end tag at byte offset 4");
    expect(parseFailure('<span class="x">s</span>')).toBe(
      'Bad Request: can\'t parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0',
    );
    expect(parseFailure("<a href=https://x.org>x</a>")).toBe(
      "Bad Request: can't parse entities: Unexpected end of name token at byte offset 8",
    );
  });

  it("turns links, spoilers, quotes and code blocks into their entities", () => {
    const parsed = parseTelegramHtml(
      '<a href="https://zona.media/">link</a> <tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">p</span> ' +
        '<blockquote expandable>q</blockquote> <pre><code class="language-ts">x</code></pre> <code>y</code>',
    );
    expect(parsed.text).toBe("link s p q x y");
    expect(parsed.entities).toEqual([
      { type: "text_link", offset: 0, length: 4, url: "https://zona.media/" },
      { type: "spoiler", offset: 5, length: 1 },
      { type: "spoiler", offset: 7, length: 1 },
      { type: "expandable_blockquote", offset: 9, length: 1 },
      { type: "pre", offset: 11, length: 1, language: "ts" },
      { type: "code", offset: 13, length: 1 },
    ]);
  });

  it("drops a link Telegram would not accept instead of failing the message", () => {
    expect(parseTelegramHtml('<a href="not-a-url">x</a>').entities).toEqual([]);
  });

  it("creates no entity for an empty element", () => {
    expect(parseTelegramHtml("a<b></b>b")).toEqual({ text: "ab", entities: [] });
  });
});
