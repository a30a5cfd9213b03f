import { type LocalizedText, localized } from "./types.js";

/**
 * The only FSIN-pismo prices our research found, with where and when they were seen. No current price list was
 * found, so every estimate carries this source and says it may be out of date.
 */
export const FSIN_PISMO_PRICE_SOURCE = {
  title: "Vesna: How to write letters to political prisoners (a renewed guide)",
  url: "https://vesna.democrat/en/how-to-write-letters-to-political-prisoners-a-renewed-guide",
  /** When the guide gave these prices (research notes, 2026-11). */
  observed: "2022–2024",
} as const;

export const FSIN_PISMO_PRICES_RUB = { letter: 55, replyForm: 55, image: 35 } as const;

export type FsinPismoPriceItem = "letter" | "reply-form" | "image";

export interface FsinPismoPriceEstimate {
  currency: "RUB";
  items: { item: FsinPismoPriceItem; quantity: number; unitPrice: number; subtotal: number; label: LocalizedText }[];
  total: number;
  totalLabel: LocalizedText;
  source: typeof FSIN_PISMO_PRICE_SOURCE;
  /** Says where the prices come from and that they are not current: always shown beside the total. */
  caveat: LocalizedText;
}

export function estimateFsinPismoPrice(options: { replyForm?: boolean; images?: number } = {}): FsinPismoPriceEstimate {
  const images = options.images ?? 0;
  if (!Number.isInteger(images) || images < 0) throw new RangeError("images must be a non-negative integer");
  const lines: [FsinPismoPriceItem, number, number][] = [["letter", 1, FSIN_PISMO_PRICES_RUB.letter]];
  if (options.replyForm ?? true) lines.push(["reply-form", 1, FSIN_PISMO_PRICES_RUB.replyForm]);
  if (images > 0) lines.push(["image", images, FSIN_PISMO_PRICES_RUB.image]);
  const items = lines.map(([item, quantity, unitPrice]) => {
    const subtotal = quantity * unitPrice;
    const label = localized(`letter-fsin-price-item-${item}`, { quantity, unitPrice, subtotal });
    return { item, quantity, unitPrice, subtotal, label };
  });
  const total = items.reduce((sum, line) => sum + line.subtotal, 0);
  return {
    currency: "RUB",
    items,
    total,
    totalLabel: localized("letter-fsin-price-total", { total }),
    source: FSIN_PISMO_PRICE_SOURCE,
    caveat: localized("letter-fsin-price-caveat", {
      source: FSIN_PISMO_PRICE_SOURCE.url,
      observed: FSIN_PISMO_PRICE_SOURCE.observed,
    }),
  };
}
