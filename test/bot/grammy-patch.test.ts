import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ApiClientOptions, Bot, BotError, Composer, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import { privateTextUpdate } from "../helpers/updates.js";

/**
 * patches/grammy+1.46.0.patch (docs/production.md, "The middleware chain: a patch of grammY"): grammY's `concat`
 * links the middleware chain without two async functions per link, and `branch` (behind every `on`, `command`,
 * `callbackQuery`, `filter`…) composes its cases once instead of building a Composer for every update. An update
 * meets ~180 links and ~125 filters on its way through Lysty's bot; these tests hold the chain's behaviour to grammY's.
 */
const composerFile = join(dirname(createRequire(import.meta.url).resolve("grammy")), "composer.js");

/** What grammY reads of the bot's own user (its id and username, for commands). */
const BOT_INFO = { id: 1, is_bot: true, first_name: "B", username: "b_bot" } as UserFromGetMe;

const noTelegram = (async () => {
  throw new Error("no Bot API call expected");
}) as unknown as ApiClientOptions["fetch"];

function newBot(): Bot {
  return new Bot("1:a", { botInfo: BOT_INFO, client: { fetch: noTelegram } });
}

/** Unpatched grammY: 4 (measured on 1.46.0). */
const MIDDLEWARE_CALLS_PER_UPDATE = 3;

const text = (value: string): Update => privateTextUpdate(7, value);

describe("grammY's composer as installed (patch-package)", () => {
  it("is the patched one", () => {
    expect(readFileSync(composerFile, "utf8")).toContain("patched for Lysty");
  });

  it("runs middleware in order, each after the one before calls next, and the chain waits for all of it", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.use(async (_ctx, next) => {
      seen.push("a");
      await next();
      seen.push("a after");
    });
    bot.use((_ctx, next) => {
      seen.push("b (sync)");
      return next();
    });
    bot.on("message:text", async (_ctx, next) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push("c (text)");
      await next();
    });
    bot.on("callback_query", () => {
      seen.push("never");
    });
    bot.command("start", () => {
      seen.push("start");
    });
    bot.use(() => {
      seen.push("last");
    });
    await bot.handleUpdate(text("hello"));
    expect(seen).toEqual(["a", "b (sync)", "c (text)", "last", "a after"]);
    seen.length = 0;
    await bot.handleUpdate(text("/start"));
    expect(seen).toEqual(["a", "b (sync)", "c (text)", "start", "a after"]);
  });

  it("stops where a middleware does not call next", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.hears("stop", () => {
      seen.push("stopped");
    });
    bot.use(() => {
      seen.push("after");
    });
    await bot.handleUpdate(text("stop"));
    await bot.handleUpdate(text("go"));
    expect(seen).toEqual(["stopped", "after"]);
  });

  it("still refuses a second call of next", async () => {
    const bot = newBot();
    bot.use(async (_ctx, next) => {
      await next();
      await next();
    });
    bot.use(() => undefined);
    const failure = await bot.handleUpdate(text("x")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BotError);
    expect(String((failure as BotError).error)).toMatch(/`next` already called before!/);
  });

  it("turns a middleware's or a filter's synchronous throw into a rejection the error boundary sees", async () => {
    const bot = newBot();
    const caught: string[] = [];
    const bounded = bot.errorBoundary((error) => {
      caught.push(String(error.error));
    });
    bounded.filter(
      (ctx) => {
        if (ctx.message?.text === "bad filter") throw new Error("filter broke");
        return true;
      },
      (ctx, next) => {
        if (ctx.message?.text === "bad handler") throw new Error("handler broke");
        return next();
      },
    );
    await bot.handleUpdate(text("bad filter"));
    await bot.handleUpdate(text("bad handler"));
    await bot.handleUpdate(text("fine"));
    expect(caught).toEqual(["Error: filter broke", "Error: handler broke"]);

    // Outside a boundary, handleUpdate rethrows (wrapped), as grammY documents.
    const plain = newBot();
    plain.use(() => {
      throw new Error("plain");
    });
    await expect(plain.handleUpdate(text("x"))).rejects.toBeInstanceOf(BotError);
  });

  it("awaits an asynchronous filter and takes either case", async () => {
    const bot = newBot();
    const seen: string[] = [];
    bot.branch(
      async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return ctx.message?.text === "yes";
      },
      [(_ctx, next) => (seen.push("true 1"), next()), () => void seen.push("true 2")],
      () => void seen.push("false"),
    );
    await bot.handleUpdate(text("yes"));
    await bot.handleUpdate(text("no"));
    expect(seen).toEqual(["true 1", "true 2", "false"]);
  });

  it("runs middleware added to a filter's composer after the filter was registered", async () => {
    const bot = newBot();
    const seen: string[] = [];
    const texts = bot.on("message:text");
    await bot.handleUpdate(text("before"));
    texts.use((ctx) => void seen.push(ctx.message.text));
    const nested = new Composer<Context>();
    bot.filter(() => true, nested);
    nested.use(() => void seen.push("nested"));
    await bot.handleUpdate(text("after"));
    expect(seen).toEqual(["after"]);
    const other = newBot();
    const inner = new Composer<Context>();
    other.filter(() => true, inner);
    inner.use(() => void seen.push("nested"));
    await other.handleUpdate(text("x"));
    expect(seen).toEqual(["after", "nested"]);
  });

  it("builds no Composer per update in a filter", async () => {
    const bot = newBot();
    bot.on("message:text", () => undefined);
    const middleware = vi.spyOn(Composer.prototype, "middleware");
    await bot.handleUpdate(text("x"));
    const perUpdate = middleware.mock.calls.length;
    middleware.mockRestore();
    // handleUpdate asks the bot for its chain, and the filter reads its composer's at call time; unpatched, the
    // filter's `lazy` wrapped a fresh Composer around that composer for every update (one more call each).
    expect(perUpdate).toBe(MIDDLEWARE_CALLS_PER_UPDATE);
  });
});
