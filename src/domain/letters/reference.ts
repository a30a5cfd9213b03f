/**
 * Human-friendly letter references such as `L-2611-7K3Q`: "L", the year and month the letter was finished (YYMM, UTC),
 * and the letter's database id, scrambled and written in an alphabet without look-alikes (no 0/O, 1/I).
 *
 * Uniqueness comes from the id, not from luck: for a given width the scramble is a bijection, so two ids never share
 * a code; ids beyond 32⁴ ≈ 1 million simply get a fifth character, which cannot collide with a 4-character code.
 * The scramble only stops references from reading as a counter of how many letters exist; a reference is no secret
 * (every lookup still checks who owns the letter).
 */

export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const BASE = BigInt(REFERENCE_ALPHABET.length);
const MIN_WIDTH = 4;
/** Odd, so multiplication modulo a power of two is a bijection; the additive constant avoids 0 mapping to 0. */
const MULTIPLIER = 0x5bd1e995n;
const INCREMENT = 0x2f1a7n;

export function formatLetterReference(id: number, finishedAt: Date): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError("letter id must be a positive integer");
  const value = BigInt(id);
  let width = MIN_WIDTH;
  while (value >= BASE ** BigInt(width)) width++;
  const modulus = BASE ** BigInt(width);
  let scrambled = (value * MULTIPLIER + INCREMENT) % modulus;
  let code = "";
  for (let i = 0; i < width; i++) {
    code = REFERENCE_ALPHABET[Number(scrambled % BASE)] + code;
    scrambled /= BASE;
  }
  const year = String(finishedAt.getUTCFullYear() % 100).padStart(2, "0");
  const month = String(finishedAt.getUTCMonth() + 1).padStart(2, "0");
  return `L-${year}${month}-${code}`;
}

/**
 * Reads a reference typed by a person: any case, spaces or missing dashes, and the look-alikes the alphabet leaves
 * out (O→0 is not in the alphabet either, so they are rejected rather than guessed). Returns the canonical form.
 */
export function parseLetterReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  const match = new RegExp(`^L(\\d{2})(0[1-9]|1[0-2])([${REFERENCE_ALPHABET}]{${MIN_WIDTH},})$`).exec(compact);
  return match ? `L-${match[1]}${match[2]}-${match[3]}` : undefined;
}
