import { escapeHtml } from "../../telegram/html.js";
import { isUncheckedSource } from "../../domain/directory/suggestion.js";
import type { InstitutionRecord, PrisonerRecord } from "../../domain/directory/types.js";
import { renderFsinPismoPacket, renderPostInstructions } from "../../domain/letters/delivery.js";
import { type FindingsSummary, parseFindingsSummary } from "../../domain/letters/findings-summary.js";
import { organiserStatusLabel } from "../../domain/letters/labels.js";
import { recipientFromPrisoner } from "../../domain/letters/recipient.js";
import { fsinPismoRecipientLine } from "../../domain/letters/recipient-name.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import type { DB } from "../../db/database.js";
import type { Letter } from "../../db/tables/letters.js";
import type { Translate } from "../../telegram/i18n.js";

/**
 * An organiser's message answering a relayed letter's card (the prisoner's reply, a translation): which card, who
 * answered, and the role check to run inside the transaction that takes it.
 */
export interface CardAnswer {
  /** The organisers' chat and the message the organiser answered (the letter's card). */
  chatId: number;
  cardMessageId: number;
  organiserId: number;
  now: Date;
  /** The role as it is now, read through the transaction. */
  mayAct(db: DB, campaignSlug: string): Promise<boolean>;
}

/** Who wrote, as Telegram shows them; only ever rendered when the writer agreed to share it. */
export interface WriterIdentity {
  firstName?: string;
  username?: string;
}

export type SuggestedRoute = "fsin-pismo" | "post" | "unknown";

/** The route a writer would be offered for this prisoner today (only an institution believed current counts). */
export function suggestedRoute(prisoner: PrisonerRecord, institution: InstitutionRecord | undefined): SuggestedRoute {
  const recipient = recipientFromPrisoner(prisoner, institution);
  if (renderFsinPismoPacket(recipient)) return "fsin-pismo";
  if (renderPostInstructions(recipient)) return "post";
  return "unknown";
}

/** «Фамилия Имя Отчество, 1958 г.р.»: the addressee as prison mail names them. */
export function addresseeLine(prisoner: PrisonerRecord): string {
  const name = prisoner.names.ru;
  return fsinPismoRecipientLine({
    surnameRu: name.surname,
    givenNameRu: name.given,
    ...(name.patronymic ? { patronymicRu: name.patronymic } : {}),
    ...(prisoner.birthYear !== null ? { birthYear: prisoner.birthYear } : {}),
  });
}

const SEVERITY_ORDER = ["block", "danger", "advice"];
const SEVERITY_MARK: Record<string, string> = { block: "⛔", danger: "⚠️", advice: "💬" };

/** Counts per category with the gravest severity's mark; never excerpts (the summary holds none). */
export function findingsLine(summary: FindingsSummary, locale: string, t: Translate): string {
  const categories = Object.entries(summary)
    .map(([category, bySeverity]) => {
      const count = Object.values(bySeverity).reduce((sum, n) => sum + n, 0);
      const gravest = SEVERITY_ORDER.find((severity) => (bySeverity[severity] ?? 0) > 0);
      return { category, count, rank: gravest === undefined ? SEVERITY_ORDER.length : SEVERITY_ORDER.indexOf(gravest), gravest };
    })
    .filter((entry) => entry.count > 0)
    .sort((a, b) => a.rank - b.rank || b.count - a.count || a.category.localeCompare(b.category));
  if (categories.length === 0) return t(locale, "organisers-card-check-clean");
  const parts = categories.map(({ category, count, gravest }) => {
    const label = t(locale, `organisers-finding-${category}`);
    // An unknown category (a newer lexicon) shows its id rather than Fluent's missing-key marker.
    const name = label === `organisers-finding-${category}` ? category : label;
    return `${SEVERITY_MARK[gravest ?? ""] ?? "•"} ${escapeHtml(name)}: ${count}`;
  });
  return t(locale, "organisers-card-check", { findings: parts.join(", ") });
}

