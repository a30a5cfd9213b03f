/**
 * Outbox refs of the organiser relay (docs/organisers.md), so handlers know what a sent or failed row was:
 * `relay:<letterId>:card` (the post with status and buttons), `relay:<letterId>:text:<n>` (the letter, in parts),
 * `relay:<letterId>:file` (the letter as a .txt), `relay:<letterId>:edit` (a status update of the card).
 */
export type RelayPart = "card" | "text" | "file" | "edit";

export interface RelayRef {
  letterId: number;
  part: RelayPart;
}

export function relayRef(letterId: number, part: RelayPart, index?: number): string {
  return part === "text" ? `relay:${letterId}:text:${index ?? 1}` : `relay:${letterId}:${part}`;
}

export function parseRelayRef(ref: string): RelayRef | undefined {
  const match = /^relay:(\d+):(card|text|file|edit)(?::\d+)?$/.exec(ref);
  if (!match) return undefined;
  const letterId = Number(match[1]);
  return Number.isSafeInteger(letterId) ? { letterId, part: match[2] as RelayPart } : undefined;
}

/** Refs of messages to people in private: writers, organisers, admins. */
export function noticeRef(subject: string, recipientId: number): string {
  return `notice:${subject}:${recipientId}`;
}
