import { deleteStoredFlows } from "../../db/conversation-storage.js";
import type { DB } from "../../db/database.js";
import { findUser, replaceLetterStageIf, setLetterStage } from "../../db/repositories/users.js";
import type { PrisonSystem } from "../../domain/letters/types.js";
import type { Gender, PersonName, PrisonerRecord } from "../../domain/directory/types.js";
import type { StarterOccasion } from "../../domain/letters/index.js";
import { parseOpening } from "./buttons.js";
import { type FindingsSummary, parseFindingsSummary } from "../../domain/letters/index.js";
import type { ServiceDeps } from "../deps.js";
import { isFlowToken, isSlug } from "./buttons.js";

/**
 * The letter flow's writing stage (issue 14, docs/letter-flow-stages.md): while a writer adds messages to a draft, no
 * conversation is replayed; this record, kept on their user row (which every update reads), says whose draft the
 * messages go to, which token the writing screen's buttons carry, and the starter's closing that new paragraphs go
 * before. Leaving the stage (a command, /cancel, any flow entered) clears it; the draft itself is never touched here.
 */
export interface WritingStage {
  token: string;
  slug: string;
  /** The recipient's prison system, for the length advice after each message. */
  system: PrisonSystem;
  /** The starter's closing: new paragraphs go before it while the draft still ends with it. */
  closing?: string;
  /**
   * Set while the writer is on the opening screen (the guidance, before the first text): the first message starts the
   * draft and shows the writing screen, which needs whom the letter is for; the opening's buttons carry the occasion.
   */
  opening?: OpeningScreen;
  /** Set while the writer is on the signing screen, after the check (its buttons lead on to the route). */
  signing?: SigningScreen;
  /**
   * A message was refused as too long since the last one saved. Telegram sends a paste longer than 4,096 characters
   * as several messages: when one in the middle crosses the limit, the next is saved after a gap, and its answer says so.
   */
  refused?: true;
  /**
   * A paragraph was just replaced by a message of the writer's: the last paragraph that message wrote and the
   * message's date. Telegram sends a paste longer than 4,096 characters as several messages, the writer may send two
   * at once: a text dated within PASTE_WINDOW_SECONDS of it goes in after that paragraph, not at the end.
   */
  replaced?: ReplacedParagraph;
  /**
   * The last message saved that may be the first piece of a client's cut (a long paste): the next text within the
   * paste window that continues it where the client cut inside a paragraph joins that paragraph (client-cut.ts).
   */
  cut?: CutPiece;
  /**
   * The press that led to this screen (Telegram's callback query id): "Done" or "keep it" to the signing screen, "edit"
   * back to the writing screen. The same press delivered again, which this screen does not take, shows the screen
   * again instead of "out of date" (docs/letter-flow-stages.md, "A press delivered again").
   */
  press?: string;
}

/** A saved message as the next piece of a cut needs it: no text, only how to find it again at the end of the draft. */
export interface CutPiece {
  /** Telegram's date (seconds) and message id: a piece delivered again is recognised, not saved twice. */
  date: number;
  message: number;
  /** The piece as saved (normalised): its length in UTF-16 units, ending the paragraph it went to, and its tag. */
  length: number;
  tag: string;
}

export interface ReplacedParagraph {
  index: number;
  tag: string;
  /** Telegram's date of the message (seconds): the same across a restart, unlike the bot's clock. */
  date: number;
  /** The replacement was not saved (too long, or its paragraph changed meanwhile): the rest of the paste is refused with it. */
  refused?: true;
}

/**
 * How long after a paragraph's replacement a text still counts as the rest of it. The pieces of one long paste come
 * with the same date or a second apart; a writer who reads the answer and types something new takes longer than this.
 */
export const PASTE_WINDOW_SECONDS = 3;

/** Whether a text dated `date` is the rest of the replacement the stage remembers. */
export function continuesReplacement(replaced: ReplacedParagraph | undefined, date: number): replaced is ReplacedParagraph {
  return replaced !== undefined && withinPasteWindow(replaced.date, date);
}

/** Whether a message dated `date` came within the paste window of one dated `earlier` (Telegram's dates, seconds). */
export function withinPasteWindow(earlier: number, date: number): boolean {
  return date >= earlier && date - earlier <= PASTE_WINDOW_SECONDS;
}

