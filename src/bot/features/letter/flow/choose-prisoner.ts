import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../../context.js";
import { browseMenuData, notListedData } from "../../directory/callbacks.js";
import { notListedKeyboard } from "../../directory/not-listed.js";
import { flowButton } from "../callbacks.js";
import { tHtml } from "../render/text.js";
import { findPeople } from "../../../../services/letters/find-people.js";
import { AGAIN, ask } from "./input.js";
import { localeOf } from "../../../locale.js";
import { prisonerName } from "../../../../domain/directory/names.js";
import { isSlug } from "../../../../services/letters/buttons.js";

/** A pasted letter is not a name: past this length the writer is asked for just the surname. */
const MAX_QUERY_LENGTH = 80;

/**
 * "Who do you want to write to?": the writer types a name in any spelling and picks one of at most ten matches.
 * Each search is answered and then rewound, so however many names the writer tries, the stored flow stays short.
 */
export async function choosePrisoner(conversation: Flow, ctx: FlowContext, token: string): Promise<string> {
  await ctx.reply(ctx.t("letter-ui-search-prompt"), { reply_markup: notListedKeyboard(ctx) });
  return ask(conversation, { token, actions: ["pick"] }, async (input) => {
    if (input.kind === "button") return isSlug(input.arg) ? input.arg : AGAIN;
    if (input.kind !== "text") {
      await input.ctx.reply(ctx.t("letter-ui-search-text-only"));
      return AGAIN;
    }
    const query = input.text.trim();
    if (query.length > MAX_QUERY_LENGTH) {
      await input.ctx.reply(ctx.t("letter-ui-search-too-long"));
      return AGAIN;
    }
    const found = await conversation.external(() => findPeople(ctx.deps, query));
    if (found.matches.length === 0) {
      // Not a dead end: the directory can be browsed by campaign, by fewest letters, by birthday.
      const browse = new InlineKeyboard()
        .text(ctx.t("menu-browse"), browseMenuData.pack())
        .row()
        .text(ctx.t("suggest-button"), notListedData.pack());
      await input.ctx.reply(tHtml(ctx, "letter-ui-search-nobody", { query }), { parse_mode: "HTML", reply_markup: browse });
      return AGAIN;
    }
    const locale = localeOf(ctx);
    const keyboard = new InlineKeyboard();
    // Slugs are short by the directory's rules; one too long for callback data is left out rather than crash the flow.
    for (const [index, match] of found.matches.filter((candidate) => isSlug(candidate.slug)).entries()) {
      const label = `${prisonerName(match.names, locale, "prose")}${match.birthYear ? `, ${match.birthYear}` : ""}`;
      if (index > 0) keyboard.row();
      keyboard.text(label, flowButton.pack(token, "pick", match.slug));
    }
    const text =
      found.total > found.matches.length
        ? ctx.t("letter-ui-search-more", { shown: found.matches.length, total: found.total })
        : ctx.t("letter-ui-search-results", { count: found.matches.length });
    await input.ctx.reply(text, { reply_markup: keyboard });
    return AGAIN;
  });
}
