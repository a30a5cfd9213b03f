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

const storedFlows = () => h.db.selectFrom("conversation_state").select("value").execute();
const letterStage = async (userId: number) =>
  (await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirstOrThrow()).letter_stage;

describe("a step of the letter flow costs the same wherever it is (issue 14)", () => {
  it("message 30 runs the same queries as message 3: the writing stage, no conversation replayed or stored", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const paragraph = (n: number) => `Paragraph ${String(n).padStart(2, "0")}: the chestnuts are in bloom and I am reading about Siberia.`;
    let third: string[] = [];
    for (let n = 1; n <= 30; n++) {
      // The first message, typed on the opening screen, starts the draft and brings the writing screen.
      const answer = n === 1 ? /^Letter to Boris Kagarlitsky/u : /^Saved\./u;
      const queries = await log.during(async () => expect(textOf(await writer.send(paragraph(n)))).toMatch(answer));
      if (n === 3) third = queries;
      if (n < 30) continue;
      expect(queries).toEqual(third);
      // The visit is recorded once (an upsert returning the row, which carries the writing stage); nothing else reads
      // the person, the prisoner or the institution: no conversation is replayed (docs/letter-flow-stages.md).
      expect(queries.filter((query) => query.endsWith(" users"))).toEqual(["InsertQueryNode users"]);
      expect(queries.some((query) => query.endsWith(" prisoners") || query.endsWith(" institutions"))).toBe(false);
      // Only this prisoner's draft is read, by its unique index, and written once.
      expect(queries.filter((query) => query.endsWith(" letters"))).toEqual(["SelectQueryNode letters", "UpdateQueryNode letters"]);
      // The conversations plugin finds no stored flow (its one read) and writes none.
      expect(queries.filter((query) => query.endsWith(" conversation_state"))).toEqual(["SelectQueryNode conversation_state"]);
    }
    expect(await storedFlows()).toEqual([]);
    expect(JSON.parse((await letterStage(writer.id)) ?? "null")).toMatchObject({ slug: KAGARLITSKY });

    const letter = await h.db.selectFrom("letters").select("text").where("writer_id", "=", writer.id).executeTakeFirstOrThrow();
    expect(letter.text?.split("\n\n")).toHaveLength(30);
    expectNoFailures(h);
  });

  it("a message reaching 12,000 characters runs the same queries as the second one", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const chunk = "Пишу Вам снова. ".repeat(63).slice(0, 998);
    await writer.send(chunk);
    const second = await log.during(() => writer.send(chunk));
    for (let n = 3; n < 12; n++) await writer.send(chunk);
    const last = await log.during(() => writer.send(chunk));
    expect(last).toEqual(second);
    expect(writer.lastText()).toContain("longer than one Telegram message");
    const letter = await h.db.selectFrom("letters").select("text").where("writer_id", "=", writer.id).executeTakeFirstOrThrow();
    expect(letter.text?.length).toBeGreaterThan(11_900);
    expectNoFailures(h);
  });
});
