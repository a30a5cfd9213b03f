import { forgetRequestedAt } from "../../db/repositories/users.js";
import { AWAITING_ORGANISERS } from "../../domain/letters/status.js";
import { addLetterReply, lettersWithReplies } from "../../db/repositories/letter-replies.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import {
  findLetterOfWriterByReference,
  getLetterFinishedByPress,
  getLetterOfWriter,
  type LetterSummary,
  listLettersOfWriter,
  setLetterStatus,
} from "../../db/repositories/letters.js";
import { getPrisonerBySlug, getPrisonersBySlugs } from "../../db/repositories/prisoners.js";
import type { Letter } from "../../db/tables/letters.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import {
  type DeliveryOption,
  type LetterRecipient,
  type LetterSignature,
  type LocalizedText,
  planDelivery,
} from "../../domain/letters/index.js";
import type { ServiceDeps } from "../deps.js";
import { letterRecipient } from "./recipient.js";
import { getTranslation } from "../../db/repositories/translations.js";

/** A line of /letters: the letter, the person it is for (null when gone from the directory), whether a reply came. */
export interface LetterInList {
  letter: LetterSummary;
  names: PrisonerRecord["names"] | null;
  hasReply: boolean;
}

/** One page of the writer's letters, newest first, with the people and replies read in one query each. */
export async function listLettersOf(
  deps: Pick<ServiceDeps, "db">,
  writerId: number,
  page: { limit: number; offset: number },
): Promise<{ letters: LetterInList[]; hasMore: boolean; forgetRequestedAt?: string }> {
  const { letters, hasMore } = await listLettersOfWriter(deps.db, writerId, page);
  if (letters.length === 0) return { letters: [], hasMore };
  // After /forget only the letters organisers still hold are left: the list says which and why.
  const forgetAt = letters.some((letter) => AWAITING_ORGANISERS.includes(letter.status)) ? await forgetRequestedAt(deps.db, writerId) : undefined;
  const withReplies = await lettersWithReplies(deps.db, letters.map((letter) => letter.id));
  const prisoners = await getPrisonersBySlugs(deps.db, letters.map((letter) => letter.prisoner_slug));
  return {
    letters: letters.map((letter) => ({
      letter,
      names: prisoners.get(letter.prisoner_slug)?.names ?? null,
      hasReply: withReplies.has(letter.id),
    })),
    hasMore,
    ...(forgetAt === undefined ? {} : { forgetRequestedAt: forgetAt }),
  };
}

/** Letters the writer sends themselves and whose text is still kept (30 days after finishing, docs/letters.md). */
export function canSendAgain(letter: Pick<Letter, "status" | "route" | "text_purged_at" | "reference">): boolean {
  return (
    (letter.status === "finished" || letter.status === "sent") &&
    (letter.route === "fsin_pismo" || letter.route === "post") &&
    letter.text_purged_at === null &&
    letter.reference !== null
  );
}

/** A finished letter as its writer gets it (on finishing and again later): text, recipient, and the route's form. */
export interface FinishedLetterCopy {
  recipient: LetterRecipient;
  text: string;
  signature: LetterSignature;
  finishedAt: string;
  reference: string;
  /** Undefined when the letter's route is closed (the person was moved or freed). */
  option: DeliveryOption | undefined;
}

/** What "send it again" shows: the letter with the recipient as the directory has it today, and why a route closed. */
export interface LetterAgain extends FinishedLetterCopy {
  names: PrisonerRecord["names"];
  /** For the title's declined name («Ваш лист Борисові Кагарлицькому ще раз»). */
  gender: PrisonerRecord["gender"];
  notices: LocalizedText[];
}

/** The writer's own letter planned once more; undefined when it cannot be sent again (not theirs, purged, relayed…). */
export async function letterToSendAgain(deps: Pick<ServiceDeps, "db">, letterId: number, writerId: number): Promise<LetterAgain | undefined> {
  const letter = await getLetterOfWriter(deps.db, letterId, writerId);
  if (!letter || !canSendAgain(letter)) return undefined;
  return copyOfLetter(deps, letter);
}

