import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type DB, openPostgres } from "../../src/db/database.js";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import { projectPath } from "../../src/project-path.js";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type BotProcess, freePort, spawnBot } from "../helpers/bot-process.js";
import { postgresOnly } from "../helpers/skip-reason.js";

const postgresUrl = process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : undefined;

let fake: FakeTelegram | undefined;
let bots: BotProcess[] = [];
let admin: DB | undefined;

afterEach(async () => {
  for (const bot of bots) bot.child.kill("SIGKILL");
  await Promise.all(bots.map((bot) => bot.exited));
  await fake?.stop();
  // The schema is dropped before the next run (postgres-global-setup.ts), like every test schema.
  await admin?.destroy();
  bots = [];
  fake = admin = undefined;
});

/** The `directory seed loaded` line a process logged: how many prisoners it inserted. */
function seedLine(bot: BotProcess): { inserted: number; updated: number } | undefined {
  const line = bot
    .output()
    .split("\n")
    .find((text) => text.includes('"msg":"directory seed loaded"'));
  return line === undefined ? undefined : (JSON.parse(line) as { inserted: number; updated: number });
}

/**
 * What docker-compose.yml does on its first `up`: two instances of the image started at the same moment on an
 * empty Postgres database. Real processes (`npm start`), an empty schema of their own, the fake Bot API. Runs in the
 * Postgres pass of .ci/run (`npm run test:postgres`); skipped on SQLite.
 */
describe.skipIf(!postgresUrl)(postgresOnly("two instances starting together on an empty Postgres database"), () => {
  it("both come up, the migrations are applied once and the directory seed is loaded once", async () => {
    const url = postgresUrl ?? "";
    const schema = `test_${randomBytes(6).toString("hex")}`;
    admin = openPostgres(url, { max: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const databaseUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

    fake = await FakeTelegram.start();
    const ports = [await freePort(), await freePort()];
    bots = ports.map((port) =>
      spawnBot({
        BOT_TOKEN: fake!.token,
        TELEGRAM_API_ROOT: fake!.apiRoot,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "info",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://lysty.example.org/telegram",
        WEBHOOK_SECRET: "first-start-webhook-secret-0123456789",
        HOST: "127.0.0.1",
        PORT: String(port),
      }),
    );
    const deadline = Date.now() + 90_000;
    while (fake.calls.filter((call) => call.method === "setWebhook" && call.ok).length < 2) {
      if (Date.now() > deadline || bots.some((bot) => bot.child.exitCode !== null)) {
        throw new Error(`both instances did not come up; they printed:\n${bots.map((bot) => bot.output()).join("\n---\n")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const port of ports) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    for (const bot of bots) expect(bot.output()).not.toMatch(/duplicate key|failed to start/);

    // The seed went in once: one instance inserted every prisoner, the other found them all and inserted none.
    const seed = readDirectorySeed();
    const lines = bots.map(seedLine);
    expect(lines.map((line) => line?.inserted).sort()).toEqual([0, seed.prisoners.length].sort());
    const count = async (table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${schema}.${table}`)}`.execute(admin!)).rows[0]?.n;
    expect(await count("prisoners")).toBe(seed.prisoners.length);
    expect(await count("institutions")).toBe(seed.institutions.length);
    expect(await count("campaigns")).toBe(seed.campaigns.length);
    const migrationFiles = readdirSync(projectPath("migrations")).filter((file) => /^[^_].*\.ts$/.test(file));
    expect(await count("kysely_migration")).toBe(migrationFiles.length);

    for (const bot of bots) bot.child.kill("SIGTERM");
    expect(await Promise.all(bots.map((bot) => bot.exited))).toEqual([0, 0]);
  }, 120_000);
});
