import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { type ApiClientOptions, Bot, type Context } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { copyOf, parseDockerfile } from "../helpers/dockerfile.js";
import { privateTextUpdate } from "../helpers/updates.js";

/**
 * patches/@grammyjs+conversations+2.1.1.patch (docs/production.md, "The replay boundary"): the conversations engine
 * waits for `setImmediate`, not `setTimeout(0)`, at each replay boundary. A timer of 0 ms is at least 1 ms in Node,
 * and a letter-flow step crosses several boundaries (issue 14).
 */
const engineFile = createRequire(import.meta.url).resolve("@grammyjs/conversations/out/engine.js");

afterEach(() => {
  vi.useRealTimers();
});

/** Answers every Bot API call in process, recording the texts sent. */
function stubTelegram(sent: string[]): ApiClientOptions["fetch"] {
  return (async (_url: unknown, init?: { body?: unknown }) => {
    const params = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number; text?: string }) : {};
    if (params.text !== undefined) sent.push(params.text);
    const result = { message_id: sent.length, date: 0, chat: { id: params.chat_id ?? 0, type: "private" }, text: params.text };
    return new Response(JSON.stringify({ ok: true, result }));
  }) as unknown as ApiClientOptions["fetch"];
}


/** Lets `rounds` turns of the event loop pass (setImmediate is not faked): no clock is involved. */
async function turns(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setImmediate(resolve));
}

describe("the conversations engine as installed (patch-package)", () => {
  it("waits for setImmediate at replay boundaries, not setTimeout(0)", () => {
    const engine = readFileSync(engineFile, "utf8");
    expect(engine).not.toMatch(/setTimeout\(r, 0\)/);
    expect(engine.match(/await new Promise\(\(r\) => setImmediate\(r\)\);/g)).toHaveLength(2);
  });

  it("a flow answers each step while no timer ever fires", async () => {
    // With the engine's old setTimeout(0), no step could finish here: the faked timers never run.
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
    const sent: string[] = [];
    const bot = new Bot<ConversationFlavor<Context>>("1:patch-test", {
      botInfo: { id: 1, is_bot: true, first_name: "B", username: "b_bot" } as Bot["botInfo"],
      client: { fetch: stubTelegram(sent) },
    });
    bot.use(conversations());
    bot.use(
      createConversation(async (conversation: Conversation<ConversationFlavor<Context>, Context>, ctx: Context) => {
        await ctx.reply("name?");
        const name = await conversation.waitFor("message:text");
        const top = conversation.checkpoint();
        const city = await conversation.waitFor("message:text");
        if (city.message.text === "again") {
          await city.reply("once more");
          await conversation.rewind(top);
        }
        await city.reply(`${name.message.text} from ${city.message.text}`);
      }, "ask"),
    );
    bot.command("start", (ctx) => ctx.conversation.enter("ask"));

    for (const text of ["/start", "Oksana", "again", "Vilnius"]) {
      let done = false;
      void bot.handleUpdate(privateTextUpdate(42, text)).then(() => (done = true));
      await turns(50);
      expect(done, `the update "${text}" was handled`).toBe(true);
    }
    expect(sent).toEqual(["name?", "once more", "Oksana from Vilnius"]);
  });

  it("is applied on every install: postinstall runs patch-package, and the image copies patches/ before npm ci", () => {
    const manifest = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.scripts.postinstall).toBe("patch-package");
    expect(manifest.devDependencies["patch-package"]).toBeDefined();
    const patch = readFileSync(projectPath("patches", `@grammyjs+conversations+${manifest.dependencies["@grammyjs/conversations"]?.replace(/^\^/, "")}.patch`), "utf8");
    expect(patch).toContain("+            await new Promise((r) => setImmediate(r));");

    const [build = []] = parseDockerfile(readFileSync(projectPath("Dockerfile"), "utf8"));
    const copiesPatches = build.findIndex((step) => step.keyword === "COPY" && copyOf(step).sources.includes("patches"));
    const installs = build.findIndex((step) => step.keyword === "RUN" && step.args.includes("npm ci"));
    expect(copiesPatches).toBeGreaterThanOrEqual(0);
    expect(copiesPatches).toBeLessThan(installs);
  });
});
