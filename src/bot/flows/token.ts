import type { Flow } from "../context.js";

/** A flow's token: five base-36 characters drawn through the plugin, so a replay draws the same one. */
export async function drawToken(conversation: Flow): Promise<string> {
  return Math.floor((await conversation.random()) * 36 ** 5)
    .toString(36)
    .padStart(5, "0");
}
