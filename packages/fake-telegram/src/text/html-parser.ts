import type { MessageEntity } from "grammy/types";
import { badRequest } from "../api-error.js";
import { checkLink } from "./links.js";

export interface ParsedText {
  readonly text: string;
  readonly entities: MessageEntity[];
}

const SUPPORTED_TAGS = new Set([
  "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji", "tg-time", "span",
  "pre", "code", "blockquote",
]);
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const MAX_INT64 = 9223372036854775807n;

interface OpenTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  /** UTF-16 offset in the visible text where the tag's content starts. */
  readonly offset: number;
  /** Byte offset of the tag in the source, for error messages. */
  readonly sourceIndex: number;
}

/** An entity under construction: `code` keeps its language until an enclosing `pre` claims it. */
type Draft = MessageEntity & { codeLanguage?: string };

/**
 * Telegram's HTML parse mode, following tdlib's parser: the same accepted syntax, the same visible text, and the same
 * error descriptions (`can't parse entities: ...` with UTF-8 byte offsets into the source).
 */
export function parseTelegramHtml(source: string): ParsedText {
  return new HtmlParser(source).parse();
}

class HtmlParser {
  private text = "";
  private readonly open: OpenTag[] = [];
  private readonly drafts: Draft[] = [];
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): ParsedText {
    const { source } = this;
    while (this.at < source.length) {
      const char = source[this.at];
      if (char === "&") {
        const decoded = decodeHtmlEntity(source, this.at);
        if (decoded) {
          this.text += decoded.text;
          this.at = decoded.next;
          continue;
        }
      }
      if (char !== "<") {
        // The whole run of plain text up to the next tag or entity in one append: appending it a character at a time
        // made a string node per character (~8 KB of garbage per message, the largest share of what the fake
        // allocated under bench:load).
        const end = plainRunEnd(source, this.at + 1);
        this.text += source.slice(this.at, end);
        this.at = end;
        continue;
      }
      if (source[this.at + 1] === "/") this.readEndTag();
      else this.readStartTag();
    }
    const unclosed = this.open.at(-1);
    if (unclosed) throw parseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
    const entities = this.drafts.map(({ codeLanguage: _language, ...entity }) => entity as MessageEntity);
    // Telegram returns entities ordered by offset, the longer (outer) one first.
    entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
    return { text: this.text, entities };
  }

  private readStartTag(): void {
    const { source } = this;
    const begin = this.at;
    this.at += 1;
    while (this.at < source.length && !isSpace(source[this.at]) && source[this.at] !== ">") this.at += 1;
    if (this.at >= source.length) throw parseError(`Unclosed start tag at byte offset ${this.byteOffset(begin)}`);
    const name = source.slice(begin + 1, this.at).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      throw parseError(`Unsupported start tag "${name}" at byte offset ${this.byteOffset(begin)}`);
    }
    const attributes = this.readAttributes(name, begin);
    if (name === "span" && attributes.get("class") !== "tg-spoiler") {
      throw parseError(`Tag "span" must have class "tg-spoiler" at byte offset ${this.byteOffset(begin)}`);
    }
    this.open.push({ name, attributes, offset: this.text.length, sourceIndex: begin });
    this.at += 1;
  }

  private readAttributes(tag: string, begin: number): ReadonlyMap<string, string> {
    const { source } = this;
    if (source[this.at] === ">") return NO_ATTRIBUTES;
    const attributes = new Map<string, string>();
    const unclosed = () => parseError(`Unclosed start tag "${tag}" at byte offset ${this.byteOffset(begin)}`);
    while (source[this.at] !== ">") {
      while (this.at < source.length && isSpace(source[this.at])) this.at += 1;
      if (this.at >= source.length) throw unclosed();
      if (source[this.at] === ">") break;
      const nameBegin = this.at;
      while (this.at < source.length && !isSpace(source[this.at]) && !`=>/"'`.includes(source[this.at] ?? "")) {
        this.at += 1;
      }
      const name = source.slice(nameBegin, this.at);
      if (name === "") throw parseError(`Empty attribute name in the tag "${tag}" at byte offset ${this.byteOffset(begin)}`);
      while (this.at < source.length && isSpace(source[this.at])) this.at += 1;
      if (this.at >= source.length) throw unclosed();
      if (source[this.at] !== "=") {
        // A bare attribute, such as `<blockquote expandable>`.
        attributes.set(name, "");
        continue;
      }
      this.at += 1;
      while (this.at < source.length && isSpace(source[this.at])) this.at += 1;
      if (this.at >= source.length) throw unclosed();
      attributes.set(name, this.readAttributeValue());
      if (this.at >= source.length) throw parseError(`Unclosed start tag at byte offset ${this.byteOffset(begin)}`);
    }
    return attributes;
  }

  private readAttributeValue(): string {
    const { source } = this;
    const quote = source[this.at];
    if (quote !== '"' && quote !== "'") {
      // An unquoted value is an HTML name token: letters, digits, periods and hyphens only.
      const tokenBegin = this.at;
      while (this.at < source.length && /[A-Za-z0-9.-]/.test(source[this.at] ?? "")) this.at += 1;
      if (this.at < source.length && !isSpace(source[this.at]) && source[this.at] !== ">") {
        throw parseError(`Unexpected end of name token at byte offset ${this.byteOffset(tokenBegin)}`);
      }
      return source.slice(tokenBegin, this.at).toLowerCase();
    }
    this.at += 1;
    let value = "";
    while (this.at < source.length && source[this.at] !== quote) {
      const decoded = source[this.at] === "&" ? decodeHtmlEntity(source, this.at) : undefined;
      if (decoded) {
        value += decoded.text;
        this.at = decoded.next;
      } else {
        value += source[this.at];
        this.at += 1;
      }
    }
    if (source[this.at] === quote) this.at += 1;
    return value;
  }

  private readEndTag(): void {
    const { source } = this;
    const begin = this.at;
    const tag = this.open.at(-1);
    if (!tag) throw parseError(`Unexpected end tag at byte offset ${this.byteOffset(begin)}`);
    this.at += 2;
    const nameBegin = this.at;
    while (this.at < source.length && !isSpace(source[this.at]) && source[this.at] !== ">") this.at += 1;
    const name = source.slice(nameBegin, this.at);
    while (this.at < source.length && isSpace(source[this.at])) this.at += 1;
    if (source[this.at] !== ">") throw parseError(`Unclosed end tag at byte offset ${this.byteOffset(begin)}`);
    if (name !== "" && name !== tag.name) {
      throw parseError(
        `Unmatched end tag at byte offset ${this.byteOffset(begin)}, expected "</${tag.name}>", found "</${name}>"`,
      );
    }
    this.at += 1;
    this.open.pop();
    if (this.text.length > tag.offset) this.addEntity(tag, this.text.length - tag.offset);
  }

  private addEntity(tag: OpenTag, length: number): void {
    const { offset } = tag;
    const span = { offset, length };
    const previous = this.drafts.at(-1);
    const wrapsPrevious = previous !== undefined && previous.offset === offset && previous.length === length;
    switch (tag.name) {
      case "b":
      case "strong":
        return void this.drafts.push({ type: "bold", ...span });
      case "i":
      case "em":
        return void this.drafts.push({ type: "italic", ...span });
      case "u":
      case "ins":
        return void this.drafts.push({ type: "underline", ...span });
      case "s":
      case "strike":
      case "del":
        return void this.drafts.push({ type: "strikethrough", ...span });
      case "tg-spoiler":
      case "span":
        return void this.drafts.push({ type: "spoiler", ...span });
      case "blockquote":
        return void this.drafts.push({
          type: tag.attributes.has("expandable") ? "expandable_blockquote" : "blockquote",
          ...span,
        });
      case "tg-emoji":
        return void this.drafts.push({ type: "custom_emoji", ...span, custom_emoji_id: customEmojiId(tag) });
      case "tg-time":
        return void this.drafts.push(dateTimeEntity(tag, offset, length));
      case "a": {
        const href = tag.attributes.get("href") ?? "";
        const link = checkLink(href === "" ? this.text.slice(offset) : href);
        // Telegram silently drops links it cannot accept instead of rejecting the message.
        if (link.ok) this.drafts.push({ type: "text_link", ...span, url: link.url });
        return;
      }
      case "code": {
        const language = codeLanguage(tag);
        if (wrapsPrevious && previous.type === "pre" && language !== undefined) {
          previous.language = language;
          return;
        }
        return void this.drafts.push({ type: "code", ...span, ...(language === undefined ? {} : { codeLanguage: language }) });
      }
      case "pre": {
        if (wrapsPrevious && previous.type === "code" && previous.codeLanguage !== undefined) {
          this.drafts[this.drafts.length - 1] = { type: "pre", ...span, language: previous.codeLanguage };
          return;
        }
        return void this.drafts.push({ type: "pre", ...span });
      }
    }
  }

  private byteOffset(index: number): number {
    return Buffer.byteLength(this.source.slice(0, index), "utf8");
  }
}

