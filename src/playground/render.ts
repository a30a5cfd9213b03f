import type { InlineKeyboardButton } from "grammy/types";

export interface ShownKeyboard {
  chatId: number;
  messageId: number;
  buttons: InlineKeyboardButton[];
}

/** Formats a bot message for the terminal and numbers its inline buttons, so `#N` can press them. */
export function renderMessage(
  label: string,
  text: string,
  buttons: InlineKeyboardButton[],
  edited: boolean,
  messageId?: number,
): string {
  // A message with buttons shows its id: `#<id>.<n>` presses its button n even after newer keyboards came.
  const id = buttons.length > 0 && messageId !== undefined ? ` [message ${messageId}]` : "";
  const header = `\n🤖 ${label}${edited ? " (edited)" : ""}${id}`;
  const body = text
    .split("\n")
    .map((line) => `   ${line}`)
    .join("\n");
  const keys = buttons.map((button, index) => {
    const kind = "url" in button ? ` → ${button.url}` : "switch_inline_query" in button ? " (share)" : "";
    return `   [#${index + 1}] ${button.text}${kind}`;
  });
  return [header, body, ...keys].join("\n");
}

/** The results of an inline query, as the list Telegram would show above the keyboard. */
export function renderInlineResults(results: { title?: string; description?: string }[]): string {
  const lines = results.map((result, index) => `   ${index + 1}. ${result.title ?? ""}${result.description ? ` — ${result.description}` : ""}`);
  return [`\n🔎 inline results: ${results.length}`, ...lines].join("\n");
}

export const PLAYGROUND_HELP = `
Playground commands (everything else is sent to the bot as a message):
  #N               press inline button N of the last message that had buttons in this chat
  #M.N             press button N of message M (its id is shown as [message M]), however old
  """              a line of three quotes starts a multi-line message; the next one sends it
  :paste FILE      send the text of FILE as one message (a long letter, a pasted draft)
  /as writer|organiser|admin   switch who you are (each has a private chat with the bot)
  :group           talk in the organisers' group (the bot is an admin there)
  :channel TEXT    post TEXT in the linked news channel (as the channel)
  :private         back to your private chat
  @ QUERY          an inline query, as typing "@bot QUERY" in any chat; its results are listed
  :sticker | :photo | :voice   send that kind of message
  :help            this list
  :quit            stop (the database is deleted unless --db FILE was given)
`;
