import { normaliseLetterText } from "./draft.js";
import { fsinPismoRecipientLine } from "./recipient-name.js";
import type { LetterRecipient } from "./types.js";

export interface LetterSignature {
  /** The name or pseudonym the writer signs with. */
  name: string;
  city?: string;
}

/** The letter as it goes to the prisoner: the text, then the signature on its own lines. */
export function renderLetterBody(text: string, signature: LetterSignature): string {
  const lines = [signature.name.trim(), signature.city?.trim() ?? ""].filter((line) => line !== "");
  return [normaliseLetterText(text), lines.join("\n")].filter((part) => part !== "").join("\n\n");
}

/**
 * The finished letter as a .txt file for printing or pasting: a short Russian header (whom, where, date), then the
 * body. The reference number stays in the file name only: printed on the letter, a code like «L-2611-7K3Q» is the kind
 * of thing a censor reads as a cipher.
 */
export function renderLetterFile(input: {
  recipient: LetterRecipient;
  text: string;
  signature: LetterSignature;
  writtenOn: Date;
  reference?: string;
}): { filename: string; content: string; body: string } {
  const { recipient } = input;
  const institution = recipient.institution;
  const where = institution?.fsinName
    ? [institution.fsinName, institution.fsinRegion].filter(Boolean).join(", ")
    : institution?.postalAddress
        ?.split("\n")
        .map((line) => line.trim().replace(/,$/u, ""))
        .filter(Boolean)
        .join(", ");
  const header = [`Кому: ${fsinPismoRecipientLine(recipient)}`];
  if (where) header.push(`Куда: ${where}`);
  header.push(`Дата: ${formatRussianDate(input.writtenOn)}`);
  const body = renderLetterBody(input.text, input.signature);
  return {
    filename: input.reference ? `letter-${input.reference}.txt` : "letter.txt",
    content: `${header.join("\n")}\n\n${body}\n`,
    body,
  };
}

/** 23.11.2026, in UTC so that the same letter renders the same on any server. */
function formatRussianDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}
