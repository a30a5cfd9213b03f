import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { cardAction } from "../../src/services/relay/buttons.js";
import { freePort } from "../helpers/bot-process.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, linkedGroup, organiser, pressIn, relayLetter, settle } from "../organisers/world.js";
import { WebhookDelivery, postRaw } from "./webhook-delivery.js";

/**
 * The built image, run by a container engine against the fake Bot API on this machine (host network). Skipped unless
 * LYSTY_IMAGE names an image: scripts/image-smoke.sh builds one and runs this file. ENGINE is the engine's command
 * with its global flags ("docker", "podman --storage-driver vfs"); RUN_FLAGS go to every `run`.
 */
const image = process.env.LYSTY_IMAGE;
const engine = (process.env.ENGINE ?? "docker").split(" ").filter(Boolean);
const runFlags = (process.env.RUN_FLAGS ?? "").split(" ").filter(Boolean);
const SECRET = "image-smoke-webhook-secret-0123456789";


const started: string[] = [];
const folders: string[] = [];
let h: Harness | undefined;

afterAll(async () => {
  for (const name of started) run(["rm", "-f", name]);
  await h?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 60_000);

function run(args: string[], input?: string): { code: number | null; out: string } {
  const result = spawnSync(engine[0] ?? "docker", [...engine.slice(1), ...args], { encoding: "utf8", input, timeout: 120_000 });
  return { code: result.status, out: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function startContainer(name: string, env: Record<string, string>, extra: string[] = []): void {
  const envArgs = Object.entries(env).flatMap(([key, value]) => ["-e", `${key}=${value}`]);
  const result = run(["run", "-d", "--name", name, "--network", "host", "--init", ...runFlags, ...extra, ...envArgs, image ?? ""]);
  expect(result.code, result.out).toBe(0);
  started.push(name);
}

const logs = (name: string) => run(["logs", name]).out;

async function until(what: string, check: () => boolean, name: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen; the container logged:\n${logs(name)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `stop` with a grace period; the container's exit code and how long stopping took. */
function stop(name: string, graceSeconds: number): { exitCode: string; seconds: number } {
  const began = process.hrtime.bigint();
  const result = run(["stop", "-t", String(graceSeconds), name]);
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  expect(result.code, result.out).toBe(0);
  return { exitCode: run(["inspect", "--format", "{{.State.ExitCode}}", name]).out.trim(), seconds };
}

/** A folder the image's `node` user (uid 1000) can write, mounted as /app/var. */
function varFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "lysty-image-var-"));
  chmodSync(folder, 0o777);
  folders.push(folder);
  return folder;
}

describe.skipIf(!image)(image ? "the container image" : "the container image [skipped: set LYSTY_IMAGE to an image built from this checkout]", { timeout: 400_000 }, () => {
  it("holds what the code reads and nothing of a developer's: fonts, no databases, no compilers or TypeScript, runs as node", () => {
    const probe = run([
      "run", "--rm", ...runFlags, "--entrypoint", "sh", image ?? "", "-c",
      "id -u; ls assets/fonts; ls data; ls node_modules | grep -xE 'typescript|tsx|esbuild|vitest' || true; " +
        "ls node_modules/better-sqlite3; command -v g++ python3 || true; ls /app/var | wc -l",
    ]);
    expect(probe.code, probe.out).toBe(0);
    const lines = probe.out.trim().split("\n");
    expect(lines[0]).toBe("1000");
    expect(probe.out).toContain("DejaVuSans-Bold.ttf");
    expect(probe.out).not.toMatch(/sqlite|heartbeat|typescript|tsx|esbuild|vitest|g\+\+|python3|\bdeps\b/);
    expect(lines.at(-1)).toBe("0");
    const inspect = run(["image", "inspect", image ?? ""]).out;
    expect(inspect).toMatch(/"Healthcheck"[\s\S]*dist\/src\/cli\/healthcheck\.js/i);
    console.log(`image size: ${run(["image", "inspect", "--format", "{{.Size}}", image ?? ""]).out.trim()} bytes`);
  });

  it("polling mode with SQLite in the volume: /start answers, /print sends a PDF with its fonts, health check, clean stop", async () => {
    // The world the container takes over: an organiser with a linked group and one accepted relayed letter, made by
    // the in-process bot on a SQLite file that is then handed to the container.
    h = await Harness.start({ admins: [ADMIN_ID] });
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Здравствуйте, Борис Юльевич! Желаю вам сил.", signature: "Олена" });
    await settle(h);
    const card = h.fake.messages(group).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`));
    await pressIn(h, boss, group, card?.message_id ?? 0, cardAction.pack("accept", letter.id));
    await settle(h);
    await h.running.stop();
    const folder = varFolder();
    await sql`vacuum into ${join(folder, "lysty.sqlite")}`.execute(h.db);
    chmodSync(join(folder, "lysty.sqlite"), 0o666);

    const name = `lysty-smoke-polling-${process.pid}`;
    const fake = h.fake;
    startContainer(name, { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, BOT_ADMINS: String(ADMIN_ID) }, ["-v", `${folder}:/app/var`]);
    await until("polling", () => logs(name).includes('"msg":"polling started"'), name);

    fake.addUser({ id: 702, first_name: "A", language_code: "en" });
    fake.injectMessage(702, 702, { text: "/start" });
    await until("a reply to /start", () => fake.lastMessage(702)?.text?.includes("Lysty helps you write") ?? false, name);

    fake.injectMessage(boss.id, boss.chatId, { text: "/print" });
    await until("a PDF for /print", () => fake.documents(boss.chatId).length > 0, name);
    const [pdf] = fake.documents(boss.chatId);
    expect(pdf?.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf?.bytes.toString("latin1")).toContain("DejaVuSans");
    expect(logs(name)).not.toContain("ENOENT");

    expect(run(["exec", name, "node", "dist/src/cli/healthcheck.js"]).code).toBe(0);
    expect(existsSync(join(folder, "heartbeat"))).toBe(true);
    const stopped = stop(name, 30);
    console.log(`polling: stopped in ${stopped.seconds.toFixed(2)} s, exit code ${stopped.exitCode}`);
    expect(stopped.exitCode).toBe("0");
    expect(logs(name)).toContain('"msg":"stopped"');

    // The CLIs run in the image as compiled files, on the same volume.
    const exported = run(["run", "--rm", ...runFlags, "-v", `${folder}:/app/var`, image ?? "", "node", "dist/src/cli/directory-export.js", "/app/var/export.csv"]);
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toMatch(/\d+ prisoners written to \/app\/var\/export\.csv/);
    const checked = run(["run", "--rm", "-i", ...runFlags, image ?? "", "node", "dist/src/cli/check-letter.js", "--system", "ru", "--json"], "Здравствуйте! Держитесь.");
    expect(checked.code, checked.out).toBe(0);
    expect(JSON.parse(checked.out)).toHaveProperty("findings");
  });

  it("webhook mode: 401 without the secret, health, readiness, metrics, an answered update and a clean stop", async () => {
    h ??= await Harness.start({ admins: [ADMIN_ID] });
    const fake = h.fake;
    const port = await freePort();
    const name = `lysty-smoke-webhook-${process.pid}`;
    startContainer(name, {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://lysty.example.org/telegram",
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      WEBAPP_URL: "https://lysty.example.org/editor/",
    });
    await until("setWebhook", () => fake.calls.some((call) => call.method === "setWebhook" && call.ok), name);
    const base = `http://127.0.0.1:${port}`;
    expect((await postRaw(`${base}/telegram`, "{}")).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain("lysty_updates_handled_total");
    // The editor's page, bundled at build time: the image has no compiler to bundle it at run time.
    const page = await fetch(`${base}/editor/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-/);
    expect(await page.text()).toContain("<script>");
    fake.addUser({ id: 703, first_name: "B", language_code: "en" });
    fake.injectMessage(703, 703, { text: "/start" });
    expect((await new WebhookDelivery(fake, `${base}/telegram`, SECRET).deliver()).map((item) => item.status)).toEqual([200]);
    expect(fake.lastMessage(703)?.text).toContain("Lysty helps you write");
    expect(run(["exec", name, "node", "dist/src/cli/healthcheck.js"]).code).toBe(0);
    const stopped = stop(name, 30);
    console.log(`webhook: stopped in ${stopped.seconds.toFixed(2)} s, exit code ${stopped.exitCode}`);
    expect(stopped.exitCode).toBe("0");
  });

  it("stops at once, with exit code 0, while it still waits for an unreachable Telegram", async () => {
    const name = `lysty-smoke-unreachable-${process.pid}`;
    startContainer(name, { BOT_TOKEN: "123456:image-smoke-token-0123456789", TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    await until("waiting for Telegram", () => logs(name).includes('"msg":"waiting for Telegram: cannot reach'), name);
    const stopped = stop(name, 10);
    console.log(`unreachable Telegram: stopped in ${stopped.seconds.toFixed(2)} s, exit code ${stopped.exitCode}`);
    expect(stopped.exitCode).toBe("0");
    expect(logs(name)).toContain('"msg":"stopping during start-up"');
  });
});
