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

/** Callback and inline queries the fake has issued; each may be answered once, as on Telegram. */
export class QueryRegistry {
  private readonly unansweredCallbacks = new Map<string, number>();
  private readonly unansweredInline = new Map<string, number>();
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly inlineAnswers: InlineAnswer[] = [];
  private count = 0;

  /** Reserves an id for a query; `bind` attaches the update that carries it once its id is known. */
  issueCallback(): { id: string; bind: (updateId: number) => void } {
    const id = this.nextId();
    return { id, bind: (updateId) => this.unansweredCallbacks.set(id, updateId) };
  }

  issueInline(): { id: string; bind: (updateId: number) => void } {
    const id = this.nextId();
    return { id, bind: (updateId) => this.unansweredInline.set(id, updateId) };
  }

  answerCallback(answer: Omit<CallbackAnswer, "updateId">): void {
    const updateId = this.unansweredCallbacks.get(answer.callbackQueryId);
    if (updateId === undefined) throw badRequest(QUERY_EXPIRED);
    this.unansweredCallbacks.delete(answer.callbackQueryId);
    this.callbackAnswers.push({ ...answer, updateId });
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
