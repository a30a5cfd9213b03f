const MAX_BYTES = 64;
const encoder = new TextEncoder();

/**
 * Compact, prefixed callback data (`prefix:part:part`). Telegram allows 64 bytes, so a builder that would exceed it
 * throws at once instead of failing at send time; parsing returns undefined for anything that does not match, as
 * callback data is untrusted input (old buttons, forged queries).
 */
export function callbackData(prefix: string, arity: number) {
  if (prefix.includes(":")) throw new Error("callback prefix must not contain ':'");
  const pattern = new RegExp(`^${prefix}${":[^:]*".repeat(arity)}$`);
  return {
    pattern,
    pack(...parts: Array<string | number>): string {
      if (parts.length !== arity) throw new Error(`callback ${prefix} takes ${arity} parts`);
      const data = [prefix, ...parts.map(String)].join(":");
      if (parts.some((part) => String(part).includes(":"))) throw new Error(`callback ${prefix} part contains ':'`);
      if (encoder.encode(data).length > MAX_BYTES) throw new Error(`callback ${prefix} exceeds ${MAX_BYTES} bytes`);
      return data;
    },
    unpack(data: string | undefined): string[] | undefined {
      if (data === undefined || !pattern.test(data)) return undefined;
      return data.split(":").slice(1);
    },
  };
}
