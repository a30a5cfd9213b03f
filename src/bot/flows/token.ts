import { randomInt } from "node:crypto";
import type { Flow } from "../context.js";

const TOKENS = 36 ** 5;

const tokenOf = (index: number) => index.toString(36).padStart(5, "0");

/** A flow's token: five base-36 characters drawn through the plugin, so a replay draws the same one. */
export async function drawToken(conversation: Flow): Promise<string> {
  return tokenOf(Math.floor((await conversation.random()) * TOKENS));
}

/** A token drawn outside any flow: for a stage entered without a conversation (the letter's opening screen). */
export function freshToken(): string {
  return tokenOf(randomInt(TOKENS));
}
