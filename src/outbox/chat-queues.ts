import { MinHeap } from "./min-heap.js";
import type { OutboxRow } from "./types.js";

interface ChatQueue {
  rows: OutboxRow[];
  /** A send to this chat is in flight: the next waits, which keeps one chat's messages in order. */
  busy: boolean;
  /** The chat sits in `ready` or `delayed`. */
  scheduled: boolean;
}

/**
 * Claimed rows waiting to be sent, one FIFO per chat. A chat is "ready" when nothing of it is in flight, or
 * "delayed" until its rate limit allows the next send; the worker takes ready chats in claim order.
 */
export class ChatQueues {
  private readonly chats = new Map<number, ChatQueue>();
  private ready: number[] = [];
  private readyHead = 0;
  private readonly delayed = new MinHeap<number>();
  private count = 0;

  /** Rows held, in flight excluded. */
  get size(): number {
    return this.count;
  }

  add(row: OutboxRow): void {
    let chat = this.chats.get(row.chat_id);
    if (!chat) {
      chat = { rows: [], busy: false, scheduled: false };
      this.chats.set(row.chat_id, chat);
    }
    chat.rows.push(row);
    this.count += 1;
    this.schedule(row.chat_id, chat);
  }

  /** The next chat whose head row may go, moving delayed chats whose time has come. */
  nextReady(now: number): number | undefined {
    while (this.delayed.size > 0 && (this.delayed.peekKey() ?? Infinity) <= now) {
      const chatId = this.delayed.pop();
      if (chatId !== undefined) this.ready.push(chatId);
    }
    if (this.readyHead >= this.ready.length) return undefined;
    const chatId = this.ready[this.readyHead++];
    // Drop the consumed prefix now and then instead of shifting on every call.
    if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.readyHead);
      this.readyHead = 0;
    }
    const chat = chatId === undefined ? undefined : this.chats.get(chatId);
    if (chat) chat.scheduled = false;
    return chatId;
  }

  /** Puts a chat taken by `nextReady` aside until `at`. */
  delay(chatId: number, at: number): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.scheduled = true;
    this.delayed.push(at, chatId);
  }

  /** Puts a chat taken by `nextReady` back at the front, for when the global limit, not the chat's, says wait. */
  putBack(chatId: number): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.scheduled = true;
    if (this.readyHead > 0) this.ready[--this.readyHead] = chatId;
    else this.ready.unshift(chatId);
  }

  /** Takes the chat's head row for sending; the chat stays out of rotation until `finished`. */
  startSend(chatId: number): OutboxRow | undefined {
    const chat = this.chats.get(chatId);
    const row = chat?.rows.shift();
    if (!chat || !row) return undefined;
    chat.busy = true;
    this.count -= 1;
    return row;
  }

  finished(chatId: number): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.busy = false;
    if (chat.rows.length === 0) this.chats.delete(chatId);
    else this.schedule(chatId, chat);
  }

  /** Removes and returns all rows of a chat taken by `nextReady` (to hand back to the database). */
  takeChat(chatId: number): OutboxRow[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    const rows = chat.rows.splice(0);
    this.count -= rows.length;
    if (!chat.busy) this.chats.delete(chatId);
    return rows;
  }

  /** Removes and returns every held row (stop, or a global pause longer than the worker should hold leases). */
  takeAll(): OutboxRow[] {
    const rows: OutboxRow[] = [];
    for (const [chatId, chat] of this.chats) {
      rows.push(...chat.rows.splice(0));
      chat.scheduled = false;
      if (!chat.busy) this.chats.delete(chatId);
    }
    this.ready = [];
    this.readyHead = 0;
    this.delayed.clear();
    this.count = 0;
    return rows;
  }

  /** When the earliest delayed chat becomes ready. */
  nextDelayedAt(): number | undefined {
    return this.delayed.peekKey();
  }

  private schedule(chatId: number, chat: ChatQueue): void {
    if (chat.busy || chat.scheduled) return;
    chat.scheduled = true;
    this.ready.push(chatId);
  }
}
