import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { copyOf, dockerignore, type Instruction, parseDockerfile } from "../helpers/dockerfile.js";

const stages = parseDockerfile(readFileSync(projectPath("Dockerfile"), "utf8"));
const [build = [], runtime = []] = [stages[0], stages.at(-1)];
const ignored = dockerignore(readFileSync(projectPath(".dockerignore"), "utf8"));

/**
 * The editor page's bundler: run by `npm run build` (scripts/build-webapp.mjs), and by the server only under tsx. The
 * compiled bot reads the page it wrote to dist/webapp instead (checked below), so its `src/webapp` reads are build-time.
 */
const BUILD_TIME_ONLY = new Set(["webapp-bundle.ts"]);

/**
 * Paths the running code opens through `projectPath(...)` (not the playground, nor the censorship model's training,
 * which are development tools that reach into test/): the top-level folder, or for sources read at run time the
 * folder under `src/`.
 */
function pathsReadAtRunTime(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== "playground" && entry !== "training") walk(path);
      } else if (entry.endsWith(".ts") && !BUILD_TIME_ONLY.has(entry)) {
        for (const match of readFileSync(path, "utf8").matchAll(/projectPath\(\s*"([^"]+)"(?:,\s*"([^"]+)")?/g)) {
          names.add(match[1] === "src" ? `src/${match[2] ?? ""}` : (match[1] ?? ""));
        }
      }
    }
  };
  walk(projectPath("src"));
  names.delete(".env"); // optional, and never shipped: the environment configures a container
  return [...names].sort();
}

