/**
 * Reads the shipped directory (`data/directory/*.json`). The folder is resolved from the project root so the bot
 * finds its data whatever directory it was started from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../../project-path.js";
import type { DirectoryDocument } from "./types.js";
import { assertConsistent, DirectoryDataError, parseDirectoryShape } from "./validate.js";

export const SEED_FILES = ["institutions.json", "campaigns.json", "prisoners.json"] as const;

export function directorySeedFolder(): string {
  return projectPath("data", "directory");
}

export function readDirectorySeed(folder: string = directorySeedFolder()): DirectoryDocument {
  const merged: DirectoryDocument = { institutions: [], campaigns: [], prisoners: [] };
  for (const file of SEED_FILES) {
    const path = join(folder, file);
    const part = parseDirectoryShape(readJson(path), path);
    merged.institutions.push(...part.institutions);
    merged.campaigns.push(...part.campaigns);
    merged.prisoners.push(...part.prisoners);
  }
  assertConsistent(merged, folder);
  return merged;
}

export function readJson(path: string): unknown {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DirectoryDataError(path, [`not valid JSON (${(error as Error).message})`]);
  }
}