/** A letter the writer sends themselves, with its recipient and route as the directory has them today. */
async function copyOfLetter(deps: Pick<ServiceDeps, "db">, letter: Letter): Promise<LetterAgain | undefined> {
  if (!letter.text || !letter.reference || !letter.route) return undefined;
  const prisoner = await getPrisonerBySlug(deps.db, letter.prisoner_slug);
  if (!prisoner) return undefined;
  const institution = prisoner.location.institution ? await getInstitutionBySlug(deps.db, prisoner.location.institution) : undefined;
  const recipient = await letterRecipient(deps.db, prisoner, institution);
  const plan = planDelivery(recipient, { organiserRelay: false });
  return {
    names: prisoner.names,
    gender: prisoner.gender,
    recipient,
    text: letter.text,
    signature: { name: letter.signature_name ?? "", ...(letter.signature_city ? { city: letter.signature_city } : {}) },
    finishedAt: letter.finished_at ?? letter.updated_at,
    reference: letter.reference,
    option: plan.options.find((candidate) => candidate.route === letter.route),
    notices: plan.notices,
  };
}

/**
 * The letter this press (Telegram's callback query id) finished, as its final screen showed it (docs/letter-flow-stages.md, "A press
 * delivered again"): handed to the organisers (with whether a translation was asked for), or the letter to send
 * oneself with its form; `gone` when its text is no longer kept or its person no longer listed. Undefined when no
 * letter of this writer was finished by that press: it is of a step that is over.
 */
export async function letterFinishedByPress(
  deps: Pick<ServiceDeps, "db">,
  writerId: number,
  press: string,
): Promise<FinishedByPress | undefined> {
  const letter = await getLetterFinishedByPress(deps.db, writerId, press);
  if (!letter) return undefined;
  if (letter.route !== "organisers") {
    const copy = await copyOfLetter(deps, letter);
    return copy ? { kind: "copy", ...copy } : { kind: "gone" };
  }
  const prisoner = await getPrisonerBySlug(deps.db, letter.prisoner_slug);
  if (!prisoner || !letter.reference) return { kind: "gone" };
  const translation = await getTranslation(deps.db, letter.id);
  return { kind: "organisers", names: prisoner.names, gender: prisoner.gender, reference: letter.reference, translationRequested: translation !== undefined };
}

/** What `letterFinishedByPress` found. */
export type FinishedByPress =
  | ({ kind: "copy" } & LetterAgain)
  | { kind: "organisers"; names: PrisonerRecord["names"]; gender: PrisonerRecord["gender"]; reference: string; translationRequested: boolean }
  | { kind: "gone" };

function sentBySelf(letter: Pick<Letter, "route">): boolean {
  return letter.route === "fsin_pismo" || letter.route === "post";
}

/** The writer marks a letter they post or submit themselves as sent, or as answered; undefined when it is not one. */
export async function markOwnLetter(
  deps: Pick<ServiceDeps, "db" | "clock">,
  writerId: number,
  letterId: number,
  to: "sent" | "reply_received",
): Promise<Letter | undefined> {
  if (!Number.isSafeInteger(letterId) || letterId < 1) return undefined;
  const changed = await setLetterStatus(deps.db, letterId, to, { now: deps.clock.now(), writerId });
  // Marked so already: the press delivered again after a death (its refused answer no longer stops the handler), or
  // an older /letters button. Answered as done, which it is, rather than "cannot be marked like that".
  const letter = changed.ok ? changed.letter : changed.reason === "not-allowed" && changed.from === to ? await getLetterOfWriter(deps.db, letterId, writerId) : undefined;
  return letter && sentBySelf(letter) ? letter : undefined;
}

/**
 * Keeps the Telegram file id of a reply's photo or scan the writer sent for their own answered letter (by its
 * reference); false when the reference names no such letter of theirs, so the message passes on.
 */
export async function keepOwnLetterReply(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { writerId: number; reference: string; kind: "photo" | "document"; fileId: string; messageId: number },
): Promise<boolean> {
  const letter = await findLetterOfWriterByReference(deps.db, input.writerId, input.reference);
  if (!letter || letter.status !== "reply_received" || !sentBySelf(letter)) return false;
  // Keyed by the writer's message in their private chat (its id is the writer's): the same message delivered again
  // by Telegram after a crash is kept once, and answered as kept again.
  await addLetterReply(deps.db, {
    letterId: letter.id,
    writerId: input.writerId,
    kind: input.kind,
    fileId: input.fileId,
    fromChatId: input.writerId,
    messageId: input.messageId,
    postedBy: null,
    now: deps.clock.now(),
  });
  return true;
}
