import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { Api, type ApiClientOptions, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * patches/grammy+1.46.0.patch, `out/core/payload.js` (docs/production.md, "Issue 14, ninth round (z25c)"): an upload
 * whose files are all bytes in memory (the letter's .txt, the /print PDF, /mydata) is built into one buffer instead of
 * a stream over async generators, and a JSON payload with no null to drop is written without grammY's replacer. These
 * tests hold the one-piece body to the bytes grammY's stream yields for the same payload, keep every other kind of
 * file on the stream, and hold every JSON body to what the replacer writes.
 */
const payloadFile = join(dirname(createRequire(import.meta.url).resolve("grammy")), "core", "payload.js");
const { createJsonPayload } = createRequire(import.meta.url)(payloadFile) as { createJsonPayload(payload: unknown): { body: string } };

/** grammY's own serialisation of a payload (1.46.0, unpatched): null values left out of objects. */
const withReplacer = (payload: unknown) => JSON.stringify(payload, (_key, value: unknown) => value ?? undefined);

interface Sent {
  headers: Record<string, string>;
  /** What grammY handed to `fetch`: a buffer, or a stream. */
  body: unknown;
  /** Its bytes, read to the end as the HTTP client sending it would. */
  bytes: Buffer;
}

/** Every call's request as grammY hands it to `fetch`, read whole and answered with success. */
function recordingApi(): { api: Api; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch = (async (_url: string, init: { headers: Record<string, string>; body: unknown }) => {
    sent.push({ headers: init.headers, body: init.body, bytes: await bytesOf(init.body) });
    return { json: async () => ({ ok: true, result: true }) };
  }) as unknown as ApiClientOptions["fetch"];
  return { api: new Api("1:a", { fetch }), sent };
}

/** A body's bytes (a stream read to its end). */
async function bytesOf(body: unknown): Promise<Buffer> {
  if (body instanceof Uint8Array) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The same pseudo-random sequence for each call: the boundary and the attach:// ids then match between two bodies. */
function seededRandom(): void {
  let seed = 7;
  vi.spyOn(Math, "random").mockImplementation(() => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  });
}

const streamOf = (bytes: Buffer) => Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]);
const letter = Buffer.from("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Львова.\n", "utf8");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("grammY's payloads as installed (patch-package)", () => {
  it("is the patched one", () => {
    expect(readFileSync(payloadFile, "utf8")).toContain("patched for Lysty");
  });

  it("sends a document held in memory as one buffer with the bytes grammY's stream yields for it", async () => {
    const { api, sent } = recordingApi();
    const keyboard = { inline_keyboard: [[{ text: "Листи", callback_data: "l:1" }]] };
    seededRandom();
    await api.sendDocument(42, new InputFile(letter, "лист L-7.txt"), { caption: "Лист L-7", reply_markup: keyboard });
    seededRandom();
    await api.sendDocument(42, new InputFile(streamOf(letter), "лист L-7.txt"), { caption: "Лист L-7", reply_markup: keyboard });
    const [inMemory, streamed] = sent as [Sent, Sent];
    expect(inMemory.body).toBeInstanceOf(Uint8Array);
    expect(streamed.body).toBeInstanceOf(Readable);
    expect(inMemory.headers).toEqual(streamed.headers);
    const bytes = inMemory.bytes;
    expect(bytes.equals(streamed.bytes)).toBe(true);
    expect(bytes.toString("utf8")).toContain(`filename=лист L-7.txt\r\ncontent-type:application/octet-stream\r\n\r\n${letter.toString("utf8")}\r\n`);
    expect(bytes.toString("utf8")).toMatch(/name="reply_markup"\r\n\r\n\{"inline_keyboard":\[\[\{"text":"Листи","callback_data":"l:1"\}\]\]\}\r\n/);
  });

  it("builds a media group of files in memory the same way, each file under its own attach:// id", async () => {
    const { api, sent } = recordingApi();
    const second = Buffer.from("%PDF-1.4 друга сторінка", "utf8");
    seededRandom();
    await api.sendMediaGroup(42, [
      { type: "document", media: new InputFile(letter, "a.txt") },
      { type: "document", media: new InputFile(second, "b.pdf"), caption: "друга" },
    ]);
    seededRandom();
    await api.sendMediaGroup(42, [
      { type: "document", media: new InputFile(streamOf(letter), "a.txt") },
      { type: "document", media: new InputFile(streamOf(second), "b.pdf"), caption: "друга" },
    ]);
    const [inMemory, streamed] = sent as [Sent, Sent];
    expect(inMemory.body).toBeInstanceOf(Uint8Array);
    const bytes = inMemory.bytes;
    expect(bytes.equals(streamed.bytes)).toBe(true);
    expect(bytes.toString("utf8").match(/attach:\/\/\w+/g)).toHaveLength(2);
  });

  it("gives each body its own boundary and each file its own attach:// id, of grammY's length and alphabet", async () => {
    const { api, sent } = recordingApi();
    for (let call = 0; call < 20; call++) await api.sendDocument(1, new InputFile(letter, "a.txt"));
    const boundaries = sent.map((request) => /^multipart\/form-data; boundary=(-{10}[0-9a-z]{32})$/.exec(request.headers["content-type"] ?? "")?.[1]);
    const ids = sent.map((request) => /attach:\/\/([0-9a-z]{16})\r\n/.exec(request.bytes.toString("utf8"))?.[1]);
    expect(boundaries.every((boundary) => boundary !== undefined) && ids.every((id) => id !== undefined)).toBe(true);
    expect([new Set(boundaries).size, new Set(ids).size]).toEqual([20, 20]);
  });

  it("streams a file from a path, a stream or a supplier, and a file name the stream refuses, as grammY does", async () => {
    const { api, sent } = recordingApi();
    await api.sendDocument(1, new InputFile(payloadFile));
    await api.sendDocument(1, new InputFile(streamOf(letter), "a.txt"));
    await api.sendDocument(1, new InputFile(() => letter, "a.txt"));
    expect(sent.map((request) => request.body instanceof Readable)).toEqual([true, true, true]);
    // Mixed: one file in memory and one from a stream go out as one stream.
    await api.sendMediaGroup(1, [
      { type: "document", media: new InputFile(letter, "a.txt") },
      { type: "document", media: new InputFile(streamOf(letter), "b.txt") },
    ]);
    expect(sent[3]?.body).toBeInstanceOf(Readable);
    expect(sent[0]?.bytes.toString("utf8")).toContain('filename=payload.js\r\n');
    // A line break in a file name is refused by the stream, as before: the call fails, nothing half-sent.
    const refused = await api.sendDocument(1, new InputFile(letter, "a\r\nb.txt")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(String((refused as HttpError).error)).toMatch(/carriage-return/);
  });

  it("fails an upload whose fields cannot be written as grammY's stream does: an HttpError, and no timer left to fire", async () => {
    // A value JSON cannot write (a BigInt) in a field of an upload held in memory: grammY's stream reports it through
    // the call (an HttpError, its timeout cleared). Thrown while the call is set up instead, it skipped the cleanup:
    // the call's timeout stayed armed and later rejected with nobody listening, which ends the process.
    vi.useFakeTimers();
    try {
      const { api } = recordingApi();
      const markup = { inline_keyboard: [[{ text: "a", callback_data: 1n }]] } as unknown as { inline_keyboard: [] };
      const failed = await api.sendDocument(1, new InputFile(letter, "a.txt"), { reply_markup: markup }).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(HttpError);
      expect(String((failed as HttpError).error)).toMatch(/BigInt/);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("writes every JSON payload as grammY's replacer does: nulls left out of objects, kept in arrays", () => {
    const keyboard = { inline_keyboard: [[{ text: "Листи", callback_data: "l:1" }], [{ text: "x", url: "https://t.me/x" }]] };
    const deep: Record<string, unknown> = { leaf: null };
    let nested = deep;
    for (let level = 0; level < 40; level++) nested = { next: nested, [`k${level}`]: level };
    const cases: unknown[] = [
      { chat_id: 1, text: "Привіт", parse_mode: "HTML", reply_markup: keyboard, business_connection_id: undefined },
      { chat_id: 1, text: "a", reply_to_message_id: null },
      { chat_id: 1, reply_markup: { inline_keyboard: [[{ text: "a", callback_data: null }]] } },
      { chat_id: 1, media: [null, { type: "photo", media: "x", caption: null }, [null, 1]] },
      { chat_id: 1, when: new Date(0), answer: { toJSON: () => ({ kept: null, shown: 1 }) } },
      { chat_id: 1, text: "", entities: [], options: {} },
      nested,
      Object.assign(Object.create({ inherited: null }), { own: 1 }),
      { boxed: Object(1), string: Object("рядок"), flag: false, zero: 0, empty: "" },
    ];
    // Seeded random nestings of the value kinds a payload holds.
    let seed = 11;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const value = (depth: number): unknown => {
      const pick = Math.floor(next() * (depth > 4 ? 6 : 8));
      if (pick === 0) return null;
      if (pick === 1) return undefined;
      if (pick === 2) return Math.floor(next() * 1000);
      if (pick === 3) return next() > 0.5;
      if (pick === 4 || pick === 5) return "лист ".repeat(Math.floor(next() * 3));
      if (pick === 6) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, index) => [`k${index}`, value(depth + 1)]));
    };
    for (let index = 0; index < 2_000; index++) cases.push({ chat_id: index, payload: value(0) });
    const differing = cases.filter((payload) => createJsonPayload(payload).body !== withReplacer(payload));
    expect(differing).toEqual([]);
    const cycle: Record<string, unknown> = { chat_id: 1 };
    cycle.self = { back: cycle };
    expect(() => createJsonPayload(cycle)).toThrow(TypeError);
  });
});
