import { GrammyError, HttpError } from "grammy";
import type { ResponseParameters } from "grammy/types";
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/outbox/classify.js";

function apiError(code: number, description: string, parameters: ResponseParameters = {}): GrammyError {
  return new GrammyError(`Call failed (${code}: ${description})`, { ok: false, error_code: code, description, parameters }, "sendMessage", {});
}

describe("classifyFailure", () => {
  it("reads retry_after from a 429, in milliseconds", () => {
    expect(classifyFailure(apiError(429, "Too Many Requests: retry after 7", { retry_after: 7 }), false)).toMatchObject({
      type: "rate-limited",
      retryAfterMs: 7000,
    });
  });

  it.each([
    [403, "Forbidden: bot was blocked by the user"],
    [403, "Forbidden: bot was kicked from the group chat"],
    [400, "Bad Request: chat not found"],
    [400, "Bad Request: need administrator rights in the channel chat"],
    [400, "Bad Request: not enough rights to send text messages to the chat"],
  ])("treats %i %s as forbidden", (code, description) => {
    expect(classifyFailure(apiError(code, description), false).type).toBe("forbidden");
  });

  it("counts 'message is not modified' as done for edits only", () => {
    const error = apiError(400, "Bad Request: message is not modified: specified new message content is the same");
    expect(classifyFailure(error, true).type).toBe("not-modified");
    expect(classifyFailure(error, false).type).toBe("rejected");
  });

  it("follows a group that became a supergroup", () => {
    const error = apiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234 });
    expect(classifyFailure(error, false)).toMatchObject({ type: "migrated", toChatId: -1001234 });
  });

  it("gives up at once on other 400s and retries 5xx and network errors", () => {
    expect(classifyFailure(apiError(400, "Bad Request: can't parse entities"), false).type).toBe("rejected");
    expect(classifyFailure(apiError(500, "Internal Server Error"), false).type).toBe("transient");
    expect(classifyFailure(apiError(502, "Bad Gateway"), false).type).toBe("transient");
    const network = classifyFailure(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET")), false);
    expect(network).toEqual({ type: "transient", error: { code: 0, description: "network error" } });
  });
});
