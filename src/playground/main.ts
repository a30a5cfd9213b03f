import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import type { InlineKeyboardButton, Message } from "grammy/types";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { startApp } from "../app.js";
import { systemClock } from "../clock.js";
import { parseConfig } from "../config.js";
import { openSqlite } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { createLogger } from "../logger.js";
import { NEWS_CHANNEL, ORGANISER_GROUP, PERSONAS, type PersonaName, isPersonaName } from "./personas.js";
import { PLAYGROUND_HELP, type ShownKeyboard, renderInlineResults, renderMessage } from "./render.js";

/**
 * `npm run playground`: the fake Bot API and the real bot in one process, with a terminal chat in front, so every
 * flow can be tried without a token or internet. Logs go to a file so they do not mix with the chat.
 */
async function main(): Promise<void> {
  const dbFlag = process.argv.indexOf("--db");
  const workDir = mkdtempSync(join(tmpdir(), "lysty-playground-"));
  const dbFile = dbFlag > 0 && process.argv[dbFlag + 1] ? resolve(process.argv[dbFlag + 1]!) : join(workDir, "db.sqlite");
  const logFile = join(workDir, "bot.log");

  const fake = await FakeTelegram.start({ botUsername: "lysty_playground_bot" });
  for (const persona of Object.values(PERSONAS)) fake.addUser({ ...persona });
  fake.addGroup(ORGANISER_GROUP);
  fake.addChannel(NEWS_CHANNEL);
  fake.setMember(ORGANISER_GROUP.id, PERSONAS.organiser.id, "creator");
  fake.setMember(ORGANISER_GROUP.id, fake.botId, "administrator");
  fake.setMember(NEWS_CHANNEL.id, PERSONAS.organiser.id, "creator");
  fake.setMember(NEWS_CHANNEL.id, fake.botId, "administrator", { can_post_messages: true });

  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: `sqlite:${dbFile}`,
    BOT_ADMINS: String(PERSONAS.admin.id),
    LOG_LEVEL: "info",
    // A piped script sends faster than a person types: the per-person limit would drop its updates after 60.
    RATE_LIMIT_PER_MINUTE: "0",
  });
  const db = openSqlite(dbFile);
  await migrateToLatest(db);
  const { default: pino } = await import("pino");
  const logger = createLogger("info", pino.destination({ dest: logFile, sync: false }));
  // Answers are printed before the next prompt: each update is waited for until the bot has handled it (not merely
  // confirmed it with its next getUpdates, which under the runner can come first).
  const handled = new Map<number, () => void>();
  const done = new Set<number>();
  const observer = {
    handled: (update: { update_id: number }) => {
      done.add(update.update_id);
      handled.get(update.update_id)?.();
    },
  };
  const app = await startApp({ config, db, logger, clock: systemClock, observer });

  let persona: PersonaName = "writer";
  let quit = false;
  let chatId: number = PERSONAS.writer.id;
  const keyboards = new Map<number, ShownKeyboard>();
  /** Every message with buttons, by message id, so an earlier keyboard can still be pressed (`#12.3`). */
  const keyboardsByMessage = new Map<number, ShownKeyboard>();
  const chatLabel = (id: number) => {
    if (id === ORGANISER_GROUP.id) return ORGANISER_GROUP.title;
    if (id === NEWS_CHANNEL.id) return NEWS_CHANNEL.title;
    const owner = Object.entries(PERSONAS).find(([, p]) => p.id === id);
    return owner ? `to ${owner[0]}` : `chat ${id}`;
  };

  fake.on("call", (call) => {
    if (!call.ok) {
      if (call.method !== "getUpdates") console.log(`\n⚠️  ${call.method} failed: ${call.errorCode} ${call.description}`);
      return;
    }
    if (call.method === "answerCallbackQuery" && typeof call.params.text === "string") {
      console.log(`\n🔔 ${call.params.text}`);
      return;
    }
    if (call.method === "answerInlineQuery") {
      const results = (Array.isArray(call.params.results) ? call.params.results : []) as { title?: string; description?: string }[];
      console.log(renderInlineResults(results));
      return;
    }
    const message = call.result as Message | undefined;
    if (!message || typeof message !== "object" || !("message_id" in message)) return;
    const buttons: InlineKeyboardButton[] = message.reply_markup?.inline_keyboard.flat() ?? [];
    if (buttons.length > 0) {
      const shown = { chatId: message.chat.id, messageId: message.message_id, buttons };
      keyboards.set(message.chat.id, shown);
      keyboardsByMessage.set(message.message_id, shown);
    }
    if (message.document) {
      const saved = join(workDir, message.document.file_name ?? `file-${message.message_id}`);
      const stored = fake.documents(message.chat.id).find((doc) => doc.messageId === message.message_id);
      if (stored) writeFileSync(saved, stored.bytes);
      console.log(`\n📎 ${chatLabel(message.chat.id)}: ${message.document.file_name ?? "file"} saved to ${saved}`);
    }
    const text = message.text ?? message.caption ?? "";
    if (text) console.log(renderMessage(chatLabel(message.chat.id), text, buttons, call.method.startsWith("edit"), message.message_id));
  });

  console.log(`Lysty playground — bot @${fake.botUsername}, database ${dbFile}, logs ${logFile}`);
  console.log(PLAYGROUND_HELP);
  console.log("You are the writer. Try /start.");

  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const prompt = () => `\n[${persona}${chatId === ORGANISER_GROUP.id ? " in group" : ""}] > `;
  const userId = () => PERSONAS[persona].id;
  /** Waits until the bot has handled the update, so its answers print before the next prompt. */
  const settle = async (updateId: number) => {
    if (!done.has(updateId)) {
      // An update the bot is never given (a post in a channel it cannot read) is not waited for forever.
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([new Promise<void>((resolve) => handled.set(updateId, resolve)), timeout]);
      handled.delete(updateId);
    }
    // Messages queued for background delivery (relays, news) show up as they are sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
  /** Lines between two `"""` lines are one message (multi-line text typed or piped in). */
  let block: string[] | undefined;

  const shutdown = async () => {
    terminal.close();
    await app.stop();
    await db.destroy();
    await fake.stop();
    if (dbFlag < 0) rmSync(workDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());

  // Iterating the interface (rather than question()) keeps lines that arrive while the bot is still answering,
  // so a script can be piped in too.
  process.stdout.write(prompt());
  for await (const raw of terminal) {
    const line = block === undefined ? raw.trim() : raw;
    if (block !== undefined) {
      if (line.trim() === '"""') {
        const text = block.join("\n");
        block = undefined;
        if (text.trim() !== "") await settle(fake.injectMessage(userId(), chatId, { text }));
      } else block.push(line);
      continue;
    }
    if (line === '"""') {
      block = [];
      continue;
    }
    if (line) await handleLine(line);
    if (quit) break;
    process.stdout.write(prompt());
  }
  await shutdown();

  async function handleLine(line: string): Promise<void> {
    if (line === ":quit") {
      quit = true;
      return;
    }
    if (line === ":help") {
      console.log(PLAYGROUND_HELP);
      return;
    }
    const as = /^\/as\s+(\w+)$/.exec(line);
    if (as) {
      if (as[1] && isPersonaName(as[1])) {
        persona = as[1];
        chatId = userId();
        console.log(`You are now the ${persona} (id ${userId()}).`);
      } else console.log("Personas: writer, organiser, admin");
      return;
    }
    if (line === ":group") {
      chatId = ORGANISER_GROUP.id;
      return;
    }
    if (line === ":private") {
      chatId = userId();
      return;
    }
    if (line.startsWith(":channel ")) {
      await settle(fake.injectChannelPost(NEWS_CHANNEL.id, line.slice(":channel ".length)));
      return;
    }
    if (line.startsWith("@ ")) {
      await settle(fake.injectInlineQuery(userId(), line.slice(2)));
      return;
    }
    if (line.startsWith(":paste ")) {
      const file = resolve(line.slice(":paste ".length).trim());
      let text: string;
      try {
        text = readFileSync(file, "utf8").replace(/\s+$/u, "");
      } catch {
        console.log(`Cannot read ${file}.`);
        return;
      }
      console.log(`(sending ${text.length} characters from ${file} as one message)`);
      await settle(fake.injectMessage(userId(), chatId, { text }));
      return;
    }
    const press = /^#(?:(\d+)\.)?(\d+)$/.exec(line);
    if (press) {
      const shown = press[1] === undefined ? keyboards.get(chatId) : keyboardsByMessage.get(Number(press[1]));
      const button = shown?.buttons[Number(press[2]) - 1];
      if (!shown || !button) console.log("No such button in this chat.");
      else if ("callback_data" in button) {
        await settle(fake.injectCallbackQuery(userId(), shown.chatId, shown.messageId, button.callback_data));
      }
      else if ("url" in button) console.log(`That button opens ${button.url}; paste its /start payload to follow it.`);
      else console.log("That button shares a card in another chat: try an inline query with '@ name'.");
      return;
    }
    if (line === ":sticker") await settle(fake.injectMessage(userId(), chatId, { sticker: { emoji: "🙂" } }));
    else if (line === ":photo") await settle(fake.injectMessage(userId(), chatId, { photo: { width: 640, height: 480 } }));
    else if (line === ":voice") await settle(fake.injectMessage(userId(), chatId, { voice: { duration: 2 } }));
    else await settle(fake.injectMessage(userId(), chatId, { text: line }));
  }
}

main().catch((error: unknown) => {
  console.error("playground failed:", error);
  process.exit(1);
});
