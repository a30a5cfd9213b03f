import { assessLetterLanguage, checkLetter, type CheckResult } from "../../domain/censorship/index.js";
import type { PrisonerRecord, PrisonerStatus } from "../../domain/directory/types.js";
import { decideWrite, type RefusalReason, type WriteWarning } from "../../domain/directory/write-decision.js";
import {
  type DeliveryRoute,
  type DraftStats,
  draftStats,
  type FindingsSummary,
  type Gender,
  type LetterRecipient,
  applyDraftEditWithCounts,
  normaliseLetterText,
} from "../../domain/letters/index.js";
import {
  appendDraftParagraph,
  draftCounts,
  findDraftTo,
  finishLetter,
  getOrCreateDraft,
  getWriterProfile,
  type DraftTextAndProfile,
  saveDraftText,
  saveWriterProfile,
  setStarterClosing,
  startDraftText,
} from "../../db/repositories/letters.js";
import { type LetterTargetFacts, readLetterTargetFacts, readLetterTargetFactsWithDraft } from "../../db/repositories/letter-target.js";
import { inTransaction } from "../../db/database.js";
import { countsOf, statsOfCounts, type TextCounts } from "../../domain/letters/text-counts.js";
import type { WriterIdentity } from "../relay/card.js";
import { getDesk } from "../../db/repositories/desk.js";
import { letterRecipient } from "./recipient.js";
import { type RefusalAlternatives, refusalAlternatives } from "./alternatives.js";
import { NoOrganiserChatError, type OrganiserRelayKind, organiserRelayKind, relayLetterToOrganisers } from "../relay/relay-letter.js";
import type { ServiceDeps } from "../deps.js";
import { relayQuota } from "../relay/relay-quota.js";
import { editDraft } from "../../domain/letters/draft-edit.js";
import { holdsSavedMessage } from "../../domain/letters/saved-messages.js";
import { readOrganiserRouteFacts } from "../../db/repositories/organiser-route.js";
import { requestTranslation } from "../../db/repositories/translations.js";
import { type TranslationSource, translationSource } from "../relay/translations.js";

/**
 * Everything the letter flow reads or writes, as functions returning plain JSON values: the flow calls each inside
 * `conversation.external`, which stores the result in the replay log. None of them returns letter text except where
 * the text must be shown (the finished letter), so the replay log stays free of it while the writer edits.
 */

/** Who the letter is for, as the flow needs it. */
export interface LetterTarget {
  slug: string;
  names: PrisonerRecord["names"];
  gender: Gender;
  status: PrisonerStatus;
  recipient: LetterRecipient;
  /** The institution the directory believes current, for the guidance screen. */
  institution: { name: string; region: string } | null;
  warnings: WriteWarning[];
  organiserRelay: boolean;
  /**
   * A delivery service is recorded for this person (the lookup's answer): when false, the route step knows there are
   * none without reading them. Absent from targets stored by older code (read them then).
   */
  intermediary?: boolean;
  /** The deployment has an organisation desk (the lookup's answer; absent from targets stored by older code). */
  deskLinked?: boolean;
  /**
   * Whose organisers take letters for this person now, null when nobody's (the lookup's answer, read in the update
   * that goes on to the route step; absent from targets stored by older code, which read it there).
   */
  relayVia?: OrganiserRelayKind | null;
  /** The writer's draft to this person, if it has text. */
  draft: { letterId: number; stats: DraftStats } | null;
}

export type TargetLookup =
  | { kind: "unknown" }
  | {
      kind: "refused";
      slug: string;
      names: PrisonerRecord["names"];
      gender: Gender;
      reason: RefusalReason;
      statusAsOf: string;
      statusSource: string;
      alternatives: RefusalAlternatives;
      deskLinked: boolean;
    }
  | {
      kind: "ok";
      target: LetterTarget;
      returning: boolean;
      /** Asked for with `closing`: the starter's closing of the draft (with text) while its text still ends with it. */
      closing?: string;
    };

