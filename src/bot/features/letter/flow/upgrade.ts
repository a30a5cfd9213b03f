import type { VersionedState } from "@grammyjs/conversations";
import { storeStage } from "../stage-store.js";
import type { FlowContext } from "../../../context.js";
import { flowButton } from "../callbacks.js";
import { LETTER_FLOW_ID } from "./letter-flow.js";

/** The last flow version whose letter conversation held the writing loop in its replay log (before issue 14's stages). */
export const LAST_VERSION_WRITING_IN_CONVERSATION = 3;

interface StoredConversation {
  replay?: { send?: { payload?: unknown }[]; receive?: { send?: unknown; returnValue?: unknown }[] };
}

/** What an older stored letter conversation waiting on its writing screen tells: the screen's token and whose draft. */
export function writingStageOfOlderFlow(state: unknown): { token: string; slug: string; system: "ru" | "by" } | undefined {
  const conversations = (state as { [LETTER_FLOW_ID]?: unknown } | null)?.[LETTER_FLOW_ID];
  if (!Array.isArray(conversations) || conversations.length !== 1) return undefined;
  const { replay } = conversations[0] as StoredConversation;
  const sends = replay?.send ?? [];
  // Waiting: the last op sent is the step's wait, which nothing answered yet.
  if (sends.at(-1)?.payload !== "until" || (replay?.receive ?? []).some((op) => op.send === sends.length - 1)) return undefined;
  let keyboard: unknown;
  let target: { slug?: unknown; recipient?: { system?: unknown } } | undefined;
  for (const op of replay?.receive ?? []) {
    const value = op.returnValue as { ok?: boolean; ret?: { kind?: unknown; target?: typeof target }; res?: { result?: { reply_markup?: unknown } } };
    if (value?.ret?.kind === "ok" && value.ret.target) target = value.ret.target;
    const markup = value?.res?.result?.reply_markup;
    if (markup !== undefined) keyboard = markup;
  }
  const slug = target?.slug;
  const system = target?.recipient?.system;
  if (typeof slug !== "string" || (system !== "ru" && system !== "by")) return undefined;
  // The last screen sent was the writing screen (or an answer with its keyboard): its "add more" button has the token.
  const buttons = ((keyboard as { inline_keyboard?: { callback_data?: string }[][] })?.inline_keyboard ?? []).flat();
  for (const button of buttons) {
    const parts = flowButton.unpack(button.callback_data);
    if (parts?.[1] === "append" && parts[0]) return { token: parts[0], slug, system };
  }
  return undefined;
}

/**
 * The deploy of the writing stage (docs/letter-flow-stages.md): a writer whose stored letter flow, written by the
 * previous version, waits on the writing screen is put in the writing stage of that draft, with the same token, so
 * their next message is added and the screen's buttons keep working. Any other older flow is dropped as before ("start
 * again"). The starter's closing is not in the older log: messages then go to the end of the draft.
 */
export async function upgradeOlderLetterFlow<S>(ctx: FlowContext, stored: VersionedState<S>): Promise<boolean> {
  const version = Array.isArray(stored.version) ? stored.version[1] : undefined;
  const writerId = ctx.user?.id;
  if (version !== LAST_VERSION_WRITING_IN_CONVERSATION || writerId === undefined || ctx.chat?.id !== writerId) return false;
  const stage = writingStageOfOlderFlow(stored.state);
  if (!stage) return false;
  await storeStage(ctx, writerId, stage);
  ctx.logger.info({ chat_id: ctx.chatId }, "older letter flow moved to the writing stage");
  return true;
}
