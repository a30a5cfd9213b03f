/**
 * CSV through csv-parse: spreadsheets exported by organisers (Google Sheets, LibreOffice, Excel) and the registries'
 * exports (Memorial's lists use `;`, Viasna's `,`): quoted fields may hold separators, quotes ("") and line breaks;
 * CRLF or LF line ends; an optional UTF-8 byte-order mark. Rows may differ in length; callers check columns.
 */
import { parse } from "csv-parse/sync";

export function parseCsv(text: string, options: { delimiter?: string } = {}): string[][] {
  try {
    const rows = parse(text, { bom: true, delimiter: options.delimiter ?? ",", relax_column_count: true, skip_empty_lines: true }) as string[][];
    // Spreadsheets often leave rows of empty cells at the end.
    return rows.filter((cells) => cells.some((cell) => cell !== ""));
  } catch (error) {
    const message = (error as Error).message;
    if (/quote/i.test(message) && /not closed|Quote Not Closed|Invalid Closing Quote/i.test(message)) {
      throw new Error("CSV ends inside a quoted field (a closing quote is missing)", { cause: error });
    }
    throw new Error(`CSV cannot be read: ${message}`, { cause: error });
  }
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(",")).join("\r\n") + "\r\n";
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}
