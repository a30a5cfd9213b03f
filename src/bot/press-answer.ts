import { Context } from "grammy";
import type { Update } from "grammy/types";
import { isRefusedPressAnswer } from "../telegram/api-errors.js";
import type { FlowContext } from "./context.js";

type AnswerArguments = Parameters<Context["answerCallbackQuery"]>;

/**
 * The presses the bot is handling now, by their update objects, and whether a refused answer was logged for each yet.
 * A flow replays its earlier presses on every later update: their contexts answer again, and the refusal comes back
 * from the replay log (conversations v2 stores the Bot API's answer and gives it again without asking Telegram), on an
 * update object read from storage, which is not here. The press being handled is the same object inside a flow as
 * outside (the plugin hands the flow the update it got), so its refusal is logged once, when Telegram gave it.
 */
const refusalLogged = new WeakMap<Update, boolean>();

/** Runs the bot's chain for a press, marked as being handled until the chain is done with it (see `refusalLogged`). */
export function handlingPress(update: Update, next: () => Promise<void>): Promise<void> {
  refusalLogged.set(update, false);
  return next().finally(() => refusalLogged.delete(update));
}

/**
 * `ctx.answerCallbackQuery` under the product's rule (docs/production.md, "A press Telegram no longer takes an
 * answer for"): the answer only stops the button's spinner or shows a notice, so its refusal is logged and the
 * handler goes on to do what was pressed and show the screen that follows — it used to throw, which stopped the
 * action and told the person "something went wrong" about something that may well have been done. An alert in a
 * private chat, a notice the person has to read, is sent as a message instead; a toast only confirms what the next
 * screen shows, and is dropped. Resolves `true` as the answer would: the press needs no answer any more.
 */
export async function answerPress(this: FlowContext, ...args: AnswerArguments): Promise<true> {
  try {
    return await Context.prototype.answerCallbackQuery.apply(this, args);
  } catch (error) {
    if (!isRefusedPressAnswer(error)) throw error;
    const [other] = args;
    const alert = typeof other === "object" && other.show_alert === true && this.chat?.type === "private" ? other.text : undefined;
    // Once per update: not again for each replay of the press in a flow, nor for a second answer to it.
    if (refusalLogged.get(this.update) === false) {
      refusalLogged.set(this.update, true);
      this.logger.warn({ description: error.description, alert_resent: alert !== undefined }, "press answer refused by Telegram (pressed too long ago or answered already); going on");
    }
    if (alert !== undefined) await this.reply(alert);
    return true;
  }
}

/**
 * The bot's context class, whose presses are answered by `answerPress` from its prototype. Contexts a flow builds are
 * grammY's own class and get it as a property (attachDeps); giving every outer context an own property instead
 * changed its shape: `bench:flow-step-pair` read "check" minus the check alone at 0.91–0.95× of `a8d106f` (issue 14).
 */
export class PressAnsweringContext extends Context {
  override answerCallbackQuery(...args: AnswerArguments): Promise<true> {
    return answerPress.apply(this as unknown as FlowContext, args);
  }
}
