/**
 * The life of a letter. A writer finishes it either for themselves (`finished`: they send it by FSIN-pismo or post
 * and may report `sent` and `reply_received`) or for organisers (`relayed` → `accepted` or `returned` → `printed` →
 * `sent` → `reply_received`). `closed` ends any letter that is done; `discarded` ends one that never went out.
 */
export const LETTER_STATUSES = [
  "draft",
  "finished",
  "relayed",
  "accepted",
  "returned",
  "printed",
  "sent",
  "reply_received",
  "discarded",
  "closed",
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const DELIVERY_ROUTES = ["fsin_pismo", "post", "organisers"] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

const TRANSITIONS: Record<LetterStatus, readonly LetterStatus[]> = {
  draft: ["finished", "relayed", "discarded"],
  finished: ["sent", "closed"],
  relayed: ["accepted", "returned", "discarded"],
  accepted: ["printed", "returned", "closed"],
  // A returned letter goes back to its writer as a draft to fix, or is closed.
  returned: ["draft", "closed"],
  printed: ["sent", "closed"],
  sent: ["reply_received", "closed"],
  reply_received: ["closed"],
  discarded: [],
  closed: [],
};

export function canTransition(from: LetterStatus, to: LetterStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: LetterStatus): readonly LetterStatus[] {
  return TRANSITIONS[from];
}

/** The status a finished draft takes for its route: organisers get it in their queue, otherwise the writer sends it. */
export function statusAfterFinishing(route: DeliveryRoute): LetterStatus {
  return route === "organisers" ? "relayed" : "finished";
}

/** Letters organisers still have to handle: their text is needed to print them. */
export const AWAITING_ORGANISERS: readonly LetterStatus[] = ["relayed", "accepted"];

/** Letters that count as written to a prisoner (for "few letters so far" browsing). */
export const COUNTED_AS_WRITTEN: readonly LetterStatus[] = [
  "finished",
  "relayed",
  "accepted",
  "printed",
  "sent",
  "reply_received",
  "closed",
];
