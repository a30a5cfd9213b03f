import { readFileSync } from "node:fs";
import { projectPath } from "../../project-path.js";

/**
 * Cities typed in Cyrillic (`Київ`, `Киев`, `Нью-Йорк`): the Ukrainian and Russian names CLDR gives each zone's city
 * (data/time-zones/, with its source), so the names come from data rather than from a list kept by hand.
 */

type CityFile = { zones: Record<string, Partial<Record<"uk" | "ru", string>>> };

let byName: Map<string, string | null> | undefined;

/** Lower case, ё as е, any run of spaces, hyphens or apostrophes as one space: «нью йорк» is «Нью-Йорк». */
export function foldCityName(name: string): string {
  return name
    .normalize("NFC")
    .toLocaleLowerCase("uk")
    .replace(/ё/gu, "е")
    .replace(/[\s\-'’ʼ]+/gu, " ")
    .trim();
}

/**
 * Name → CLDR zone id; null for a name two zones share (neither is guessed). CLDR writes some cities with their
 * region («Вінсенс, Індіана»): the city alone is a name too.
 */
function names(): Map<string, string | null> {
  if (byName) return byName;
  const file = JSON.parse(readFileSync(projectPath("data", "time-zones", "cities.json"), "utf8")) as CityFile;
  const index = new Map<string, string | null>();
  for (const [zone, localized] of Object.entries(file.zones)) {
    const forms = new Set(Object.values(localized).flatMap((name) => [name, name.split(",")[0] ?? name].map(foldCityName)));
    for (const form of forms) index.set(form, index.has(form) && index.get(form) !== zone ? null : zone);
  }
  byName = index;
  return index;
}

/** The CLDR zone id whose city is called `city` in Ukrainian or Russian, when exactly one is. */
export function zoneOfCyrillicCity(city: string): string | undefined {
  return names().get(foldCityName(city)) ?? undefined;
}
