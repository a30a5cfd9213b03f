import { type FsinPismoPriceEstimate, estimateFsinPismoPrice } from "./fsin-pismo-prices.js";
import { type Intermediary, RUSSIAN_PRISON_INTERMEDIARIES } from "./intermediaries.js";
import { envelopeRecipientLine, formalRussianName, fsinPismoRecipientLine } from "./recipient-name.js";
import { type LetterRecipient, type LocalizedText, type PrisonSystem, localized } from "./types.js";

/**
 * How a finished letter reaches the prisoner, as plain data: Russian strings to copy exactly (form fields, envelope
 * lines) and Fluent texts around them. The bot escapes and lays them out.
 */

export const FSIN_PISMO_URL = "https://fsin-pismo.ru";

export interface FsinPismoPacket {
  route: "fsin_pismo";
  siteUrl: string;
  /** Pick exactly this in «Куда» → region. */
  region: string;
  /** Then exactly this institution. */
  institution: string;
  /** «Фамилия Имя Отчество, YYYY г.р.» */
  recipient: string;
  steps: LocalizedText[];
  price: FsinPismoPriceEstimate;
  deliveryTime: LocalizedText;
  withoutRussianCard: { explanation: LocalizedText; intermediaries: readonly Intermediary[] };
  warnings: LocalizedText[];
}

export interface PostInstructions {
  route: "post";
  system: PrisonSystem;
  /** "Write on the envelope, exactly as here:" */
  envelopeIntro: LocalizedText;
  envelope: {
    /** «Кому»: the person, in Russian. */
    recipient: string;
    /** «Куда»: the address lines exactly as the directory's source gives them. */
    addressLines: string[];
    /** Last line for a letter posted from abroad (international mail names the country in capitals). */
    countryLine: string;
  };
  /** "Posting from abroad? Add the country as the last line." */
  countryNote: LocalizedText;
  enclose: LocalizedText;
  rules: LocalizedText[];
  warnings: LocalizedText[];
}

export interface OrganiserRelayOption {
  route: "organisers";
  /** The prisoner's campaign organisers, or the organisation desk when their campaign has no chat. */
  via: "campaign" | "desk";
  explanation: LocalizedText;
}

export type DeliveryOption = FsinPismoPacket | PostInstructions | OrganiserRelayOption;

export interface DeliveryPlan {
  /**
   * Best first (issue 12): through organisers (the campaign's, else the organisation desk: no Russian card, no
   * personal details given to a state service), then the writer's own FSIN-pismo (fastest, brings a reply), post.
   */
  options: DeliveryOption[];
  /** Why a route is missing, or that no safe address is known; shown above the options. */
  notices: LocalizedText[];
}

export interface DeliveryContext {
  /** True when organisers currently accept letters for this prisoner's system. */
  organiserRelay: boolean;
  /** Who receives them: the campaign's organisers (default) or the organisation desk. */
  relayVia?: "campaign" | "desk";
  /** False when the deployment has no organisation desk linked: the plan says so honestly. */
  deskLinked?: boolean;
  /** Images the writer plans to attach on FSIN-pismo (each is priced). */
  images?: number;
}

export function planDelivery(recipient: LetterRecipient, context: DeliveryContext): DeliveryPlan {
  if (recipient.status === "not-in-custody") {
    return { options: [], notices: [localized("letter-delivery-not-in-custody")] };
  }
  if (recipient.acceptsLetters === false) {
    return { options: [], notices: [localized("letter-delivery-letters-not-accepted")] };
  }
  const options: DeliveryOption[] = [];
  const notices: LocalizedText[] = [];
  if (context.organiserRelay) options.push(organiserRelayOption(context.relayVia ?? "campaign"));
  else if (context.deskLinked === false) notices.push(localized("letter-delivery-no-desk"));
  const packet = renderFsinPismoPacket(recipient, { images: context.images ?? 0 });
  if (packet) options.push(packet);
  else if (recipient.system === "ru" && recipient.institution?.fsinPismo) {
    notices.push(localized("letter-delivery-fsin-names-unknown"));
  }
  const post = renderPostInstructions(recipient);
  if (post) options.push(post);
  if (!packet && !post) {
    notices.push(localized("letter-delivery-no-safe-address", { name: formalRussianName(recipient) }));
    if (!context.organiserRelay) notices.push(localized("letter-delivery-keep-draft"));
  }
  return { options, notices };
}

