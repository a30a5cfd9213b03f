import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type RootOperationNode,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
} from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationKey, UNCHANGED_STATE_REWRITE_MS } from "../../../src/db/conversation-storage.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo, textOf } from "./helpers.js";

/** Every query the bot's database handle runs, as "<kind> <table>" (e.g. "SelectQueryNode users"). */
class QueryLog implements KyselyPlugin {
  readonly queries: string[] = [];

  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    this.queries.push(`${node.kind} ${tableOf(node)}`);
    return node;
  }

  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }

  /** The queries run while `work` ran, but the outbox worker's, which polls on its own timer. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.queries.length;
    await work();
    return this.queries.slice(from).filter((query) => !query.endsWith(" outbox"));
  }
}

function tableOf(node: RootOperationNode): string {
  const table: OperationNode | undefined = SelectQueryNode.is(node)
    ? node.from?.froms[0]
    : InsertQueryNode.is(node)
      ? node.into
      : UpdateQueryNode.is(node)
        ? node.table
        : DeleteQueryNode.is(node)
          ? node.from.froms[0]
          : undefined;
  return table && TableNode.is(table) ? table.table.identifier.name : "?";
}

let h: Harness;
let log: QueryLog;
beforeEach(async () => {
  log = new QueryLog();
  // The news scheduler's passes run only when a test asks (none here), not on their timer in the middle of a step.
  h = await Harness.start({ dbPlugins: [log], newsScheduler: "manual" });
  // Retention runs a pass at start-up on its own timer; on a loaded machine that pass's UPDATE of old letters landed
  // inside a measured step. It is stopped (its pass awaited) so that only the step's own queries are compared.
  await h.running.retention.stop();
});
afterEach(async () => h.stop());

const storedRow = (chatId: number) =>
  h.db.selectFrom("conversation_state").select(["value", "updated_at"]).where("key", "=", conversationKey(chatId)).executeTakeFirstOrThrow();
const storedFlow = async (chatId: number) => (await storedRow(chatId)).value;
const flowWrittenAt = async (chatId: number) => (await storedRow(chatId)).updated_at;

describe("a step of the letter flow costs the same wherever it is (issue 14)", () => {
  it("message 30 runs the same queries as message 3, reads no user row in the replay, and leaves the flow state as it was", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const paragraph = (n: number) => `Paragraph ${String(n).padStart(2, "0")}: the chestnuts are in bloom and I am reading about Siberia.`;
    let third: string[] = [];
    let thirdState = "";
    for (let n = 1; n <= 30; n++) {
      // The first message, typed on the opening screen, starts the draft and brings the writing screen.
      const answer = n === 1 ? /^Letter to Boris Kagarlitsky/u : /^Saved\./u;
      const queries = await log.during(async () => expect(textOf(await writer.send(paragraph(n)))).toMatch(answer));
      if (n === 3) [third, thirdState] = [queries, await storedFlow(writer.id)];
      if (n < 30) continue;
      expect(queries).toEqual(third);
      // The visit is recorded once (an upsert returning the row); the flow's replayed contexts reuse that row.
      expect(queries.filter((query) => query.endsWith(" users"))).toEqual(["InsertQueryNode users"]);
      // Only this prisoner's draft is read, by its unique index, and written once.
      expect(queries.filter((query) => query.endsWith(" letters"))).toEqual(["SelectQueryNode letters", "UpdateQueryNode letters"]);
      // The replay log holds no earlier message: it is as it was at message 3, and as it was it is not written again.
      expect(await storedFlow(writer.id)).toBe(thirdState);
      expect(queries).not.toContain("InsertQueryNode conversation_state");
    }
    // An hour on, the unchanged state is written again, so that retention (by updated_at, in days) sees it in use.
    const written = await flowWrittenAt(writer.id);
    h.clock.advance(UNCHANGED_STATE_REWRITE_MS);
    const later = await log.during(() => writer.send(paragraph(31)));
    expect(later).toContain("InsertQueryNode conversation_state");
    expect(Date.parse(await flowWrittenAt(writer.id)) - Date.parse(written)).toBeGreaterThanOrEqual(UNCHANGED_STATE_REWRITE_MS);
    expect(await storedFlow(writer.id)).toBe(thirdState);

    const letter = await h.db.selectFrom("letters").select("text").where("writer_id", "=", writer.id).executeTakeFirstOrThrow();
    expect(letter.text?.split("\n\n")).toHaveLength(31);
    expectNoFailures(h);
  });
});
