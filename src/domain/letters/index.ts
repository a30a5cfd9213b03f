/** The letter domain: everything "Write a letter" needs that does not touch Telegram or the database. */
export { briefGuidance, guidanceFor, type GuidanceScope } from "./guidance.js";
export {
  availableNameForms,
  buildStarterBlocks,
  composeStarter,
  composeStarterParts,
  type NameForm,
  type StarterBlock,
  type StarterBlockKind,
  type StarterChoices,
  type StarterOccasion,
  type StarterRecipient,
  StarterSelectionError,
  type StarterSelections,
  type StarterWriter,
  starterChoices,
  suggestQuestions,
} from "./starter.js";
export {
  applyDraftEdit,
  applyDraftEditWithCounts,
  CHARACTERS_PER_PRINTED_PAGE,
  countCharacters,
  type DraftEditMode,
  type DraftEditResult,
  draftEditErrorText,
  type DraftStats,
  draftStats,
  draftStatsText,
  lengthAdvice,
  MAX_LETTER_CHARACTERS,
  normaliseLetterText,
} from "./draft.js";
export { measureForTelegram, splitForTelegram, TELEGRAM_MESSAGE_LIMIT, type TelegramMeasure } from "./split-for-telegram.js";
export {
  type DeliveryContext,
  type DeliveryOption,
  type DeliveryPlan,
  type FsinPismoPacket,
  type OrganiserRelayOption,
  type PostInstructions,
  planDelivery,
  renderFsinPismoPacket,
  renderPostInstructions,
} from "./delivery.js";
export { estimateFsinPismoPrice, FSIN_PISMO_PRICE_SOURCE, type FsinPismoPriceEstimate } from "./fsin-pismo-prices.js";
export { type Intermediary, RUSSIAN_PRISON_INTERMEDIARIES } from "./intermediaries.js";
export { type LetterSignature, renderLetterBody, renderLetterFile } from "./letter-file.js";
export { envelopeRecipientLine, formalRussianName, fsinPismoRecipientLine } from "./recipient-name.js";
export { recipientFromPrisoner } from "./recipient.js";
export { formatLetterReference, parseLetterReference } from "./reference.js";
export {
  allowedTransitions,
  canTransition,
  DELIVERY_ROUTES,
  type DeliveryRoute,
  LETTER_STATUSES,
  type LetterStatus,
  statusAfterFinishing,
} from "./status.js";
export { type FindingsSummary, parseFindingsSummary, summariseFindings } from "./findings-summary.js";
export { DRAFT_RETENTION_DAYS, LETTER_TEXT_RETENTION_DAYS } from "./retention.js";
export { deliveryRouteLabel, letterStatusLabel, nameFormLabel, organiserStatusLabel, starterBlockLabel, writerGenderLabel } from "./labels.js";
export type { CustodyStatus, Gender, LetterInstitution, LetterRecipient, LocalizedText, PrisonSystem } from "./types.js";
