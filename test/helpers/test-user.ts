import type { InlineKeyboardButton, Message } from "grammy/types";
import type { Harness } from "./harness.js";

/**
 * `lateMs`: the bot takes the press this long after it was made (handled after a restart, or by a starved process):
 * the clock moves on as soon as the press is made, before the bot can read it. Telegram refuses an answer to a
 * press older than about 15 s (the fake's `CALLBACK_ANSWER_WINDOW_MS`).
 */
export interface PressOptions {
  lateMs?: number;
}

export interface TestUserOptions {
  id?: number;
  languageCode?: string;
  firstName?: string;
}

let nextUserId = 700_000_001;

type Sent = Message & { deleted?: boolean };

/**
 * A person in a private chat with the bot. Every action waits until the bot has finished handling it, so a test
 * reads like a session: `await user.send("/start"); expect(user.lastText()).toContain(…)`.
 */
export class TestUser {
  readonly id: number;

  constructor(
    private readonly harness: Harness,
    options: TestUserOptions,
  ) {
    this.id = options.id ?? nextUserId++;
    harness.fake.addUser({
      id: this.id,
      first_name: options.firstName ?? "Test",
      ...(options.languageCode ? { language_code: options.languageCode } : {}),
    });
  }

  get chatId(): number {
    return this.id;
  }

  /** Messages the bot has sent to this chat, edits applied, deleted ones left out. */
  get messages(): Sent[] {
    return (this.harness.fake.messages(this.chatId) as Sent[]).filter((message) => !message.deleted);
  }

  lastText(): string {
    return this.messages.at(-1)?.text ?? "";
  }

  /** All text the bot sent since the given message count (see `messages.length`). */
  textsSince(count: number): string[] {
    return this.messages.slice(count).map((message) => message.text ?? message.caption ?? "");
  }

  private async act(inject: () => number): Promise<Sent[]> {
    const before = this.messages.length;
    const updateId = inject();
    await this.harness.handled(updateId);
    return this.messages.slice(before);
  }

  /** Sends text (a command if it starts with "/") and returns the messages the bot sent in response. */
  send(text: string): Promise<Sent[]> {
    return this.act(() => this.harness.fake.injectMessage(this.id, this.chatId, { text }));
  }

  sendSticker(): Promise<Sent[]> {
    return this.act(() => this.harness.fake.injectMessage(this.id, this.chatId, { sticker: { emoji: "🙂" } }));
  }

  sendPhoto(): Promise<Sent[]> {
    return this.act(() => this.harness.fake.injectMessage(this.id, this.chatId, { photo: { width: 800, height: 600 } }));
  }

  sendVoice(): Promise<Sent[]> {
    return this.act(() => this.harness.fake.injectMessage(this.id, this.chatId, { voice: { duration: 3 } }));
  }

  sendLocation(): Promise<Sent[]> {
    return this.act(() =>
      this.harness.fake.injectMessage(this.id, this.chatId, { location: { latitude: 50.45, longitude: 30.52 } }),
    );
  }

  /** Finds the newest message with an inline button whose label matches, and presses it. */
  press(label: string | RegExp, options: PressOptions = {}): Promise<Sent[]> {
    const { message, button } = this.findButton(label);
    if (!("callback_data" in button)) throw new Error(`button "${button.text}" is not a callback button`);
    return this.pressData(message.message_id, button.callback_data, options);
  }

  /** Presses a button by its callback data; data the message never carried stands for a forged query. */
  pressData(messageId: number, data: string, options: PressOptions = {}): Promise<Sent[]> {
    return this.act(() => {
      const updateId = this.harness.fake.injectCallbackQuery(this.id, this.chatId, messageId, data, { allowUnknownData: true });
      if (options.lateMs !== undefined) this.harness.clock.advance(options.lateMs);
      return updateId;
    });
  }

  buttons(): string[] {
    const message = [...this.messages].reverse().find((candidate) => inlineButtons(candidate).length > 0);
    return message ? inlineButtons(message).map((button) => button.text) : [];
  }

  findButton(label: string | RegExp): { message: Sent; button: InlineKeyboardButton } {
    const matches = (text: string) => (typeof label === "string" ? text.includes(label) : label.test(text));
    for (const message of [...this.messages].reverse()) {
      const button = inlineButtons(message).find((candidate) => matches(candidate.text));
      if (button) return { message, button };
    }
    throw new Error(`no button matching ${String(label)}; last buttons: ${this.buttons().join(" | ")}`);
  }

  /** The notice shown for the last answered button press (toast or alert), if any. */
  lastCallbackAnswer(): string | undefined {
    return this.harness.fake.callbackAnswers.at(-1)?.text;
  }
}

function inlineButtons(message: Sent): InlineKeyboardButton[] {
  const markup = message.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}