/**
 * What the signing screen's stage keeps: the check's counts (stored with the finished letter), whether the check was
 * clean (then the screen offers "edit" and the checklist), and the signature once typed, while "remember it?" waits.
 */
export interface SigningScreen {
  summary: FindingsSummary;
  clean: boolean;
  /** The writer's remembered signature, offered as a button (read when the screen was shown). */
  remembered?: StageSignature;
  signature?: StageSignature;
}

interface StageSignature {
  name: string;
  city: string | null;
}

/** What the opening screen's stage keeps of the recipient: the names and gender for the writing screen's title. */
export interface OpeningScreen {
  names: PrisonerRecord["names"];
  gender: Gender;
  /** Someone not in the list (the writer's own card): the writing screen's text is then not remembered (render/remembered.ts). */
  unchecked?: true;
  /** The constructor's occasion the flow was entered with (case news: a punishment cell, a birthday). */
  occasion?: StarterOccasion;
}

/**
 * The last record parsed: one update asks for its sender's stage several times (the flow storage, the stage's
 * middleware, /cancel), always the same string. Frozen, so no caller can change what the next one gets.
 */
let lastParsed: { raw: string; stage: Readonly<WritingStage> | undefined } | undefined;

/** The stored stage, or undefined when there is none or it does not parse (then the writer is simply not in it). */
export function parseWritingStage(raw: string | null | undefined): Readonly<WritingStage> | undefined {
  if (!raw) return undefined;
  if (lastParsed?.raw !== raw) lastParsed = { raw, stage: deepFreeze(parseStageRecord(raw)) };
  return lastParsed.stage;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function parseStageRecord(raw: string): WritingStage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const { token, slug, system, closing, opening, signing, refused, replaced, cut, press } = value as Record<string, unknown>;
  if (!isFlowToken(token) || typeof slug !== "string" || !isSlug(slug)) return undefined;
  if (system !== "ru" && system !== "by") return undefined;
  const screen = opening === undefined ? undefined : parseOpeningScreen(opening);
  const signingScreen = signing === undefined ? undefined : parseSigningScreen(signing);
  const pasted = replaced === undefined ? undefined : parseReplacedParagraph(replaced);
  const piece = cut === undefined ? undefined : parseCutPiece(cut);
  if ((opening !== undefined && !screen) || (signing !== undefined && !signingScreen)) return undefined;
  return {
    token,
    slug,
    system,
    ...(typeof closing === "string" && closing !== "" ? { closing } : {}),
    ...(screen ? { opening: screen } : {}),
    ...(signingScreen ? { signing: signingScreen } : {}),
    ...(refused === true ? { refused } : {}),
    ...(pasted ? { replaced: pasted } : {}),
    ...(piece ? { cut: piece } : {}),
    ...(typeof press === "string" && press !== "" && press.length <= 64 ? { press } : {}),
  };
}

function parseCutPiece(value: unknown): CutPiece | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { date, message, length, tag } = value as Record<string, unknown>;
  const counts = [date, message, length].every((number) => typeof number === "number" && Number.isSafeInteger(number) && number >= 0);
  if (!counts || typeof tag !== "string" || !/^[0-9a-z]{4}$/u.test(tag)) return undefined;
  return { date: date as number, message: message as number, length: length as number, tag };
}

function parseReplacedParagraph(value: unknown): ReplacedParagraph | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { index, tag, date, refused } = value as Record<string, unknown>;
  if (typeof index !== "number" || !Number.isSafeInteger(index) || index < 0) return undefined;
  if (typeof tag !== "string" || !/^[0-9a-z]{4}$/u.test(tag)) return undefined;
  if (typeof date !== "number" || !Number.isSafeInteger(date) || (refused !== undefined && refused !== true)) return undefined;
  return { index, tag, date, ...(refused ? { refused } : {}) };
}

function parseSigningScreen(value: unknown): SigningScreen | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { summary, clean, remembered, signature } = value as Record<string, unknown>;
  if (typeof clean !== "boolean") return undefined;
  let findings: FindingsSummary;
  try {
    findings = parseFindingsSummary(JSON.stringify(summary ?? null));
  } catch {
    return undefined;
  }
  const [offered, typed] = [parseStageSignature(remembered), parseStageSignature(signature)];
  if (offered === null || typed === null) return undefined;
  return { summary: findings, clean, ...(offered ? { remembered: offered } : {}), ...(typed ? { signature: typed } : {}) };
}

