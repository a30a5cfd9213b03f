import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { correctionAccess } from "../../../services/organisers/corrections.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";
import { commandArgs, teamScope } from "./access.js";
import { CORRECTION_FLOW_ID, type CorrectionArgs, correctionButtons, correctionFlow } from "./correction-flow.js";

const flows = new Composer<BotContext>();
flows.use(createConversation<BotContext, FlowContext>(correctionFlow, CORRECTION_FLOW_ID));

const commands = new Composer<BotContext>();
const privateChats = commands.chatType("private");

/** The role is checked before the flow starts and again when it saves. */
for (const [command, kind] of [["setstatus", "status"], ["move", "move"]] as const) {
  privateChats.command(command, async (ctx) => {
    const [slug] = commandArgs(ctx);
    if (!slug) {
      if (await teamScope(ctx)) await ctx.reply(ctx.t(`organisers-${command}-usage`));
      return;
    }
    const access = await correctionAccess(ctx.deps, actorOf(ctx), slug, localeOf(ctx));
    if (access.kind === "unknown") {
      return void (await ctx.reply(ctx.t("organisers-unknown-prisoner", { prisoner: escapeHtml(slug) }), { parse_mode: "HTML" }));
    }
    if (access.kind === "refused") return void (await ctx.reply(ctx.t("organisers-correction-not-allowed")));
    const args: CorrectionArgs = { kind, slug };
    await ctx.conversation.enter(CORRECTION_FLOW_ID, args);
  });
}

/** A button of a correction that is over (saved, cancelled, left, or an earlier one): it does nothing now. */
privateChats.callbackQuery(correctionButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("organisers-correction-stale-button"), show_alert: true });
});

export { commands as correctionsFeature, flows as correctionFlows };
