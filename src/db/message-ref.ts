/**
 * A Telegram message as the Bot API identifies it: its chat and its id in that chat (ids count per chat). What the
 * repositories key on when an action must be done once per message: the pressed message of a link, an admin's
 * uploaded export, an organiser's translation, a broadcast's progress message.
 */
export interface MessageRef {
  chatId: number;
  messageId: number;
}
