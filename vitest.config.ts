import { configDefaults, defineConfig } from "vitest/config";
import { SQLITE_ONLY_FILES } from "./test/helpers/sqlite-only-files.js";

const onPostgres = process.env.TEST_DATABASE_URL?.startsWith("postgres") ?? false;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // The Postgres pass runs only what can touch Postgres; the SQLite pass runs everything.
    exclude: onPostgres ? [...configDefaults.exclude, ...SQLITE_ONLY_FILES] : configDefaults.exclude,
    globalSetup: ["test/helpers/postgres-global-setup.ts"],
    // End-to-end tests start HTTP servers and SQLite files; two workers fit the 2-core machines we run on.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // A worker imports the app once for all the files it runs instead of once per file: measured on 32 files (364
    // tests, load ~16) 236 s isolated against 190 s shared. Safe because tests mock no modules and stop what they
    // start; module state that remains is caches (the censorship model, Fluent bundles) and helps the next file.
    isolate: false,
    // A safety net against hangs, not a timing: end-to-end and process tests on a loaded two-core machine need it.
    // Per-file `vi.setConfig({ testTimeout })` does not work with isolate: false (it changes a worker state vitest
    // has replaced); give a slower describe `{ timeout }` instead.
    testTimeout: 90_000,
    hookTimeout: 20_000,
  },
});
