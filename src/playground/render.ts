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
): string {
  const header = `\n🤖 ${label}${edited ? " (edited)" : ""}`;
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

export const PLAYGROUND_HELP = `
Playground commands (everything else is sent to the bot as a message):
  #N               press inline button N of the last message that had buttons in this chat
  /as writer|organiser|admin   switch who you are (each has a private chat with the bot)
  :group           talk in the organisers' group (the bot is an admin there)
  :channel TEXT    post TEXT in the linked news channel (as the channel)
  :private         back to your private chat
  @ QUERY          an inline query, as typing "@bot QUERY" in any chat
  :sticker | :photo | :voice   send that kind of message
  :help            this list
  :quit            stop (the database is deleted unless --db FILE was given)
`;