function codeLanguage(tag: OpenTag): string | undefined {
  const className = tag.attributes.get("class");
  return className?.startsWith("language-") && className.length > "language-".length
    ? className.slice("language-".length)
    : undefined;
}

function customEmojiId(tag: OpenTag): string {
  const id = tag.attributes.get("emoji-id") ?? "";
  if (!/^\d{1,19}$/.test(id) || BigInt(id) === 0n || BigInt(id) > MAX_INT64) {
    throw parseError("Invalid custom emoji identifier specified");
  }
  return id;
}

function dateTimeEntity(tag: OpenTag, offset: number, length: number): MessageEntity {
  const unix = tag.attributes.get("unix") ?? "";
  const format = tag.attributes.get("format") ?? "";
  // Telegram's exact wording for these two failures is not known; the prefix marks them as the fake's.
  if (!/^\d+$/.test(unix)) throw parseError("fake-telegram: tg-time needs a numeric unix attribute");
  if (!/^(r|w?[dD]?[tT]?)$/.test(format)) throw parseError(`fake-telegram: unsupported tg-time format "${format}"`);
  return {
    type: "date_time",
    offset,
    length,
    unix_time: Number(unix),
    date_time_format: format as MessageEntity.DateTimeMessageEntity["date_time_format"],
  };
}

/** Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and numeric references; anything else leaves `&` as a plain character. */
function decodeHtmlEntity(source: string, at: number): { text: string; next: number } | undefined {
  let end = at + 1;
  if (source[end] === "#") {
    end += 1;
    const hex = source[end] === "x" || source[end] === "X";
    if (hex) end += 1;
    const digitsBegin = end;
    while (end < source.length && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(source[end] ?? "")) end += 1;
    if (end === digitsBegin || source[end] !== ";") return undefined;
    const code = Number.parseInt(source.slice(digitsBegin, end), hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(code), next: end + 1 };
  }
  while (end < source.length && /[A-Za-z0-9]/.test(source[end] ?? "")) end += 1;
  if (source[end] !== ";") return undefined;
  const text = NAMED_ENTITIES[source.slice(at + 1, end)];
  return text === undefined ? undefined : { text, next: end + 1 };
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

const AMPERSAND = 0x26;
const LESS_THAN = 0x3c;

/** Where the plain text starting at `from` ends: the next `&` or `<`, or the end of the source. */
function plainRunEnd(source: string, from: number): number {
  let end = from;
  while (end < source.length) {
    const code = source.charCodeAt(end);
    if (code === AMPERSAND || code === LESS_THAN) break;
    end += 1;
  }
  return end;
}

const isSpace = (char: string | undefined): boolean =>
  char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\f" || char === "\v";

const parseError = (detail: string) => badRequest(`can't parse entities: ${detail}`);
