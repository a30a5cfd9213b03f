import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { correctionFlows, correctionsFeature } from "./corrections.js";
import { discoverabilityFeature } from "./discoverability.js";
import { invitesFeature } from "./invites.js";
import { linkingFeature } from "./linking.js";
import { organiserListFeature } from "./organiser-list.js";
import { printFeature } from "./print.js";
import { relayButtonsFeature } from "./relay-buttons.js";
import { repliesFeature } from "./replies.js";
import { statsFeature } from "./stats.js";
import { translationsFeature } from "./translations.js";

/**
 * Everything organisers and admins do in Telegram (docs/organisers.md): invites and the organiser list, linking the
 * chats letters are relayed to, the buttons under each relayed letter, print batches, statistics and directory
 * corrections. Every action checks the role when it runs.
 */
export const organiserFeature = new Composer<BotContext>(
  invitesFeature,
  organiserListFeature,
  linkingFeature,
  relayButtonsFeature,
  // Before the replies: a .txt file answering a card that asked for a translation is the translation, not a reply.
  translationsFeature,
  repliesFeature,
  printFeature,
  statsFeature,
  correctionsFeature,
  discoverabilityFeature,
);

/** The guided `/setstatus` and `/move` steps (section 2 of src/bot/index.ts). */
export const organiserFlows = new Composer<BotContext>(correctionFlows);