function institutionLines(prisoner: PrisonerRecord, institution: InstitutionRecord | undefined, locale: string, t: Translate): string[] {
  if (!institution) return [t(locale, "organisers-card-institution-unknown")];
  const where = [institution.name, institution.region].filter(Boolean).join(", ");
  const lines = [t(locale, "organisers-card-institution", { institution: escapeHtml(where) })];
  if (!prisoner.location.believedCurrent) {
    lines.push(t(locale, "organisers-card-institution-stale", { asOf: escapeHtml(prisoner.location.asOf ?? "?") }));
  }
  if (institution.postalAddress) {
    lines.push(t(locale, "organisers-card-address", { address: escapeHtml(institution.postalAddress.text.replace(/\n+/g, ", ")) }));
  }
  return lines;
}

function writerLine(letter: Letter, writer: WriterIdentity | undefined, locale: string, t: Translate): string {
  if (letter.share_identity !== 1) return t(locale, "organisers-card-writer-hidden");
  const label = writer?.username ? `@${writer.username}` : writer?.firstName?.trim() || `id ${letter.writer_id}`;
  const link = `<a href="tg://user?id=${letter.writer_id}">${escapeHtml(label)}</a>`;
  return t(locale, "organisers-card-writer", { writer: link });
}

export interface CardInput {
  letter: Letter;
  prisoner: PrisonerRecord;
  institution: InstitutionRecord | undefined;
  campaignName: string;
  writer?: WriterIdentity;
  /** How the letter text follows the card: in N messages, or as a file. */
  delivery: { kind: "messages"; parts: number } | { kind: "file" };
  /** The writer asked for a Russian translation of a letter in this language (`uk`, `en`). */
  translateFrom?: string;
  locale: string;
  t: Translate;
}

/** The organisers' post without its status line (HTML, every value from people or the directory escaped). */
export function renderCardBody(input: CardInput): string {
  const { letter, prisoner, institution, locale, t } = input;
  const signature = [letter.signature_name, letter.signature_city].filter((part) => part?.trim()).join(", ");
  const summary = letter.findings_summary ? parseFindingsSummary(letter.findings_summary) : {};
  return [
    t(locale, "organisers-card-title", { reference: escapeHtml(letter.reference ?? `#${letter.id}`) }),
    t(locale, "organisers-card-campaign", { campaign: escapeHtml(input.campaignName) }),
    "",
    t(locale, "organisers-card-to", { recipient: escapeHtml(addresseeLine(prisoner)) }),
    // Someone not in the list: only the writer vouches for the name and facility, so nobody posts before checking.
    ...(isUncheckedSource(prisoner.status.sourceUrl) ? [t(locale, "suggest-relay-unchecked")] : []),
    ...institutionLines(prisoner, institution, locale, t),
    t(locale, "organisers-card-route", { route: t(locale, `organisers-route-${suggestedRoute(prisoner, institution)}`) }),
    findingsLine(summary, locale, t),
    t(locale, "organisers-card-signature", { signature: escapeHtml(signature || "—") }),
    writerLine(letter, input.writer, locale, t),
    input.delivery.kind === "file"
      ? t(locale, "organisers-card-text-file")
      : t(locale, "organisers-card-text-below", { parts: input.delivery.parts }),
    ...(input.translateFrom ? [t(locale, "routes-card-needs-translation", { language: input.translateFrom })] : []),
  ].join("\n");
}

/** The card as it reads after a status change: body, then the status with its date (UTC). */
export function renderCard(body: string, status: LetterStatus, at: Date, locale: string, t: Translate): string {
  const label = organiserStatusLabel(status);
  const when = at.toISOString().slice(0, 16).replace("T", " ");
  return `${body}\n\n${t(locale, "organisers-card-status", { status: t(locale, label.key), at: when })}`;
}
