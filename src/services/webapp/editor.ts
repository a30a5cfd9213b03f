import { createHash } from "node:crypto";
import type { Clock } from "../../clock.js";
import { type DB, inTransactionRetryingDeadlocks } from "../../db/database.js";
import { findActiveDrafts, getOrCreateDraft, saveDraftText } from "../../db/repositories/letters.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getPrisonerFor } from "../../db/repositories/prisoners.js";
import { lockPerson } from "../../db/repositories/users.js";
import { checkLetter, type LetterLanguage, type PrisonerStatus, type PrisonSystem } from "../../domain/censorship/index.js";
import { decideWrite } from "../../domain/directory/write-decision.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import {
  countCharacters,
  type DraftStats,
  draftStats,
  MAX_LETTER_CHARACTERS,
  normaliseLetterText,
  recipientFromPrisoner,
} from "../../domain/letters/index.js";
import { forgetRefusal } from "../letters/writing-stage.js";
import { isBeingForgotten } from "../privacy/forget.js";
import { hasOrganiserRelay } from "../relay/relay-letter.js";
import type { CheckResponse } from "../../webapp/protocol.js";

/**
 * The letter editor Mini App's use cases. The editor works on the very draft the chat flow writes (`letters.text`
 * of the writer's draft to that person), so the two never disagree: whatever was saved last, from either side, is
 * the letter. A save names the version it was based on; a draft changed meanwhile is not overwritten.
 */
export interface EditorDeps {
  db: DB;
  clock: Clock;
}

/** Who the letter is for, with what the editor and its check need. */
export interface EditorTarget {
  slug: string;
  names: PrisonerRecord["names"];
  system: PrisonSystem;
  status: PrisonerStatus;
}

export interface OpenedDraft {
  target: EditorTarget;
  text: string;
  version: string;
  limit: number;
}

export type OpenOutcome = { kind: "ok"; draft: OpenedDraft } | { kind: "no-draft" } | { kind: "not-writable" };

/** A short fingerprint of the draft text: the version a save is based on. No text at all is its own version. */
export function draftVersion(text: string | null): string {
  if (text === null || text === "") return "empty";
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

/**
 * The writer's draft to this person (or, without a person, the one edited last). A person with no draft yet can be
 * opened only if the bot would let the writer write to them (the same decision as the chat flow).
 */
export async function openDraft(deps: EditorDeps, writerId: number, slug: string | undefined): Promise<OpenOutcome> {
  const drafts = await findActiveDrafts(deps.db, writerId);
  const draft = slug === undefined ? drafts[0] : drafts.find((letter) => letter.prisoner_slug === slug);
  const targetSlug = draft?.prisoner_slug ?? slug;
  if (targetSlug === undefined) return { kind: "no-draft" };
  const target = await loadTarget(deps, targetSlug, writerId, draft === undefined);
  if (!target) return { kind: "not-writable" };
  const text = draft?.text ?? null;
  return { kind: "ok", draft: { target, text: text ?? "", version: draftVersion(text), limit: MAX_LETTER_CHARACTERS } };
}

async function loadTarget(deps: EditorDeps, slug: string, writerId: number, mustBeWritable: boolean): Promise<EditorTarget | undefined> {
  const prisoner = await getPrisonerFor(deps.db, slug, writerId);
  if (!prisoner) return undefined;
  const institution = prisoner.location.institution ? await getInstitutionBySlug(deps.db, prisoner.location.institution) : undefined;
  if (mustBeWritable) {
    const organiserRelay = await hasOrganiserRelay(deps.db, slug);
    if (decideWrite(prisoner, institution, { organiserRelay, today: deps.clock.now() }).kind === "refused") return undefined;
  }
  const { system } = recipientFromPrisoner(prisoner, institution);
  return { slug, names: prisoner.names, system, status: prisoner.status.value };
}

export type SaveOutcome =
  | { kind: "saved"; version: string; stats: DraftStats }
  | { kind: "conflict"; text: string; version: string }
  | { kind: "empty" }
  | { kind: "too-long"; characters: number; limit: number }
  | { kind: "not-writable" }
  | { kind: "forgotten" };

/**
 * Saves the editor's text as the draft if the draft is still the version the editor started from. One transaction,
 * which takes the writer's row first, as /forget and retention's finish do (`lockPerson`): an editor left open while
 * the writer asked to be forgotten saves nothing (`forgotten`), whichever of the two comes first, and on Postgres
 * neither waits for the other in a cycle.
 */
export async function saveEditedDraft(
  deps: EditorDeps,
  writerId: number,
  input: { slug: string; text: string; baseVersion: string },
): Promise<SaveOutcome> {
  const text = normaliseLetterText(input.text);
  if (text === "") return { kind: "empty" };
  const characters = countCharacters(text);
  if (characters > MAX_LETTER_CHARACTERS) return { kind: "too-long", characters, limit: MAX_LETTER_CHARACTERS };
  const now = deps.clock.now();
  return inTransactionRetryingDeadlocks(deps.db, async (db): Promise<SaveOutcome> => {
    if (isBeingForgotten(await lockPerson(db, writerId, "write"))) return { kind: "forgotten" };
    const draftTo = async () => (await findActiveDrafts(db, writerId)).find((letter) => letter.prisoner_slug === input.slug);
    const existing = await draftTo();
    if (!existing && !(await loadTarget({ ...deps, db }, input.slug, writerId, true))) return { kind: "not-writable" };
    const current = existing?.text ?? null;
    if (draftVersion(current) !== input.baseVersion) return { kind: "conflict", text: current ?? "", version: draftVersion(current) };
    const draft = existing ?? (await getOrCreateDraft(db, writerId, input.slug, now));
    if (!(await saveDraftText(db, { letterId: draft.id, writerId, expected: current, text, now }))) {
      // The chat saved between our read and our write (it does not wait for the writer's row): report what is there now.
      const latest = (await draftTo())?.text ?? null;
      return { kind: "conflict", text: latest ?? "", version: draftVersion(latest) };
    }
    await forgetRefusal(db, writerId, input.slug);
    return { kind: "saved", version: draftVersion(text), stats: draftStats(text) };
  });
}

/** Findings with translated reasons; each paragraph (text between line breaks) with its main language. */
export interface EditorCheck extends CheckResponse {
  stats: DraftStats;
}

export type Translate = (key: string) => string;

/** The censorship check on the text being edited (not the saved draft), so highlights match what is on screen. */
export function checkEditorText(text: string, target: Pick<EditorTarget, "system" | "status">, t: Translate): EditorCheck {
  const result = checkLetter(text, { system: target.system, status: target.status });
  const findings = result.findings.map((finding) => ({
    start: finding.start,
    end: finding.end,
    category: finding.category,
    severity: finding.severity,
    why: t(finding.explanationKey),
    instead: t(finding.suggestionKey),
    // The check's advice for these categories is to leave the words out: the editor offers one tap for that.
    removable: finding.category !== "language",
  }));
  const paragraphs: EditorCheck["paragraphs"] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    const end = start + line.length;
    const language = dominantLanguage(result.language.spans, start, end);
    if (language) paragraphs.push({ start, end, language, name: t(`censorship-language-name-${language}`) });
    start = end + 1;
  }
  return { findings, paragraphs, stats: result.stats };
}

function dominantLanguage(spans: readonly { language: LetterLanguage; start: number; end: number }[], start: number, end: number) {
  let best: LetterLanguage | undefined;
  let bestOverlap = 0;
  for (const span of spans) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > bestOverlap) {
      best = span.language;
      bestOverlap = overlap;
    }
  }
  return best;
}
