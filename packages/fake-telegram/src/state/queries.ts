import type { InlineQueryResult, InlineQueryResultsButton } from "grammy/types";
import { badRequest } from "../api-error.js";

export interface CallbackAnswer {
  readonly callbackQueryId: string;
  readonly updateId: number;
  readonly text?: string;
  readonly showAlert: boolean;
  readonly url?: string;
  readonly cacheTime?: number;
  readonly at: number;
}

export interface InlineAnswer {
  readonly inlineQueryId: string;
  readonly updateId: number;
  readonly results: readonly InlineQueryResult[];
  readonly cacheTime?: number;
  readonly isPersonal: boolean;
  readonly nextOffset?: string;
  readonly button?: InlineQueryResultsButton;
  readonly at: number;
}

const QUERY_EXPIRED = "query is too old and response timeout expired or query ID is invalid";

/**
 * How long after the press Telegram still takes an answer to a callback query: about 15 s, as bots measured it
 * (Telegram publishes no figure; past it the answer gets the same error as a second answer or an unknown id).
 */
export const CALLBACK_ANSWER_WINDOW_MS = 15_000;

interface PendingCallback {
  readonly updateId: number;
  /** When the user pressed, on the fake's clock. */
  readonly pressedAt: number;
}

/** Callback and inline queries the fake has issued; each may be answered once, as on Telegram. */
export class QueryRegistry {
  private readonly unansweredCallbacks = new Map<string, PendingCallback>();
  private readonly unansweredInline = new Map<string, number>();
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly inlineAnswers: InlineAnswer[] = [];
  private count = 0;

  /**
   * Reserves an id for a query pressed at `pressedAt`; `bind` attaches the update that carries it once its id is
   * known.
   */
  issueCallback(pressedAt: number): { id: string; bind: (updateId: number) => void } {
    const id = this.nextId();
    return { id, bind: (updateId) => this.unansweredCallbacks.set(id, { updateId, pressedAt }) };
  }

  issueInline(): { id: string; bind: (updateId: number) => void } {
    const id = this.nextId();
    return { id, bind: (updateId) => this.unansweredInline.set(id, updateId) };
  }

  /** Records the answer; a second one, one after the window or for an unknown id is refused as Telegram does. */
  answerCallback(answer: Omit<CallbackAnswer, "updateId">): void {
    const pending = this.unansweredCallbacks.get(answer.callbackQueryId);
    if (pending === undefined) throw badRequest(QUERY_EXPIRED);
    this.unansweredCallbacks.delete(answer.callbackQueryId);
    if (answer.at - pending.pressedAt > CALLBACK_ANSWER_WINDOW_MS) throw badRequest(QUERY_EXPIRED);
    this.callbackAnswers.push({ ...answer, updateId: pending.updateId });
  }

  answerInline(answer: Omit<InlineAnswer, "updateId">): void {
    const updateId = this.unansweredInline.get(answer.inlineQueryId);
    if (updateId === undefined) throw badRequest(QUERY_EXPIRED);
    this.unansweredInline.delete(answer.inlineQueryId);
    this.inlineAnswers.push({ ...answer, updateId });
  }

  private nextId(): string {
    this.count += 1;
    // Telegram's query ids are long decimal strings.
    return (4_000_000_000_000_000_000n + BigInt(this.count)).toString();
  }
}
