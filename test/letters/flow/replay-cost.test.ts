import {
  DeleteQueryNode,
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  SelectQueryNode,
  TableNode,
  UpdateQueryNode,
} from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { draftCounts } from "../../../src/db/repositories/letters.js";
import { countsOf } from "../../../src/domain/letters/text-counts.js";
import type { Message } from "grammy/types";
import { savedMessageEntry } from "../../../src/domain/letters/saved-messages.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo, textOf, userMessageBefore } from "./helpers.js";

/** A query the bot's database handle ran: "<kind> <table>", the rows it returned and the characters it moved. */
interface LoggedQuery {
  query: string;
  rows: number;
  /** Characters of the string values bound to it (what it wrote or looked for). */
  sent: number;
  /** Characters of the string values it returned (what it read). */
  read: number;
}

/** Every query the bot's database handle runs (statements of a transaction's own, begin and commit, are not seen). */
class QueryLog implements KyselyPlugin {
  readonly queries: LoggedQuery[] = [];
  private readonly pending = new WeakMap<object, LoggedQuery>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const entry = { query: `${node.kind} ${tableOf(node)}`, rows: 0, sent: stringCharacters(node, true), read: 0 };
    this.queries.push(entry);
    this.pending.set(queryId, entry);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const entry = this.pending.get(queryId);
    if (entry) {
      entry.rows = result.rows.length;
      entry.read = stringCharacters(result.rows, false);
    }
    return result;
  }

  /** The queries run while `work` ran, but the outbox worker's, which polls on its own timer. */
  async during(work: () => Promise<unknown>): Promise<LoggedQuery[]> {
    const from = this.queries.length;
    await work();
    return this.queries.slice(from).filter((entry) => !entry.query.endsWith(" outbox"));
  }
}

/** The characters of every string in a value: in a query tree only those of bound values (`ValueNode`s). */
function stringCharacters(value: unknown, valuesOnly: boolean): number {
  if (typeof value === "string") return valuesOnly ? 0 : value.length;
  if (value === null || typeof value !== "object") return 0;
  const record = value as Record<string, unknown>;
  if (valuesOnly && record.kind === "ValueNode") return typeof record.value === "string" ? record.value.length : 0;
  let total = 0;
  for (const item of Array.isArray(value) ? value : Object.values(record)) total += stringCharacters(item, valuesOnly);
  return total;
}

const names = (queries: LoggedQuery[]) => queries.map((entry) => entry.query);

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

/**
 * The draft's write sends the writer's message id twice (the draft remembers it, to know it again: saved-messages.ts).
 * Its digits, not the letter, grow with the message's number, so they are left out of what a step moves.
 */
function withoutMessageId(queries: LoggedQuery[], answer: readonly Message[]): LoggedQuery[] {
  const share = 2 * savedMessageEntry(userMessageBefore(answer)).length;
  return queries.map((entry) => (entry.query === "UpdateQueryNode letters" ? { ...entry, sent: entry.sent - share } : entry));
}

let h: Harness;
let log: QueryLog;
beforeEach(async () => {
  log = new QueryLog();
  // The news scheduler's passes run only when a test asks (none here), not on their timer in the middle of a step.
  // Sixty messages in a row are over the per-minute limit, which is not what is measured here.
  h = await Harness.start({ dbPlugins: [log], newsScheduler: "manual", env: { RATE_LIMIT_PER_MINUTE: "0" } });
  // Retention runs a pass at start-up on its own timer; on a loaded machine that pass's UPDATE of old letters landed
  // inside a measured step. It is stopped (its pass awaited) so that only the step's own queries are compared.
  await h.running.retention.stop();
});
afterEach(async () => h.stop());

const storedFlows = () => h.db.selectFrom("conversation_state").select("value").execute();
const letterStage = async (userId: number) =>
  (await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirstOrThrow()).letter_stage;

