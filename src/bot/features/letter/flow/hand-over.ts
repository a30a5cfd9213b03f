import type { LetterStats } from "../../../../domain/censorship/index.js";
import type { DraftStats, FindingsSummary } from "../../../../domain/letters/index.js";
import type { FindingsScreen } from "../render/findings.js";
import type { recordedIntermediaries } from "../../../../services/letters/alternatives.js";
import type { TargetLookup } from "../../../../services/letters/letters.js";
import type { OrganiserRelayKind } from "../../../../services/relay/relay-letter.js";

/**
 * The censorship check of the draft as the flow needs it: the draft's figures, the findings' counts the letter keeps,
 * what the findings screen shows and the paragraph each of its lines starts in. Not the check's result itself: the
 * flow's replay log keeps this, cloned and stored at every step that replays it, and a result holds every finding.
 */
export interface CheckedDraft {
  stats: LetterStats;
  summary: FindingsSummary;
  screen: FindingsScreen;
  /** The paragraph each line's kind of finding starts in, as a paragraph button's argument (number and content tag). */
  anchors: string[];
}

/** What the route question needs to know about the ways to this person, read once before the route is chosen. */
export interface DeliveryReadings {
  relay: { via: OrganiserRelayKind | null; deskLinked: boolean };
  quota: { allowed: boolean; limit: number; nextAt: string | null } | undefined;
  services: Awaited<ReturnType<typeof recordedIntermediaries>>;
}

/**
 * What a stage's middleware already read for this update before it handed the update to the letter conversation
 * (a check with findings, a route that asks a question): the conversation's `external` calls of this first run take
 * it instead of reading it again. Each value is what that call would return, so the replay log is the same, and a
 * replay (another update, another outer context) never sees it.
 */
export interface HandOver {
  lookup?: TargetLookup;
  /** The draft's figures when it has text ("done" needs a letter to check). */
  stats?: DraftStats;
  checked?: CheckedDraft;
  delivery?: DeliveryReadings;
}

const handOvers = new WeakMap<object, HandOver>();

/** Keeps what was read for this update (its outer context) for the conversation it enters next. */
export function handOver(outer: object, readings: HandOver): void {
  handOvers.set(outer, readings);
}

/** What the stage read for this update, in a conversation's `external` (whose argument is the outer context). */
export function handedOver(outer: object): HandOver | undefined {
  return handOvers.get(outer);
}
