/**
 * The ids of the writer's messages last saved into a draft, as the draft keeps them (`letters.saved_messages`): each
 * id between commas, the latest last, `,101,102,103,`, cut to its last SAVED_MESSAGES_KEPT characters. A cut may leave
 * the oldest id without its leading comma, and an id is only found between two commas, so a cut never makes a
 * fragment of one id look like another. 200 characters keep at least the last 11 ids of any size (a message id is a
 * safe integer, 16 digits at most), 24 of the 7-digit ids a private chat reaches: a delivery again comes for the few
 * updates in flight at a crash, not for a message saved dozens of messages ago.
 *
 * The list grows in SQL alone, in the statement that saves the message's text (`savedMessagesWith`,
 * db/repositories/letters.ts); `holdsSavedMessage` reads it. `test/letters/saved-messages.test.ts` holds every
 * statement that saves a message to this rule and the list to its bound.
 */
export const SAVED_MESSAGES_KEPT = 200;

/** What the list gains for a message: its id and the comma after it (found in SQL by LIKE `%,` entry `%`). */
export function savedMessageEntry(messageId: number): string {
  return `${messageId},`;
}

/** Whether the draft's list holds the message: it was saved before, and this is the same message delivered again. */
export function holdsSavedMessage(list: string | null, messageId: number): boolean {
  return list !== null && list.includes(`,${messageId},`);
}

/** The longest entry: a safe integer's 16 digits and the comma. */
const LONGEST_ENTRY = 17;

/**
 * What the list keeps of itself before an entry is added: its last SAVED_MESSAGES_KEPT - LONGEST_ENTRY characters,
 * so that the list with any entry stays within SAVED_MESSAGES_KEPT (the SQL then names the entry once).
 */
export const SAVED_MESSAGES_BEFORE_ENTRY = SAVED_MESSAGES_KEPT - LONGEST_ENTRY;
