import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textOfColumn, wholeText } from "../../src/db/utf8-text.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { onPostgres, sqliteOnly } from "../helpers/skip-reason.js";

let testDb: TestDatabase;
beforeEach(async () => {
  testDb = await createTestDatabase();
  await sql`create table texts (id integer primary key, body text)`.execute(testDb.db);
});
afterEach(async () => testDb.cleanup());

const LONG = 12_000;
const texts = [
  "",
  "Здравствуйте!",
  "Пишу Вам снова. ".repeat(LONG / 16),
  "Plain English, kept in ASCII. ".repeat(200),
  "Café, naïve, Łódź — Latin beyond ASCII. ".repeat(100),
  "Emoji 😀👍🏽 and a flag 🇺🇦, combining й and ё, RTL שלום مرحبا.\r\n\r\n".repeat(60),
  // Postgres refuses a NUL in text; SQLite keeps it.
  ...(onPostgres ? [] : ["A lone surrogate \ud800 and a NUL \u0000 inside. ".repeat(100)]),
];

/** Each text as the bot read it before (`select body`) and as `wholeText` reads it, by id. */
async function readBoth(): Promise<{ plain: string | null; whole: string | null; bytes: boolean }[]> {
  const { db } = testDb;
  const plain = await sql<{ id: number; body: string | null }>`select id, body from texts order by id`.execute(db);
  const whole = await sql<{ id: number; body: string | Uint8Array | null }>`select id, ${wholeText(db, sql.ref("body"))} as body from texts order by id`.execute(db);
  return plain.rows.map((row, index) => {
    const value = whole.rows[index]?.body;
    return { plain: row.body, whole: textOfColumn(value), bytes: value instanceof Uint8Array };
  });
}

describe("a long text read as its UTF-8 bytes (db/utf8-text.ts)", () => {
  it("is the same string as the text read plainly: short and long, Cyrillic, ASCII, Latin, emoji, CRLF, NUL, NULL", async () => {
    for (const [id, body] of texts.entries()) await sql`insert into texts (id, body) values (${id}, ${body})`.execute(testDb.db);
    await sql`insert into texts (id, body) values (${texts.length}, null)`.execute(testDb.db);
    const read = await readBoth();
    expect(read).toHaveLength(texts.length + 1);
    for (const { plain, whole } of read) expect(whole).toBe(plain);
    expect(read.at(-1)?.whole).toBeNull();
    // On SQLite the long ones came as bytes, the short ones as text.
    expect(read.map((row) => row.bytes)).toEqual(read.map((row) => !onPostgres && (row.plain?.length ?? 0) > 2_000));
    // Everything but the lone surrogate (which neither database keeps) comes back as it was written.
    expect(read.slice(0, 6).map((row) => row.whole)).toEqual(texts.slice(0, 6));
  });

  it.skipIf(onPostgres)(sqliteOnly("decodes bytes that are not UTF-8 as better-sqlite3 does (SQLite keeps whatever bytes it is given)"), async () => {
    const broken = `${"41".repeat(3000)}ff${"d0".repeat(3)}e282`;
    await sql`insert into texts (id, body) values (1, cast(${sql.raw(`x'${broken}'`)} as text))`.execute(testDb.db);
    const [row] = await readBoth();
    expect(row?.whole).toBe(row?.plain);
    expect(row?.whole).toContain("\ufffd");
  });

  it("takes the bytes from any view: a Buffer's slice of a larger pool", () => {
    const pool = Buffer.from(`xx${"Пишу Вам снова. ".repeat(300)}yy`, "utf8");
    const view = pool.subarray(2, pool.length - 2);
    expect(textOfColumn(view)).toBe("Пишу Вам снова. ".repeat(300));
    expect(textOfColumn(new Uint8Array(Buffer.from("ASCII only")))).toBe("ASCII only");
    expect(textOfColumn(undefined)).toBeNull();
  });
});
