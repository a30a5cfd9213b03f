import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import type { RunningApp } from "../../src/app.js";
import { followUpdates, handledUpdate } from "./update-scope.js";

/**
 * A Kysely plugin for `Harness.start({ dbPlugins })` that names each statement the bot's database handle runs as
 * "<kind> <table>" ("Select letters", "Update users"): a test counts what a step reads and writes.
 */
export class Statements implements KyselyPlugin {
  readonly seen: string[] = [];
  /** Per statement of `seen`: whether the bot ran it while handling an update (known once attached to an app). */
  private readonly inUpdate: boolean[] = [];
  private attached = false;

  /** Called by the harness after every boot: from then on only what the bot runs for an update counts in `during`. */
  attach(app: RunningApp): void {
    followUpdates(app);
    this.attached = true;
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.seen.push(`${node.kind.replace("QueryNode", "")} ${tableOf(node)}`);
    this.inUpdate.push(handledUpdate() !== undefined);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
  /**
   * The statements `work` ran. Attached to an app (the harness), only those the bot ran while handling an update: what
   * the app runs on its own timers (the outbox worker's polls, a retention pass, the news scheduler) is not the
   * step's, and under load it once fell inside a counted step (Postgres: the outbox's claim, "Select claimed").
   * Unattached (a repository tested alone), every statement but the outbox's.
   */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    const from = this.seen.length;
    await work();
    if (this.attached) return this.seen.slice(from).filter((_, index) => this.inUpdate[from + index]);
    return this.seen.slice(from).filter((statement) => !statement.endsWith(" outbox"));
  }
}

function tableOf(node: RootOperationNode): string {
  const named = node as { from?: { froms: { table?: { identifier: { name: string } } }[] }; into?: { table: { identifier: { name: string } } }; table?: { table?: { identifier: { name: string } } } };
  return named.from?.froms[0]?.table?.identifier.name ?? named.into?.table.identifier.name ?? named.table?.table?.identifier.name ?? "?";
}