/**
 * Who the letter is for and whether the writer may write now, in one statement for a person who may be written to
 * (`readLetterTargetFacts`; a refusal reads what it offers instead). `withDraft: false` leaves out the draft's
 * figures (`target.draft` null): a writing-screen button entering the flow from the writing stage does not show them.
 * `returning`: the writer has finished a letter before (the opening screen folds its guidance to one line).
 * `closing`: also the draft's starter closing, so that a writer taking a draft up again ("Continue", the write link)
 * still adds before it, in the same statement.
 */
export async function loadTarget(
  deps: ServiceDeps,
  slug: string,
  writerId: number,
  options: { withDraft?: boolean; closing?: boolean } = {},
): Promise<TargetLookup> {
  // Someone not in the list: the writer's own unchecked card is theirs alone.
  const facts = await readLetterTargetFacts(deps.db, slug, writerId, { closing: options.closing === true });
  return facts ? lookupOf(deps, slug, facts, options) : { kind: "unknown" };
}

/**
 * "Done: check the letter" in a stage: who the letter is for (`loadTarget` without the draft's figures) and, when the
 * writer may write to them, the censorship check of the draft (null when it is empty) with the writer's profile for the
 * signing screen a clean check leads to — the lookup, the draft's text and the profile in one statement (issue 14).
 */
export async function loadTargetAndCheckDraft(
  deps: ServiceDeps,
  slug: string,
  writerId: number,
): Promise<{ lookup: Exclude<TargetLookup, { kind: "ok" }> } | { lookup: Extract<TargetLookup, { kind: "ok" }>; checked: CheckedText | null; profile: WriterProfileView }> {
  const facts = await readLetterTargetFactsWithDraft(deps.db, slug, writerId);
  if (!facts) return { lookup: { kind: "unknown" } };
  const lookup = await lookupOf(deps, slug, facts, { withDraft: false });
  if (lookup.kind !== "ok") return { lookup };
  const { recipient, status } = lookup.target;
  return { lookup, checked: checkText(facts.text, { recipient, status }), profile: profileView(facts.profile) };
}

async function lookupOf(deps: ServiceDeps, slug: string, facts: LetterTargetFacts, options: { withDraft?: boolean }): Promise<TargetLookup> {
  const { db } = deps;
  const { prisoner, institution, organiserRelay } = facts;
  // Organisers (a campaign chat or the desk) or a service recorded as delivering to this person: a route that needs no
  // address the writer uses. It never lifts a refusal for someone free, dead or barred from letters.
  const indirectRoute = organiserRelay || facts.intermediary;
  const decision = decideWrite(prisoner, institution, { organiserRelay: indirectRoute, today: deps.clock.now() });
  if (decision.kind === "refused") {
    return {
      kind: "refused",
      slug,
      names: prisoner.names,
      gender: prisoner.gender,
      reason: decision.reason,
      statusAsOf: prisoner.status.asOf,
      statusSource: prisoner.status.sourceUrl,
      alternatives: await refusalAlternatives(db, prisoner, deps.clock.now()),
      deskLinked: facts.deskLinked,
    };
  }
  const current = prisoner.location.believedCurrent && institution ? institution : undefined;
  const draft = options.withDraft === false || !facts.draft?.hasText ? undefined : facts.draft;
  return {
    kind: "ok",
    returning: facts.finishedBefore,
    ...(draft?.closing !== undefined ? { closing: draft.closing } : {}),
    target: {
      slug,
      names: prisoner.names,
      gender: prisoner.gender,
      status: prisoner.status.value,
      recipient: await letterRecipient(db, prisoner, institution, { addressObserved: facts.addressObserved }),
      institution: current ? { name: current.name, region: current.region } : null,
      warnings: decision.warnings,
      organiserRelay,
      intermediary: facts.intermediary,
      deskLinked: facts.deskLinked,
      relayVia: facts.relayVia,
      draft: draft ? { letterId: draft.id, stats: statsOfDraft(draft.counts, draft.uncountedText) } : null,
    },
  };
}

