/**
 * kill -9 in the middle of `npm run directory:sync`, then a restart: the directory ends exactly as after one clean
 * run, nothing duplicated, and the restart says it resumed.
 */
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { seedDirectory } from "../../src/db/repositories/directory-document.js";
import { parseSyncConfig } from "../../src/services/directory-sync/config.js";
import { runDirectorySync } from "../../src/services/directory-sync/engine.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { generatedMemorialCards, sampleRegistry } from "../helpers/registries.js";
import { SourceServer } from "../helpers/source-server.js";

const databases: TestDatabase[] = [];
let server: SourceServer | undefined;
afterEach(async () => {
  await server?.stop();
  for (const database of databases.splice(0)) await database.cleanup();
});

async function state(database: TestDatabase) {
  const { db } = database;
  return {
    prisoners: await db.selectFrom("prisoners").select(["slug", "status", "status_as_of", "institution_slug", "hashtag"]).orderBy("slug").execute(),
    observations: await db.selectFrom("directory_observations").select(["source", "source_record_id", "prisoner_slug", "outcome", "raw_sha256"]).orderBy("source_record_id").execute(),
    history: await db.selectFrom("prisoner_history").select(["prisoner_slug", "field", "old_value", "new_value", "as_of"]).orderBy("prisoner_slug").orderBy("field").orderBy("id").execute(),
    reviews: await db.selectFrom("directory_reviews").select(["kind", "prisoner_slug", "payload"]).orderBy("id").execute(),
  };
}

describe("a sync killed with SIGKILL", () => {
  it("resumes on restart and ends in the state of one clean run", async () => {
    const registry = sampleRegistry();
    registry.memorialCards = [...registry.memorialCards, ...generatedMemorialCards(560)];
    server = await SourceServer.start(registry);
    const env = server.env(0);
    const clean = await createTestDatabase();
    const crashed = await createTestDatabase();
    databases.push(clean, crashed);
    const seededAt = new Date("2026-12-06T07:00:00Z");
    await seedDirectory(clean.db, { now: seededAt });
    await seedDirectory(crashed.db, { now: seededAt });

    // The child is killed when it asks for the fourth page: three pages are stored, the fourth is in flight.
    const child = spawn(process.execPath, ["--import", "tsx", projectPath("src", "cli", "directory-sync.ts"), "--source", "memorial", "--database", crashed.url], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    const killed = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    server.onRequest = (path) => {
      if (path.includes("page=4&")) child.kill("SIGKILL");
    };
    await killed;
    server.onRequest = undefined;
    const halfway = await crashed.db.selectFrom("directory_sync_runs").selectAll().executeTakeFirstOrThrow();
    expect(halfway.state).toBe("running");
    expect(JSON.parse(halfway.cursor as string)).toEqual({ position: 4 });
    expect(await crashed.db.selectFrom("directory_sync_lock").select("owner").executeTakeFirst()).toBeDefined();

    const config = parseSyncConfig(env);
    const [resumed] = await runDirectorySync({ db: crashed.db, config, sources: ["memorial"] });
    expect(resumed?.resumed).toBe(true);
    expect(resumed?.failed).toBeNull();
    const [once] = await runDirectorySync({ db: clean.db, config, sources: ["memorial"] });
    expect(once?.resumed).toBe(false);

    expect(resumed?.counts).toEqual(once?.counts);
    expect(await state(crashed)).toEqual(await state(clean));
    const people = await crashed.db.selectFrom("directory_observations").select("source_record_id").execute();
    expect(new Set(people.map((row) => row.source_record_id)).size).toBe(people.length);
  }, 120_000);
});
