/** One instruction of a Dockerfile: `COPY --from=build /app/dist ./dist` → { keyword: "COPY", args: "--from=build …" }. */
export interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's stages in order, each a list of instructions (comments dropped, continued lines joined). */
export function parseDockerfile(text: string): Instruction[][] {
  const logical = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, " ") };
    if (instruction.keyword === "FROM") stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** `COPY [--from=x] src… dest` → its sources, destination and `--from` stage. */
export function copyOf(instruction: Instruction): { from: string | undefined; sources: string[]; destination: string } {
  const words = instruction.args.split(" ");
  const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
  const paths = words.filter((word) => !word.startsWith("--"));
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? "" };
}

interface IgnorePattern {
  regex: RegExp;
  exclusion: boolean;
}

/**
 * Docker's .dockerignore rules (moby/patternmatcher, which buildah shares): patterns apply in order and the last one
 * that matches a path or one of its parent folders decides; `!` re-includes; `*` and `?` stay within one path
 * segment, `**` spans any number of them.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const patterns: IgnorePattern[] = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const exclusion = line.startsWith("!");
      const pattern = (exclusion ? line.slice(1) : line).trim().replace(/^\/+/, "").replace(/\/+$/, "");
      return { regex: globToRegex(pattern), exclusion };
    });
  return (path) => {
    const parts = path.split("/");
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join("/"));
    let ignored = false;
    for (const pattern of patterns) {
      if (candidates.some((candidate) => pattern.regex.test(candidate))) ignored = !pattern.exclusion;
    }
    return ignored;
  };
}

function globToRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i] ?? "";
    if (char === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