export type SaveOutcome =
  /** `again`: the message was saved before (Telegram delivered it again): nothing changed, `stats` are the draft's. */
  | { ok: true; letterId: number; stats: DraftStats; before: boolean; again?: true }
  | { ok: false; reason: "empty"; stats: DraftStats | null }
  | { ok: false; reason: "too-long"; characters: number; limit: number; stats: DraftStats | null };

/**
 * A text for the draft: a message added (`message`: its id, which the draft remembers, so the same message delivered
 * again is not added twice) or the whole text replaced (the same text again changes nothing).
 */
export type DraftInput = { writerId: number; slug: string; text: string; closing?: string } & ({ mode: "append"; message: number } | { mode: "replace" });

/**
 * Adds a message to the draft (or replaces it), creating the draft on the first text. A message added to a draft that
 * has text is one UPDATE that never reads the text (`appendDraftParagraph`: the cost of a message does not grow with
 * the letter, issue 14); the first text, a replacement, a refusal, a draft not counted yet and a message saved before
 * (delivered again: answered `again`, nothing written) take the full path.
 */
export async function saveDraftInput(deps: ServiceDeps, input: DraftInput): Promise<SaveOutcome> {
  if (input.mode === "append") {
    const paragraph = normaliseLetterText(input.text);
    if (paragraph !== "") {
      const ending = input.closing ? normaliseLetterText(input.closing) : "";
      const appended = await appendDraftParagraph(deps.db, {
        writerId: input.writerId,
        slug: input.slug,
        paragraph,
        figures: countsOf(paragraph),
        ...(ending ? { ending } : {}),
        message: input.message,
        now: deps.clock.now(),
      });
      if (appended) return { ok: true, letterId: appended.letterId, stats: statsOfCounts(appended.counts), before: appended.beforeEnding };
    }
  }
  return inTransaction(deps.db, async (trx) => {
    const existing = await findDraftTo(trx, input.writerId, input.slug);
    const current = existing?.text ?? null;
    const message = input.mode === "append" ? input.message : undefined;
    if (existing && message !== undefined && holdsSavedMessage(existing.saved_messages, message)) {
      return { ok: true, letterId: existing.id, stats: statsOfDraft(draftCounts(existing), current), before: false, again: true };
    }
    const result = editDraft(current, input.text, input.mode, input.closing);
    // The draft as it stays, counted only for a refusal: a saved message reports the new text's figures.
    if (!result.ok) return { ...result, stats: current ? draftStats(current) : null };
    const now = deps.clock.now();
    const draft = existing ?? (await getOrCreateDraft(trx, input.writerId, input.slug, now));
    await saveDraftText(trx, { letterId: draft.id, writerId: input.writerId, text: result.text, now, message });
    return { ok: true, letterId: draft.id, stats: result.stats, before: result.beforeClosing === true };
  });
}

/**
 * The first message typed on the opening screen: a draft without text takes it in one statement (`startDraftText`).
 * A refusal (blank, too long) and a draft that has text already (the editor Mini App saved some) take
 * `saveDraftInput`'s append, which answers with the draft as it is.
 */
export async function startDraft(deps: ServiceDeps, input: { writerId: number; slug: string; text: string; message: number }): Promise<SaveOutcome> {
  // `editDraft(null, text, "append")` with the text counted once for both the stored figures and the screen's.
  const first = applyDraftEditWithCounts(null, input.text, "append");
  if (first.ok) {
    const letterId = await startDraftText(deps.db, { ...input, text: first.text, figures: first.counts, now: deps.clock.now() });
    if (letterId !== undefined) return { ok: true, letterId, stats: statsOfCounts(first.counts), before: false };
  }
  return saveDraftInput(deps, { ...input, mode: "append" });
}

/**
 * The starter's text becomes the draft, and its closing is kept with it, so that a writer who takes the draft up again
 * later ("Continue", the write link) still adds before the closing (`loadTarget` with `closing`).
 */
export async function saveStarterDraft(
  deps: ServiceDeps,
  input: { writerId: number; slug: string; text: string; closing: string | undefined },
): Promise<SaveOutcome> {
  const saved = await saveDraftInput(deps, { writerId: input.writerId, slug: input.slug, text: input.text, mode: "replace" });
  if (saved.ok) await setStarterClosing(deps.db, { letterId: saved.letterId, writerId: input.writerId, closing: input.closing || null });
  return saved;
}

