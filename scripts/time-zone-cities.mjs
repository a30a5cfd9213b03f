#!/usr/bin/env node
/**
 * Writes data/time-zones/cities.json: the Ukrainian and Russian names of each time zone's city, from Unicode CLDR's
 * exemplar cities (the `cldr-dates-full` package), so that `/timezone Київ` finds what `/timezone Kyiv` finds.
 * The bot does not depend on the package: unpack it anywhere and pass its folder.
 *
 *   npm pack cldr-dates-full@48.2.0 && tar xzf cldr-dates-full-48.2.0.tgz && node scripts/time-zone-cities.mjs package
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { argv, stderr } from "node:process";
import { fileURLToPath } from "node:url";

const LOCALES = ["uk", "ru"];
const [folder] = argv.slice(2);
if (!folder) throw new Error("usage: node scripts/time-zone-cities.mjs <unpacked cldr-dates-full folder>");

const { version } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
const zones = new Map();
for (const locale of LOCALES) {
  const file = JSON.parse(readFileSync(join(folder, "main", locale, "timeZoneNames.json"), "utf8"));
  const walk = (node, path) => {
    if (typeof node.exemplarCity === "string") {
      const names = zones.get(path) ?? {};
      names[locale] = node.exemplarCity;
      zones.set(path, names);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (child && typeof child === "object") walk(child, path ? `${path}/${key}` : key);
  };
  // Etc/ holds "Unknown city" and UTC, which name no place.
  for (const [area, node] of Object.entries(file.main[locale].dates.timeZoneNames.zone)) if (area !== "Etc") walk(node, area);
}

const sorted = Object.fromEntries([...zones].sort(([a], [b]) => (a < b ? -1 : 1)));
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "time-zones", "cities.json");
writeFileSync(out, `${JSON.stringify({ source: `Unicode CLDR, cldr-dates-full ${version}, exemplarCity`, zones: sorted }, null, 1)}\n`);
stderr.write(`${zones.size} zones written to ${out}\n`);
