import { describe, expect, it } from "vitest";
import { allowedTransitions, canTransition, LETTER_STATUSES, statusAfterFinishing } from "../../src/domain/letters/status.js";

describe("letter status transitions", () => {
  it("lets a draft be finished, relayed or discarded, and nothing else", () => {
    expect(allowedTransitions("draft")).toEqual(["finished", "relayed", "discarded"]);
    expect(canTransition("draft", "sent")).toBe(false);
  });

  it("follows the organisers' path: relayed → accepted → printed → sent → reply received → closed", () => {
    const path = ["relayed", "accepted", "printed", "sent", "reply_received", "closed"] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    expect(canTransition("relayed", "printed")).toBe(false);
    expect(canTransition("printed", "accepted")).toBe(false);
  });

  it("sends a returned letter back to its writer as a draft", () => {
    expect(canTransition("relayed", "returned")).toBe(true);
    expect(canTransition("accepted", "returned")).toBe(true);
    expect(canTransition("returned", "draft")).toBe(true);
    expect(canTransition("sent", "draft")).toBe(false);
  });

  it("ends for good at discarded and closed", () => {
    for (const to of LETTER_STATUSES) {
      expect(canTransition("discarded", to)).toBe(false);
      expect(canTransition("closed", to)).toBe(false);
    }
  });

  it("never allows staying in place", () => {
    for (const status of LETTER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it("finishes to the organisers' queue or to the writer", () => {
    expect(statusAfterFinishing("organisers")).toBe("relayed");
    expect(statusAfterFinishing("fsin_pismo")).toBe("finished");
    expect(statusAfterFinishing("post")).toBe("finished");
  });
});