describe("a step of the letter flow costs the same wherever it is (issue 14)", () => {
  it("message 60 runs the same two statements as message 3: the visit, and the paragraph appended without reading the draft", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const paragraph = (n: number) => `Paragraph ${String(n).padStart(2, "0")}: the chestnuts are in bloom and I am reading about Siberia.`;
    let third: LoggedQuery[] = [];
    for (let n = 1; n <= 60; n++) {
      // The first message, typed on the opening screen, starts the draft and brings the writing screen.
      const answer = n === 1 ? /^Letter to Boris Kagarlitsky/u : /^Saved\./u;
      let answered: Message[] = [];
      const step = await log.during(async () => {
        answered = await writer.send(paragraph(n));
        expect(textOf(answered)).toMatch(answer);
      });
      const queries = withoutMessageId(step, answered);
      if (n === 3) third = queries;
      if (n < 60) continue;
      // The same statements, rows and characters moved at the sixtieth message as at the third.
      expect(queries).toEqual(third);
      // The visit is one read of the user row, which carries the writing stage (seen minutes ago: nothing to write,
      // VISIT_RESOLUTION_MS). No stored flow is
      // looked for (the stage says none runs), no conversation replayed, no prisoner or institution read, and the
      // draft is one UPDATE that adds the paragraph and its figures in the database and returns only the figures.
      expect(names(queries)).toEqual(["SelectQueryNode users", "UpdateQueryNode letters"]);
      expect(queries.map((entry) => entry.rows)).toEqual([1, 1]);
      const update = queries[1]!;
      expect(update.read).toBe(0);
      expect(update.sent).toBeLessThan(paragraph(n).length + 100);
    }
    expect(await storedFlows()).toEqual([]);
    expect(JSON.parse((await letterStage(writer.id)) ?? "null")).toMatchObject({ slug: KAGARLITSKY });

    const letter = await h.db.selectFrom("letters").selectAll().where("writer_id", "=", writer.id).executeTakeFirstOrThrow();
    expect(letter.text?.split("\n\n")).toEqual(Array.from({ length: 60 }, (_, index) => paragraph(index + 1)));
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    expectNoFailures(h);
  });

  it("a message reaching 12,000 characters runs the same statements, reading and writing as much as the one reaching 2,000", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const chunk = "Пишу Вам снова. ".repeat(63).slice(0, 998);
    await writer.send(chunk);
    const sent = async () => {
      let answered: Message[] = [];
      const step = await log.during(async () => (answered = await writer.send(chunk)));
      return withoutMessageId(step, answered);
    };
    const second = await sent();
    for (let n = 3; n < 12; n++) await writer.send(chunk);
    const last = await sent();
    expect(last).toEqual(second);
    expect(names(last)).toEqual(["SelectQueryNode users", "UpdateQueryNode letters"]);
    // Nothing of the draft is read back, and only the new paragraph is sent.
    expect(last[1]!.read).toBe(0);
    expect(last[1]!.sent).toBeLessThan(chunk.length + 100);
    expect(writer.lastText()).toContain("longer than one Telegram message");
    const letter = await h.db.selectFrom("letters").selectAll().where("writer_id", "=", writer.id).executeTakeFirstOrThrow();
    expect(letter.text).toBe(Array.from({ length: 12 }, () => chunk.trim()).join("\n\n"));
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    // The figures the writer is shown are the whole text's, from the running counts.
    expect(writer.lastText()).toContain(`${countsOf(letter.text).characters.toLocaleString("en-US")} characters`);
    expectNoFailures(h);
  });
});

describe("the opening and signing screens are stages too (issue 14)", () => {
  it("step 1 is three statements after the first contact's insert, the first message three, neither reads a stored flow; a typed signature is the visit and the stage (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    // Step 1 enters no conversation: the visit (this writer's first contact: the read finds nobody, the row is
    // inserted, so no flow can be stored and the flow storage reads none), the lookup in one statement (the card, its
    // institution, routes, the draft, the writer's history), and the opening screen's stage.
    const step1 = await log.during(() => startWritingTo(writer, KAGARLITSKY));
    expect(names(step1)).toEqual(["SelectQueryNode users", "InsertQueryNode users", "SelectQueryNode prisoners", "UpdateQueryNode users"]);
    expect(await storedFlows()).toEqual([]);
    // The first message starts the draft in one statement (an insert that takes a draft without text) and moves the
    // stage on to writing.
    const first = await log.during(async () => expect(textOf(await writer.send("Здравствуйте, Борис Юльевич!"))).toMatch(/^Letter to Boris Kagarlitsky/u));
    expect(names(first)).toEqual(["SelectQueryNode users", "InsertQueryNode letters", "UpdateQueryNode users"]);
    await writer.send("Пишу Вам из Кракова.");
    await writer.press("Done: check the letter");
    expect(await storedFlows()).toEqual([]);
    // On the signing screen nothing of the check is replayed: the visit (a read), then the signature kept in the stage.
    const signature = await log.during(async () => expect(textOf(await writer.send("Оксана\nЛьвів"))).toContain("Remember this signature"));
    expect(names(signature)).toEqual(["SelectQueryNode users", "UpdateQueryNode users"]);
    expect(JSON.parse((await letterStage(writer.id)) ?? "null")).toMatchObject({ signing: { signature: { name: "Оксана", city: "Львів" } } });
    expectNoFailures(h);
  });
});