/** The draft's figures (from its running counts, or counted once when they are not kept yet); null without text. */
export async function readDraftStats(deps: ServiceDeps, writerId: number, slug: string): Promise<DraftStats | null> {
  const draft = await findDraftTo(deps.db, writerId, slug);
  return draft?.text ? statsOfDraft(draftCounts(draft), draft.text) : null;
}

/** A draft's figures: its running counts, or its text counted once while they are not kept (NULL: see the migration). */
function statsOfDraft(counts: TextCounts | undefined, text: string | null): DraftStats {
  return counts ? statsOfCounts(counts) : draftStats(text ?? "");
}

/** The draft's text, for showing it back; null when there is none. */
export async function readDraftText(deps: ServiceDeps, writerId: number, slug: string): Promise<string | null> {
  return (await findDraftTo(deps.db, writerId, slug))?.text ?? null;
}

/** The censorship check of the current draft, with the text it checked (one read); null when the draft is empty. */
export async function checkDraft(
  deps: ServiceDeps,
  input: { writerId: number; slug: string; recipient: Pick<LetterRecipient, "system">; status: PrisonerStatus },
): Promise<{ text: string; result: CheckResult } | null> {
  return checkText(await readDraftText(deps, input.writerId, input.slug), input);
}

/** A draft's text with its censorship check. */
export interface CheckedText {
  text: string;
  result: CheckResult;
}

function checkText(text: string | null, input: { recipient: Pick<LetterRecipient, "system">; status: PrisonerStatus }): CheckedText | null {
  if (!text?.trim()) return null;
  return { text, result: checkLetter(text, { system: input.recipient.system, status: input.status }) };
}

export interface WriterProfileView {
  signature: { name: string; city: string | null } | null;
  gender: Gender | null;
}

export async function loadWriterProfile(deps: ServiceDeps, writerId: number): Promise<WriterProfileView> {
  return profileView(await getWriterProfile(deps.db, writerId));
}

function profileView(profile: DraftTextAndProfile["profile"]): WriterProfileView {
  return {
    signature:
      profile?.remembered === 1 && profile.signature_name
        ? { name: profile.signature_name, city: profile.signature_city }
        : null,
    gender: profile?.grammatical_gender ?? null,
  };
}

/** Keeps the writer's grammatical gender without touching a remembered signature. */
export async function rememberWriterGender(deps: ServiceDeps, writerId: number, gender: Gender | null): Promise<void> {
  const current = await loadWriterProfile(deps, writerId);
  await saveWriterProfile(
    deps.db,
    writerId,
    { signature: current.signature, remember: current.signature !== null, grammaticalGender: gender },
    deps.clock.now(),
  );
}

/** Remembers the signature, or forgets any remembered one when the writer says no. */
export async function rememberSignature(
  deps: ServiceDeps,
  writerId: number,
  signature: { name: string; city: string | null },
  remember: boolean,
): Promise<void> {
  await saveWriterProfile(deps.db, writerId, { signature, remember }, deps.clock.now());
}

export type FinishOutcome =
  | { ok: true; letterId: number; reference: string; finishedAt: string; route: DeliveryRoute; text: string; again?: true }
  | { ok: false; reason: "not-found" | "not-a-draft" | "empty" | "no-signature" | "no-organiser-chat" | "relay-limit" };

/** Thrown inside the finishing transaction to roll it back: the letter stays a draft. */
class RelayLimitReached extends Error {}

/**
 * Finishes the draft for a route. For organisers the relay is queued in the same transaction, so a letter is never
 * marked relayed without its messages in the outbox (and a chat that vanished meanwhile leaves the draft as it was).
 */
