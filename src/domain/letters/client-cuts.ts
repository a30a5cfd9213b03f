/**
 * How Telegram's clients cut a text longer than one message, restated from their source (docs/letter-flow-stages.md,
 * "A paste cut by the client"), so that the writing stage can tell the client's cut from the writer's own next message
 * and put the pieces of one paragraph back together. Each split returns the first message and the rest as the client
 * sends them (trimmed), or undefined when the client sends the text as one message.
 */
import { TELEGRAM_MESSAGE_LIMIT } from "./split-for-telegram.js";

type Split = readonly [first: string, rest: string] | undefined;

/**
 * Telegram Desktop (`TextUtilities::CutPart`, desktop-app/lib_ui `ui/text/text_entity.cpp`; the caller
 * `ApiWrap::sendMessage` trims both parts): counts code points; past half the limit it rates every position and cuts
 * at the last of the best — a blank line, a line break, a space after . ? !, after , : ;, any space, after a word
 * separator, anywhere — dropping the white space it cut at. Plain text only: the writer's formatting is not modelled.
 */
export function desktopSplit(text: string, limit = TELEGRAM_MESSAGE_LIMIT): Split {
  // Never more code points than UTF-16 units: a text this short is one message, without counting.
  if (text.length <= limit) return undefined;
  const half = Math.floor(limit / 2);
  let good = 0;
  let goodLevel = 0;
  for (let at = 0, position = 0; at < text.length; position++) {
    if (position > half) {
      const level = desktopLevel(text, at);
      if (level >= goodLevel) [good, goodLevel] = [at, level];
    }
    at += isSurrogatePair(text, at) ? 2 : 1;
    if (position >= limit) return [text.slice(0, good).trim(), text.slice(good).trim()];
  }
  return undefined;
}

/**
 * CutPart's rating of a cut before `text[at]`, outside any entity. Read as UTF-16 units: a one-character string per
 * position (which V8 makes anew for every Cyrillic letter) and a regular expression per position cost 0.2 ms a call.
 */
function desktopLevel(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (isDesktopNewline(code)) return isDesktopNewline(text.charCodeAt(at + 1)) ? 15 : 13;
  const before = text.charCodeAt(at - 1);
  if (isDesktopSpace(code)) {
    if (before === 0x2e || before === 0x3f || before === 0x21) return 10; // . ? !
    return before === 0x2c || before === 0x3a || before === 0x3b ? 8 : 6; // , : ;
  }
  return DESKTOP_WORD_SEPARATORS.has(before) ? 4 : 2;
}

const isDesktopNewline = (code: number): boolean => code === 0x0a || code === 0x9c;
/** `\s` of a regular expression (the spec's WhiteSpace and LineTerminator), a control character or U+FFFC. */
export const isDesktopSpace = (code: number): boolean =>
  code < 0x21 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff ||
  code === 0xfffc;
const DESKTOP_WORD_SEPARATORS = new Set([..." \n.,?!@#$:;-<>[](){}=/+%&^*'\"`~|\u2013\u2014\u2018\u2019\u201c\u201d\u2026\ufffc"].map((char) => char.charCodeAt(0)));

/**
 * Telegram for Android (`ChatActivityEnterView.processSendingText`, DrKLO/Telegram): counts UTF-16 units; looks back
 * at most 300 of them from the limit for, in this order, a blank line, the earliest line break, the last white space
 * after a full stop, the last white space, and cuts there, skipping that character; with none it cuts at the limit and
 * skips the character there (which is then lost). Both parts are trimmed.
 */
export function androidSplit(text: string, limit = TELEGRAM_MESSAGE_LIMIT): Split {
  if (text.length <= limit) return undefined;
  let [blankLine, lineBreak, afterStop, white] = [-1, -1, -1, -1];
  for (let at = limit - 1, looked = 0; at > 0 && looked < 300; at--, looked++) {
    const [code, before] = [text.charCodeAt(at), text.charCodeAt(at - 1)];
    if (code === 0x0a && before === 0x0a) {
      blankLine = at;
      break;
    }
    if (code === 0x0a) lineBreak = at;
    else if (afterStop < 0 && isJavaWhitespace(code) && before === 0x2e) afterStop = at; // .
    else if (white < 0 && isJavaWhitespace(code)) white = at;
  }
  const end = [blankLine, lineBreak, afterStop, white].find((at) => at > 0) ?? limit;
  return [text.slice(0, end).trim(), text.slice(end + 1).trim()];
}

/**
 * Java's `Character.isWhitespace` of a UTF-16 unit: the space separators (Zs) except the no-break ones (U+00A0,
 * U+2007, U+202F), the line and paragraph separators, and the ASCII controls it names. Read as a unit, as Desktop's
 * rating is, without a one-character string and a regular expression at each of the 300 positions looked at.
 */
export const isJavaWhitespace = (code: number): boolean =>
  (code >= 0x09 && code <= 0x0d) ||
  (code >= 0x1c && code <= 0x20) ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a && code !== 0x2007) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x205f ||
  code === 0x3000;

/**
 * Telegram Web K (`splitStringByLength`, morethanwords/tweb `src/helpers/string/splitStringByLength.ts`): whole words
 * with their following space, as many as fit the limit in UTF-16 units; a first word longer than the limit is cut at
 * it. Line breaks are not looked at. The first part ends with the space, which the server does not keep.
 */
export function webKSplit(text: string, limit = TELEGRAM_MESSAGE_LIMIT): Split {
  if (text.length <= limit) return undefined;
  const end = text.lastIndexOf(" ", limit - 1) + 1 || limit;
  return [text.slice(0, end).trim(), text.slice(end).trim()];
}

const CLIENTS = [desktopSplit, androidSplit, webKSplit] as const;

/** How two pieces of one text a client cut join back: a space where it cut at one, nothing inside a word. */
export type CutJoin = " " | "";

/**
 * Whether `next` is the rest of the text `previous` began, cut by a client inside a paragraph, and how the two join:
 * some client's split of `previous` + join + `next` gives exactly these two messages. Undefined when no client's cut
 * explains them: the writer's own next message, or a cut at a line break, which stays a paragraph break. Both texts as
 * the draft keeps them (normalised, trimmed).
 *
 * Every client drops the white space it cuts at (and the server trims what is left), so a cut inside a word and a cut
 * at one space right at the limit give the same two messages; both are explained only where the client's window held
 * no white space at all (a long link, a text without spaces), and then the run most likely goes on: no space.
 */
export function joinOfClientCut(previous: string, next: string): CutJoin | undefined {
  if (previous === "" || next === "") return undefined;
  const explains = (join: CutJoin): boolean => {
    const whole = previous + join + next;
    return CLIENTS.some((split) => {
      const pieces = split(whole);
      return pieces !== undefined && pieces[0] === previous && pieces[1] === next;
    });
  };
  if (explains("")) return "";
  return explains(" ") ? " " : undefined;
}

/**
 * Whether a saved message could be the first piece of a client's cut. Desktop's is the shortest: more than half the
 * limit in code points before it trims the white space at its end, so a little under half is let through here.
 */
export function mayBeCutPiece(text: string): boolean {
  return text.length > TELEGRAM_MESSAGE_LIMIT / 2 - 64;
}

function isSurrogatePair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
}
