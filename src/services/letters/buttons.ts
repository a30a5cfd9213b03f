import type { StarterOccasion } from "../../domain/letters/index.js";
import { callbackData } from "../../telegram/callback-data.js";

/**
 * "Write a letter" buttons: drawn by the directory card, by news and reminders sent from the outbox, handled by the
 * letter feature. Data is untrusted: the slug is looked up when pressed.
 */

/** "Write a letter" on a prisoner card: `write:<slug>`. */
export const writeTo = callbackData("write", 1);
/** The same with an opening suggestion (case news): `write:<slug>:<opening>`. */
export const writeToWithOpening = callbackData("write", 2);

const OPENING_CODES: Record<string, StarterOccasion> = {
  "punishment-cell": "punishment-cell",
  pc: "punishment-cell",
  birthday: "birthday",
  bd: "birthday",
};

/** The occasion named in callback data or a deep link (`punishment-cell` or the news feature's short `pc`). */
export function parseOpening(code: string | undefined): StarterOccasion | undefined {
  return code === undefined ? undefined : OPENING_CODES[code];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string | undefined): value is string {
  return value !== undefined && value.length <= 48 && SLUG.test(value);
}

/** Callback data for "write to <slug>", or undefined when the slug cannot be carried in 64 bytes. */
export function writeLetterData(slug: string, opening?: StarterOccasion): string | undefined {
  try {
    return opening ? writeToWithOpening.pack(slug, opening) : writeTo.pack(slug);
  } catch {
    return undefined;
  }
}

/** A flow's token, as drawn by `bot/flows/token.ts`: five base-36 characters. */
const FLOW_TOKEN = /^[0-9a-z]{5}$/;

export function isFlowToken(value: unknown): value is string {
  return typeof value === "string" && FLOW_TOKEN.test(value);
}