export async function finishDraft(
  deps: ServiceDeps,
  input: {
    writerId: number;
    slug: string;
    /** The draft's id when this update read it already (the lookup): finished in one statement (`finishLetter`). */
    draftId?: number;
    route: DeliveryRoute;
    signature: { name: string; city: string | null };
    shareIdentity: boolean;
    findings: FindingsSummary;
    writer?: WriterIdentity;
    /** The writer asked the organisers for a Russian translation of a letter in this language. */
    translateFrom?: TranslationSource;
    /** The press that finishes it (its callback query id): that press delivered again is answered as finished (`again`). */
    press?: string;
  },
): Promise<FinishOutcome> {
  const now = deps.clock.now();
  try {
    const result = await finishLetter(deps.db, {
      ...(input.draftId !== undefined && input.route !== "organisers" ? { letterId: input.draftId } : { draftTo: input.slug }),
      writerId: input.writerId,
      route: input.route,
      signature: input.signature,
      shareIdentity: input.shareIdentity,
      findingsSummary: input.findings,
      now,
      ...(input.press !== undefined ? { press: input.press } : {}),
      ...(input.route === "organisers"
        ? {
            enqueue: async (trx, letter) => {
              // The route was offered under MAX_RELAYS_PER_DAY, but letters finished meanwhile (another draft, another
              // chat) count too: checked again here, in the transaction that finishes this one.
              const quota = await relayQuota(trx, input.writerId, now, deps.config.maxRelaysPerDay);
              if (!quota.allowed) throw new RelayLimitReached();
              if (input.translateFrom) {
                await requestTranslation(trx, { letterId: letter.id, writerId: input.writerId, sourceLanguage: input.translateFrom, now });
              }
              await relayLetterToOrganisers(trx, letter, { now, ...(input.writer ? { writer: input.writer } : {}) });
            },
          }
        : {}),
    });
    if (!result.ok) return result;
    const { letter } = result;
    return {
      ok: true,
      letterId: letter.id,
      reference: letter.reference ?? "",
      finishedAt: letter.finished_at ?? now.toISOString(),
      route: result.again ? (letter.route ?? input.route) : input.route,
      text: letter.text ?? "",
      ...(result.again ? { again: true as const } : {}),
    };
  } catch (error) {
    if (error instanceof NoOrganiserChatError) return { ok: false, reason: "no-organiser-chat" };
    if (error instanceof RelayLimitReached) return { ok: false, reason: "relay-limit" };
    throw error;
  }
}

/** Whether organisers take letters for this person now, through whom, and whether the deployment has a desk at all. */
export async function organiserRelayOpen(deps: ServiceDeps, slug: string): Promise<{ via: OrganiserRelayKind | null; deskLinked: boolean }> {
  return { via: await organiserRelayKind(deps.db, slug), deskLinked: await isDeskLinked(deps) };
}

/** Whether the deployment has an organisation desk at all (a refusal and the route step say so when it has none). */
export async function isDeskLinked(deps: ServiceDeps): Promise<boolean> {
  return (await getDesk(deps.db)) !== undefined;
}

/** What the writer must know before sending by the organisers' route: translation, and whether the chat is public. */
export interface OrganiserRouteView {
  /** The letter is mostly Ukrainian or English, which the prison system does not accept. */
  translateFrom: TranslationSource | null;
  /** The chat's organisers said they translate (`/translation on`). */
  translationOffered: boolean;
  /** The chat's title when anyone can read it (a channel, a public group): the writer is warned. */
  publicChat: string | null;
}

export async function organiserRouteView(
  deps: ServiceDeps,
  input: { writerId: number; slug: string; system: LetterRecipient["system"] },
): Promise<OrganiserRouteView> {
  // The chat and the draft's text in one statement.
  const { chat, text } = await readOrganiserRouteFacts(deps.db, input.slug, input.writerId);
  // The language alone, not the whole censorship check (1 ms of CPU on a 12k letter, issue 14): the writer saw the
  // check's findings at "check"; here only whether to offer a translation is asked.
  const language = text ? assessLetterLanguage(text, { system: input.system }) : null;
  return {
    translateFrom: language ? translationSource(language) : null,
    translationOffered: chat?.offers_translation === 1,
    publicChat: chat?.public === 1 ? (chat.title ?? String(chat.chat_id)) : null,
  };
}
