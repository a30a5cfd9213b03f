/**
 * RFC 4180 CSV, enough for spreadsheets exported by organisers (Google Sheets, LibreOffice, Excel): quoted fields may
 * hold commas, quotes ("") and line breaks; CRLF or LF line ends; an optional UTF-8 byte-order mark.
 */

export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  while (index < input.length) {
    const char = input[index] as string;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (char === "\r" && input[index + 1] === "\n") index += 1;
    } else field += char;
    index += 1;
  }
  if (quoted) throw new Error("CSV ends inside a quoted field (a closing quote is missing)");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Spreadsheets often leave empty lines at the end.
  return rows.filter((cells) => cells.some((cell) => cell !== ""));
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(",")).join("\r\n") + "\r\n";
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}