/** The FSIN-pismo form filled in advance, or undefined when the directory lacks the form's region or institution. */
export function renderFsinPismoPacket(
  recipient: LetterRecipient,
  options: { images?: number; replyForm?: boolean } = {},
): FsinPismoPacket | undefined {
  const institution = recipient.institution;
  const region = institution?.fsinRegion?.trim();
  const institutionName = institution?.fsinName?.trim();
  if (recipient.system !== "ru" || !institution?.fsinPismo || !region || !institutionName) return undefined;
  const recipientLine = fsinPismoRecipientLine(recipient);
  return {
    route: "fsin_pismo",
    siteUrl: FSIN_PISMO_URL,
    region,
    institution: institutionName,
    recipient: recipientLine,
    steps: [
      localized("letter-fsin-step-open", { url: FSIN_PISMO_URL }),
      localized("letter-fsin-step-region", { region }),
      localized("letter-fsin-step-institution", { institution: institutionName }),
      localized("letter-fsin-step-recipient", { recipient: recipientLine }),
      localized("letter-fsin-step-sender"),
      localized("letter-fsin-step-text"),
      localized("letter-fsin-step-reply-form"),
      localized("letter-fsin-step-photos"),
      localized("letter-fsin-step-pay"),
    ],
    price: estimateFsinPismoPrice({ images: options.images ?? 0, replyForm: options.replyForm ?? true }),
    deliveryTime: localized("letter-fsin-delivery-time"),
    withoutRussianCard: {
      explanation: localized("letter-fsin-no-russian-card"),
      intermediaries: RUSSIAN_PRISON_INTERMEDIARIES,
    },
    warnings: [
      ...identityWarnings(recipient),
      localized("letter-delivery-recheck-institution"),
      localized("letter-delivery-blocking-ru"),
    ],
  };
}

/** Where a person's own letter address comes from, shown beside the envelope (the facility's address needs no note). */
function addressSource(recipient: LetterRecipient): LocalizedText[] {
  const source = recipient.institution?.postalAddressSource;
  if (!source) return [];
  let site = source.url;
  try {
    site = new URL(source.url).hostname.replace(/^www\./, "");
  } catch {
    // Shown as it is.
  }
  return [localized("letter-post-address-source", { source: site, url: source.url, asOf: source.asOf })];
}

/** Envelope and rules for posting a paper letter, or undefined when no postal address is known. */
export function renderPostInstructions(recipient: LetterRecipient): PostInstructions | undefined {
  const addressLines = (recipient.institution?.postalAddress ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (addressLines.length === 0) return undefined;
  if (recipient.system === "ru") {
    return {
      route: "post",
      system: "ru",
      envelopeIntro: localized("letter-post-envelope-intro-ru"),
      envelope: { recipient: envelopeRecipientLine(recipient), addressLines, countryLine: "RUSSIAN FEDERATION" },
      countryNote: localized("letter-post-country-note", { country: "RUSSIAN FEDERATION" }),
      enclose: localized("letter-post-enclose-ru"),
      rules: [localized("letter-post-rules-ru"), localized("letter-post-ask-post-office")],
      warnings: [...addressSource(recipient), ...identityWarnings(recipient), localized("letter-delivery-recheck-institution")],
    };
  }
  const handOver =
    recipient.status === "pretrial" ? "letter-guidance-by-pretrial-arbitrary" : "letter-guidance-by-relatives-only";
  return {
    route: "post",
    system: "by",
    envelopeIntro: localized("letter-post-envelope-intro-by"),
    // The Belarusian address examples (Libereco) give the name alone, without the year of birth.
    envelope: { recipient: formalRussianName(recipient), addressLines, countryLine: "REPUBLIC OF BELARUS" },
    countryNote: localized("letter-post-country-note", { country: "REPUBLIC OF BELARUS" }),
    enclose: localized("letter-post-enclose-by"),
    rules: [localized("letter-post-rules-by"), localized("letter-post-ask-post-office")],
    warnings: [
      ...addressSource(recipient),
      localized(handOver),
      localized("letter-post-by-no-e-letters"),
      ...identityWarnings(recipient).filter((warning) => warning.key !== "letter-delivery-birth-year-unknown"),
    ],
  };
}

export function organiserRelayOption(via: OrganiserRelayOption["via"] = "campaign"): OrganiserRelayOption {
  return { route: "organisers", via, explanation: localized(via === "desk" ? "letter-delivery-desk" : "letter-delivery-organisers") };
}

/**
 * Forms and envelopes identify a prisoner by full name, patronymic and year of birth; say what is missing, and that
 * details only the writer gave are not checked.
 */
function identityWarnings(recipient: LetterRecipient): LocalizedText[] {
  const warnings: LocalizedText[] = [];
  if (recipient.unchecked) warnings.push(localized("suggest-packet-unchecked"));
  if (!recipient.patronymicRu?.trim()) warnings.push(localized("letter-delivery-patronymic-unknown"));
  if (!recipient.birthYear) warnings.push(localized("letter-delivery-birth-year-unknown"));
  return warnings;
}
