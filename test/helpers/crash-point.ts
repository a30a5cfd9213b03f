import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * A Kysely plugin for `Harness.start({ dbPlugins })` that simulates the process dying at one point of an update: once
 * armed, the first write (INSERT, UPDATE or DELETE) of `table` run after a write of `after` throws, and the plugin
 * disarms. A DELETE counts because a flow that ends deletes its stored state (`arm("conversation_state", …)`).
 * What a transaction around both holds is rolled back; what was committed before stays, as after a real crash.
 * `arm("seen_updates", "letters")` is a death after a message's save committed and before the webhook recorded the
 * update handled (`Deliveries`, src/server/deliveries.ts; the Postgres lease taken before is not a write after it):
 * restarted, the bot takes Telegram's delivery of it again for new.
 */
export class CrashPoint implements KyselyPlugin {
  private armed: { table: string; after: string; seen: boolean } | undefined;
  /** How many times it struck. */
  struck = 0;

  arm(table: string, after: string): void {
    this.armed = { table, after, seen: false };
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const armed = this.armed;
    if (armed === undefined || !WRITES.has(node.kind)) return node;
    const table = tableOf(node);
    if (table === armed.after) armed.seen = true;
    else if (table === armed.table && armed.seen) {
      this.armed = undefined;
      this.struck += 1;
      throw new Error(`simulated crash before writing ${table}`);
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const WRITES = new Set<RootOperationNode["kind"]>(["UpdateQueryNode", "InsertQueryNode", "DeleteQueryNode"]);

type Named = { table?: { identifier: { name: string } } };

function tableOf(node: RootOperationNode): string | undefined {
  const { table, into, from } = node as { table?: Named; into?: Named; from?: { froms: Named[] } };
  return (table ?? into ?? from?.froms[0])?.table?.identifier.name;
}
