import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAgent } from "../../src/telegram/http-agent.js";
import { createOutboxApi } from "../../src/outbox/api.js";
import { Harness } from "../helpers/harness.js";

interface AgentOptions {
  keepAlive?: boolean;
  noDelay?: boolean;
}

const agentOf = (api: Api) => (api.options?.baseFetchConfig as { agent?: { options: AgentOptions } } | undefined)?.agent;

describe("the agent of the bot's and the outbox's Bot API calls", () => {
  let server: Server | undefined;
  let harness: Harness | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await harness?.stop();
    server = undefined;
    harness = undefined;
  });

  it("keeps connections alive and turns Nagle's algorithm off, for http and https", () => {
    for (const root of ["http://127.0.0.1:8081", "https://api.telegram.org"]) {
      const agent = createTelegramAgent(root) as unknown as { options: AgentOptions; protocol: string };
      expect(agent.options).toMatchObject({ keepAlive: true, noDelay: true });
      expect(agent.protocol).toBe(root.startsWith("https:") ? "https:" : "http:");
    }
  });

  // undici's Pool opens a second connection for the call right after its first (test/telegram/bot-api-fetch-wire.test.ts).
  it("carries several Bot API calls over kept connections", async () => {
    let connections = 0;
    server = createServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true, result: true }));
    });
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const api = createOutboxApi("123:abc", { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    for (let call = 0; call < 6; call++) expect(await api.sendChatAction(1, "typing")).toBe(true);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it("is the one the running bot sends through (flows build their Api from the same options)", async () => {
    harness = await Harness.start();
    expect(agentOf(harness.running.bot.api)?.options).toMatchObject({ keepAlive: true, noDelay: true });
  });
});
