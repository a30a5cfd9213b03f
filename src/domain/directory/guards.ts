/**
 * Narrows text read back from storage to one of the known codes. A value outside the list means the row was written
 * by something other than the directory code: fail loudly rather than show a card with a made-up status.
 */
export function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unexpected ${what} «${value}» in the directory tables (expected one of ${allowed.join(", ")})`);
}

export function parseJsonList<T>(text: string, what: string): T[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error(`Expected a JSON list in ${what}`);
  return parsed as T[];
}
