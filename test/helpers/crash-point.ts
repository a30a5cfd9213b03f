import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import type { RunningApp } from "../../src/app.js";
import { followUpdates, handledUpdate } from "./update-scope.js";

/**
 * A Kysely plugin for `Harness.start({ dbPlugins })` that simulates the process dying at one point of an update: once
 * armed, the first write (INSERT, UPDATE or DELETE) of `table` that belongs to the update whose handling next writes
 * `after` throws, and the plugin disarms. A DELETE counts because a flow that ends deletes its stored state
 * (`arm("conversation_state", …)`). What a transaction around both holds is rolled back; what was committed before
 * stays, as after a real crash. `arm("seen_updates", "letters")` is a death after a message's save committed and
 * before the webhook recorded the update handled (`Deliveries`, src/server/deliveries.ts; the Postgres lease taken
 * before is not a write after it): restarted, the bot takes Telegram's delivery of it again for new.
 *
 * A write belongs to an update when it is made while the bot handles it (`bot.handleUpdate`, followed through every
 * await and timer it starts), or when it is made outside any update's handling and names the update's id: the
 * webhook's record of the update, written around its handling. Everything else the app writes on its own — the
 * retention pass a (re)start runs, the outbox, the news scheduler, the record of the update before — neither arms nor
 * strikes: armed by time alone, a crash point once struck retention's writes after a restart, and the update's own
 * record was then written, so its delivery again was taken as handled and answered nothing (CI, Postgres).
 *
 * Options, for a death in the middle of an update's handling rather than at its end:
 * - `skip: n` lets the first n writes of `table` pass and strikes the next (the third batch's progress of a sync);
 * - `dies: true`: the process is dead from the strike on, so every later write of the update fails too (a handler
 *   that catches the strike cannot record a failure, the webhook cannot record the update handled) until the next
 *   boot (`attach`); `onStrike` runs at the strike, for what the test must stop on the Telegram side (the dead
 *   process's "something went wrong" reply).
 */
export class CrashPoint implements KyselyPlugin {
  private armed: (Required<Pick<CrashOptions, "skip" | "dies">> & Pick<CrashOptions, "onStrike"> & { table: string; after: string; update?: number }) | undefined;
  /** The update whose process died (`dies`), until the next boot. */
  private dead: number | undefined;
  /** How many times it struck. */
  struck = 0;

  arm(table: string, after: string, options: CrashOptions = {}): void {
    this.armed = { table, after, skip: options.skip ?? 0, dies: options.dies ?? false, ...(options.onStrike ? { onStrike: options.onStrike } : {}) };
  }

  /** Called by the harness after every boot: a restarted app has a new bot whose updates must be followed too. */
  attach(app: RunningApp): void {
    this.dead = undefined;
    followUpdates(app);
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!WRITES.has(node.kind)) return node;
    const handling = handledUpdate();
    if (this.dead !== undefined && ofUpdate(node, handling, this.dead)) throw new Error("simulated crash: the process is dead");
    const armed = this.armed;
    if (armed === undefined) return node;
    const table = tableOf(node);
    if (armed.update === undefined) {
      if (table === armed.after && handling !== undefined) armed.update = handling;
      return node;
    }
    if (table === armed.table && ofUpdate(node, handling, armed.update)) {
      if (armed.skip > 0) {
        armed.skip -= 1;
        return node;
      }
      this.armed = undefined;
      this.struck += 1;
      if (armed.dies) this.dead = armed.update;
      armed.onStrike?.();
      throw new Error(`simulated crash before writing ${table}`);
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

export interface CrashOptions {
  /** Writes of the table to let pass before the strike. */
  skip?: number;
  /** Every later write of the update fails too, until the next boot. */
  dies?: boolean;
  onStrike?: () => void;
}

/** Whether a write is the update's: made while the bot handles it, or outside any handling and naming its id. */
function ofUpdate(node: RootOperationNode, handling: number | undefined, update: number): boolean {
  return handling === undefined ? names(node, update) : handling === update;
}

const WRITES = new Set<RootOperationNode["kind"]>(["UpdateQueryNode", "InsertQueryNode", "DeleteQueryNode"]);

type Named = { table?: { identifier: { name: string } } };

function tableOf(node: RootOperationNode): string | undefined {
  const { table, into, from } = node as { table?: Named; into?: Named; from?: { froms: Named[] } };
  return (table ?? into ?? from?.froms[0])?.table?.identifier.name;
}

/** Whether `id` is one of the statement's values (`where("update_id", "=", id)`, `"in"`, or a row inserted). */
function names(node: unknown, id: number): boolean {
  if (typeof node !== "object" || node === null) return false;
  if (Array.isArray(node)) return node.some((child) => names(child, id));
  const { kind, value, values } = node as { kind?: string; value?: unknown; values?: unknown[] };
  if (kind === "ValueNode") return value === id;
  if (kind === "PrimitiveValueListNode") return values?.includes(id) ?? false;
  return Object.values(node).some((child) => names(child, id));
}
