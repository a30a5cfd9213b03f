/**
 * A Memorial person page (research §2.5): only the letter block and the birth date are read. Biography paragraphs
 * are searched for a birth date and then dropped; photos are never touched.
 */
import { load } from "cheerio";
import { type LetterBlock, parseLetterBlock } from "./memorial-letter-block.js";
import { SourceFormatError } from "./types.js";

export const MEMORIAL_PAGE_PARSER_VERSION = "memorial-page@1";

export interface PersonPage {
  name: string;
  letter: LetterBlock;
  /** The letter block's text, verbatim (joined paragraphs), for organisers. */
  letterText: string;
  birthDate: string | null;
  birthYear: number | null;
}

const MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

export function birthFromText(text: string): { date: string | null; year: number | null } {
  const day = new RegExp(`(?<!\\p{L})(?:родил(?:ся|ась)\\s+)?(\\d{1,2})\\s+(${MONTHS.join("|")})\\s+(\\d{4})\\s+года(?:\\s+рождения)?`, "iu").exec(text);
  if (day && (/родил/iu.test(day[0]) || /рождения/iu.test(day[0]))) {
    const month = MONTHS.indexOf((day[2] as string).toLowerCase()) + 1;
    return { date: `${day[3]}-${String(month).padStart(2, "0")}-${String(day[1]).padStart(2, "0")}`, year: Number(day[3]) };
  }
  const inYear = /(?<!\p{L})родил(?:ся|ась)\s+в\s+(\d{4})\s+году/iu.exec(text) ?? /(?<!\d)(\d{4})\s*г\.\s*р\./u.exec(text);
  return { date: null, year: inYear ? Number(inYear[1]) : null };
}

export function parsePersonPage(html: string): PersonPage {
  const $ = load(html);
  const name = $("div.human-dossier__name h1").first().text().replace(/\s+/g, " ").trim();
  if (name === "") throw new SourceFormatError("Memorial person page without div.human-dossier__name h1: the page changed shape");
  const modal = $('div[data-modal="letter"]').first();
  const paragraphs = modal.find(".modal-content p").map((_, element) => $(element).text().trim()).get();
  const letterText = paragraphs.join(" ").replace(/\s+/g, " ").trim();
  const letter = parseLetterBlock(letterText);
  const bio = $("div.human-dossier__art p")
    .map((_, element) => $(element).text())
    .get()
    .filter((paragraph) => !paragraph.startsWith("Включение конкретного человека в список"))
    .join(" ");
  const description = $('meta[property="og:description"]').attr("content") ?? "";
  const fromBio = birthFromText(`${bio} ${description}`);
  return {
    name,
    letter,
    letterText,
    birthDate: fromBio.date,
    birthYear: fromBio.year ?? letter.birthYear,
  };
}
