import { InlineKeyboard } from "grammy";
import type { PrisonerChoicePage } from "../../services/directory/lookup.js";

/** Translation keys of one feature's picking screen. */
export interface ChoicePageKeys {
  /** The question when everything fits on one page. */
  pick: string;
  /** The question with `$page` of `$pages`. */
  page: string;
  /** The question when the page buttons cannot carry the search (asks for more of the name). */
  refine: string;
  previous: string;
  next: string;
}

export interface ChoicePageButtons {
  pick: (slug: string) => string;
  /** The callback data of a page, or undefined when it does not fit in a button (64 bytes). */
  page: (page: number) => string | undefined;
}

/**
 * A page of people to pick from (`/setstatus`, `/move`, `/news`): one button each, then Previous / Next while the page
 * buttons can carry the search; the text says which page it is.
 */
export function choicePageScreen(
  t: (key: string, variables?: Record<string, number>) => string,
  found: PrisonerChoicePage,
  buttons: ChoicePageButtons,
  keys: ChoicePageKeys,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  for (const choice of found.choices) keyboard.text(choice.name, buttons.pick(choice.slug)).row();
  const { page, pageCount: pages } = found;
  if (pages === 1) return { text: t(keys.pick), keyboard };
  if (buttons.page(page) === undefined) return { text: t(keys.refine), keyboard };
  const previous = page > 1 ? buttons.page(page - 1) : undefined;
  const next = page < pages ? buttons.page(page + 1) : undefined;
  if (previous) keyboard.text(t(keys.previous), previous);
  if (next) keyboard.text(t(keys.next), next);
  return { text: t(keys.page, { page, pages }), keyboard };
}
