import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/domain/directory/csv.js";
import { PRISONER_CSV_COLUMNS, parsePrisonersCsv, prisonersToCsv } from "../../src/domain/directory/prisoner-csv.js";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import { DirectoryDataError } from "../../src/domain/directory/validate.js";

const seed = readDirectorySeed();
const known = {
  institutions: new Set(seed.institutions.map((institution) => institution.slug)),
  campaigns: new Set(seed.campaigns.map((campaign) => campaign.slug)),
};

describe("CSV", () => {
  it("reads quoted commas, quotes, line breaks, CRLF and a byte-order mark", () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\nlines"],
    ]);
    expect(parseCsv(toCsv([["x, y", 'say "hi"', "two\nlines", " padded"]]))).toEqual([["x, y", 'say "hi"', "two\nlines", " padded"]]);
    expect(() => parseCsv('a,"b')).toThrow(/closing quote/);
  });

  it("turns the seed into prisoner rows and back into the same records", () => {
    const csv = prisonersToCsv(seed.prisoners);
    const back = parsePrisonersCsv(csv, "prisoners.csv", known);
    const bySlug = (records: typeof seed.prisoners) => [...records].sort((a, b) => a.slug.localeCompare(b.slug));
    expect(back.prisoners).toEqual(
      bySlug(seed.prisoners).map((prisoner) => ({ ...prisoner, campaigns: [...prisoner.campaigns].sort() })),
    );
  });

  it("names the spreadsheet line and the field of a bad cell, and rejects unknown columns", () => {
    const rows = parseCsv(prisonersToCsv(seed.prisoners));
    const header = rows[0] as string[];
    const statusColumn = header.indexOf("status_as_of");
    (rows[3] as string[])[statusColumn] = "last spring";
    try {
      parsePrisonersCsv(toCsv(rows), "list.csv", known);
      expect.unreachable("should fail");
    } catch (error) {
      expect(error).toBeInstanceOf(DirectoryDataError);
      expect((error as DirectoryDataError).problems).toEqual([
        expect.stringMatching(/^line 4 «[a-z-]+» status\.asOf: must be a date like/),
      ]);
    }
    const renamed = toCsv([[...PRISONER_CSV_COLUMNS.slice(0, -1), "campaign"], ...rows.slice(1)]);
    expect(() => parsePrisonersCsv(renamed, "list.csv", known)).toThrow(/missing columns: campaigns.*unknown columns: campaign/s);
  });
});
