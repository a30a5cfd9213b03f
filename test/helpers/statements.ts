import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * A Kysely plugin for `Harness.start({ dbPlugins })` that names each statement the bot's database handle runs as
 * "<kind> <table>" ("Select letters", "Update users"): a test counts what a step reads and writes.
 */
export class Statements implements KyselyPlugin {
  readonly seen: string[] = [];
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.seen.push(`${node.kind.replace("QueryNode", "")} ${tableOf(node)}`);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
  /** The statements `work` ran, but the outbox worker's, which polls on its own timer. */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.seen.length;
    await work();
    return this.seen.slice(from).filter((statement) => !statement.endsWith(" outbox"));
  }
}

function tableOf(node: RootOperationNode): string {
  const named = node as { from?: { froms: { table?: { identifier: { name: string } } }[] }; into?: { table: { identifier: { name: string } } }; table?: { table?: { identifier: { name: string } } } };
  return named.from?.froms[0]?.table?.identifier.name ?? named.into?.table.identifier.name ?? named.table?.table?.identifier.name ?? "?";
}