const copies = (stage: Instruction[]) => stage.filter((instruction) => instruction.keyword === "COPY").map(copyOf);
const normalise = (path: string) => path.replace(/^\.\//, "").replace(/^\/app\//, "").replace(/\/$/, "");

describe("the Dockerfile copies everything the code reads at run time", () => {
  it("finds the folders the code reads (the check below would pass vacuously otherwise)", () => {
    expect(pathsReadAtRunTime()).toEqual(expect.arrayContaining(["assets", "data", "locales"]));
  });

  it("the runtime stage copies each of them from the build context to the same place under /app", () => {
    const copied = copies(runtime)
      .filter((copy) => copy.from === undefined)
      .flatMap((copy) => copy.sources.map((source) => ({ source: normalise(source), destination: normalise(copy.destination) })));
    const fromBuild = copies(runtime)
      .filter((copy) => copy.from === "build")
      .flatMap((copy) => copy.sources.map(normalise));
    for (const name of [...pathsReadAtRunTime(), "package.json"]) {
      if (name.startsWith("src/")) {
        // Sources are not in the runtime context: they come from the build stage, next to the compiled code.
        expect(fromBuild, `COPY --from=build /app/${name} ./${name} in the runtime stage`).toContain(name);
        continue;
      }
      expect(copied, `COPY ${name} ./${name} in the runtime stage`).toContainEqual({
        source: name,
        destination: name === "package.json" ? "" : name,
      });
    }
  });

  it("the compiled code and migrations come from the build stage, which compiles every folder tsconfig.build includes", () => {
    expect(copies(runtime)).toContainEqual({ from: "build", sources: ["/app/dist"], destination: "./dist" });
    const { include } = JSON.parse(readFileSync(projectPath("tsconfig.build.json"), "utf8")) as { include: string[] };
    expect(include).toContain("migrations");
    const builtFrom = copies(build).flatMap((copy) => copy.sources.map(normalise));
    for (const folder of include) expect(builtFrom, `COPY ${folder} in the build stage`).toContain(folder);
  });

  it("the editor's page is bundled at build time, so the runtime needs no compiler among its dependencies", () => {
    const manifest = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.scripts.build).toContain("node scripts/build-webapp.mjs");
    expect(readFileSync(projectPath("scripts", "build-webapp.mjs"), "utf8")).toContain("webapp-bundle.js");
    expect(copies(build).flatMap((copy) => copy.sources.map(normalise))).toContain("scripts/build-webapp.mjs");
    expect(build.some((instruction) => instruction.keyword === "RUN" && instruction.args.includes("npm run build"))).toBe(true);
    for (const tool of ["esbuild", "tsx", "typescript", "vitest"]) expect(Object.keys(manifest.dependencies)).not.toContain(tool);
  });

  it("CMD and HEALTHCHECK run compiled files whose sources exist", () => {
    const commands = runtime.filter((instruction) => ["CMD", "HEALTHCHECK"].includes(instruction.keyword)).map((instruction) => instruction.args);
    const scripts = commands.flatMap((args) => [...args.matchAll(/dist\/(src\/[\w/-]+)\.js/g)].map((match) => `${match[1]}.ts`));
    expect(scripts).toEqual(["src/cli/healthcheck.ts", "src/main.ts"]);
    for (const script of scripts) expect(existsSync(projectPath(script)), script).toBe(true);
  });

  it("CMD runs the bot with the Node flags of npm start (the heap limit)", () => {
    const start = (JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
    const startFlags = start.split(" ").filter((word) => word.startsWith("--"));
    expect(startFlags).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    const cmd = JSON.parse(runtime.filter((instruction) => instruction.keyword === "CMD").at(-1)?.args ?? "[]") as string[];
    expect(cmd.filter((word) => startFlags.includes(word))).toEqual(startFlags);
  });

  it("runs as node, leaves no anonymous volumes and pulls no syntax image", () => {
    const keywords = runtime.map((instruction) => instruction.keyword);
    expect(runtime.find((instruction) => instruction.keyword === "USER")?.args).toBe("node");
    expect(keywords).not.toContain("VOLUME");
    expect(readFileSync(projectPath("Dockerfile"), "utf8")).not.toMatch(/^#\s*syntax=/m);
  });

  it("takes a registry mirror's .npmrc and a proxy's CA only as build secrets, for the npm ci step", () => {
    const install = build.find((instruction) => instruction.keyword === "RUN" && instruction.args.includes("npm ci"));
    expect(install?.args).toContain("--mount=type=secret,id=npmrc,target=/root/.npmrc");
    expect(install?.args).toContain("--mount=type=secret,id=npm_ca");
    expect(build.map((instruction) => instruction.args).join("\n")).not.toMatch(/COPY\s+\.npmrc/);
  });
});

describe(".dockerignore", () => {
  it("lets in every tracked file the build copies", () => {
    const sources = copies(build)
      .concat(copies(runtime))
      .filter((copy) => copy.from === undefined)
      .flatMap((copy) => copy.sources.map(normalise));
    const tracked = execFileSync("git", ["ls-files", "--", ...sources], { cwd: projectPath(), encoding: "utf8" })
      .split("\n")
      .filter((path) => path !== "");
    expect(tracked.length).toBeGreaterThan(100);
    expect(tracked.filter(ignored)).toEqual([]);
  });

  it("keeps databases, their heartbeat, .env, node_modules, .git and build output out of the context", () => {
    const secretsAndBulk = [
      "data/lysty.sqlite",
      "data/lysty.sqlite-wal",
      "data/lysty.sqlite-shm",
      "data/heartbeat",
      "data/backup-2026.db",
      "var/lysty.sqlite",
      ".env",
      "src/.env",
      "node_modules/grammy/package.json",
      ".git/HEAD",
      "dist/src/main.js",
      "coverage/index.html",
    ];
    expect(secretsAndBulk.filter((path) => !ignored(path))).toEqual([]);
  });

  it("the matcher follows Docker's rules (last match wins, parents count, ** spans folders)", () => {
    const match = dockerignore("*\n!data/directory\n**/*.sqlite\n");
    expect(match("data/directory/prisoners.json")).toBe(false);
    expect(match("data/directory/old.sqlite")).toBe(true);
    expect(match("data/lexicon/ru.json")).toBe(true);
    expect(match("README.md")).toBe(true);
  });

  it("data/heartbeat is ignored by git too", () => {
    expect(readFileSync(projectPath(".gitignore"), "utf8").split("\n")).toContain("data/heartbeat");
  });
});

interface ComposeService {
  image?: string;
  build?: unknown;
  init?: boolean;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  stop_grace_period?: string;
  healthcheck?: unknown;
}

describe("docker-compose.yml starts several instances safely", () => {
  const compose = load(readFileSync(projectPath("docker-compose.yml"), "utf8")) as { services: Record<string, ComposeService> };
  const lysty = Object.entries(compose.services).filter(([, service]) => service.build !== undefined || service.image?.startsWith("lysty"));

  it("runs more than one instance (what the checks below are about)", () => {
    expect(lysty.length).toBeGreaterThanOrEqual(2);
  });

  it("each instance: webhook mode on the shared Postgres, started once Postgres is healthy, with an init, stopped after Lysty's own 25 s limit", () => {
    expect(compose.services.postgres?.healthcheck).toBeDefined();
    for (const [name, service] of lysty) {
      // Two pollers get 409 Conflict; two processes on one SQLite file are not what SQLite is for.
      expect(service.environment?.BOT_MODE, name).toBe("webhook");
      expect(service.environment?.DATABASE_URL, name).toMatch(/^postgres:\/\//);
      expect(service.depends_on?.postgres?.condition, name).toBe("service_healthy");
      expect(service.init, name).toBe(true);
      const grace = /^(\d+)s$/.exec(service.stop_grace_period ?? "")?.[1];
      expect(Number(grace), name).toBeGreaterThan(25);
    }
  });
});