/** Undefined when absent, null when present but malformed. */
function parseStageSignature(value: unknown): StageSignature | undefined | null {
  if (value === undefined) return undefined;
  const { name, city } = (value ?? {}) as Record<string, unknown>;
  if (typeof name !== "string" || (city !== null && typeof city !== "string")) return null;
  return { name, city };
}

function parsePersonName(value: unknown): PersonName | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { given, surname, patronymic } = value as Record<string, unknown>;
  if (typeof given !== "string" || typeof surname !== "string") return undefined;
  return { given, surname, patronymic: typeof patronymic === "string" ? patronymic : null };
}

function parseOpeningScreen(value: unknown): OpeningScreen | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { names, gender, unchecked, occasion } = value as Record<string, unknown>;
  const { ru, uk, latin } = (names ?? {}) as Record<string, unknown>;
  const [ruName, ukName, latinName] = [parsePersonName(ru), parsePersonName(uk), parsePersonName(latin)];
  if (!ruName || !ukName || !latinName || (gender !== "male" && gender !== "female")) return undefined;
  const starter = typeof occasion === "string" ? parseOpening(occasion) : undefined;
  return { names: { ru: ruName, uk: ukName, latin: latinName }, gender, ...(unchecked === true ? { unchecked } : {}), ...(starter ? { occasion: starter } : {}) };
}

export function serialiseWritingStage(stage: WritingStage): string {
  const { token, slug, system, closing, opening, signing, refused, replaced, cut, press } = stage;
  return JSON.stringify({
    token,
    slug,
    system,
    ...(closing ? { closing } : {}),
    ...(opening ? { opening } : {}),
    ...(signing ? { signing } : {}),
    ...(refused ? { refused } : {}),
    ...(replaced ? { replaced } : {}),
    ...(cut ? { cut } : {}),
    ...(press ? { press } : {}),
  });
}

export async function enterWritingStage(deps: ServiceDeps, writerId: number, stage: WritingStage): Promise<string> {
  const json = serialiseWritingStage(stage);
  await setLetterStage(deps.db, writerId, json);
  return json;
}

/**
 * Leaves the stage. While in it, the bot does not read the writer's stored flows (none runs beside the stage: entering
 * one leaves it), so any a crash left behind between entering the stage and the flow's end is deleted here, before it
 * could be read again (a flow being entered leaves by `leaveWritingStageForFlow` instead).
 */
export async function leaveWritingStage(deps: ServiceDeps, writerId: number): Promise<void> {
  await deleteStoredFlows(deps.db, writerId);
  await leaveWritingStageForFlow(deps, writerId);
}

/**
 * Leaves the stage for a flow entered in this update, whose stored state, written at the update's end, replaces any
 * flow a crash left behind: the caller has that one deleted at the end instead, only if nothing was written (the
 * flow ended at once, or failed).
 */
export async function leaveWritingStageForFlow(deps: ServiceDeps, writerId: number): Promise<void> {
  await setLetterStage(deps.db, writerId, null);
}

/**
 * Leaves the stage for another screen of the flow recorded in this update (`replace`, which writes the new record):
 * the stored flows are deleted first, as leaving does, and the old record is cleared only if `replace` wrote none (a
 * refusal, an error). One write of the user row where leaving and recording made two (issue 14).
 */
export async function replaceWritingStage(deps: ServiceDeps, writerId: number, replace: () => Promise<boolean>): Promise<void> {
  await deleteStoredFlows(deps.db, writerId);
  let recorded = false;
  try {
    recorded = await replace();
  } finally {
    if (!recorded) await setLetterStage(deps.db, writerId, null);
  }
}

/**
 * The draft to `slug` was saved outside the chat (the letter editor): a refusal noted on the writing stage no longer
 * describes the letter, which is now what the writer saved, so the next message in the chat does not say a message
 * was lost.
 */
export async function forgetRefusal(db: DB, writerId: number, slug: string): Promise<void> {
  const raw = (await findUser(db, writerId))?.letter_stage ?? null;
  const stage = parseWritingStage(raw);
  if (raw === null || stage?.refused !== true || stage.slug !== slug) return;
  const { refused: _was, ...record } = stage;
  await replaceLetterStageIf(db, writerId, raw, serialiseWritingStage(record));
}
