/**
 * Reads polit-sake's `penitentiary.xml` (Igor Bronshtein, Apache-2.0; see data/institutions/README.md) into
 * institution records with every alias. Ids are Lysty's own (type, number, postcode), never a name string.
 */
import { XMLParser } from "fast-xml-parser";
import type { InstitutionType } from "../directory/types.js";
import { designationOf, foldLookalikes } from "./match-key.js";

export const PENITENTIARY_SOURCE_URL = "https://github.com/bronikkk/polit-sake/blob/5564be9202560be7054c43881b1b15af01a458c7/penitentiary.xml";
/** Date of the upstream commit the shipped copy was taken from: the as-of date of every address in it. */
export const PENITENTIARY_AS_OF = "2026-06-12";

export interface PenitentiaryFacility {
  slug: string;
  names: string[];
  jurisdiction: string;
  location: string;
  zip: string;
  type: InstitutionType;
  region: string;
  city: string | null;
  /** Short name shown on cards: «ИК-13 (Уфа)». */
  shortName: string;
  /** Envelope lines: the first name as the source writes it, the location, the postcode. */
  postalAddress: string;
}

export class PenitentiaryFormatError extends Error {}

const TYPE_BY_DESIGNATION: Record<string, InstitutionType> = {
  СИЗО: "sizo", ИК: "colony", ОИК: "colony", ВК: "colony", ИЦ: "other", КП: "settlement", ЛИУ: "hospital", МОТБ: "hospital", Т: "prison", ОИУ: "colony",
};

const SLUG_PREFIX: Record<string, string> = {
  СИЗО: "sizo", ИК: "ik", ОИК: "oik", ВК: "vk", ИЦ: "ic", КП: "kp", ЛИУ: "liu", МОТБ: "motb", Т: "t", ОИУ: "oiu",
};

function typeOf(name: string, designation: string | null): InstitutionType {
  if (designation) return TYPE_BY_DESIGNATION[designation.split("-")[0] as string] ?? "other";
  if (/больниц|ПБСТИН|ФКЛПУ|КТБ|ОБ-/iu.test(name)) return "hospital";
  return "other";
}

function asStringArray(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => String(item).trim()).filter(Boolean);
}

export function parsePenitentiaryXml(xml: string): PenitentiaryFacility[] {
  const parser = new XMLParser({ isArray: (name) => name === "facility" || name === "name", parseTagValue: false, trimValues: true });
  const document = parser.parse(xml) as { penitentiary?: { facility?: Record<string, unknown>[] } };
  const facilities = document.penitentiary?.facility;
  if (!facilities || facilities.length === 0) throw new PenitentiaryFormatError("no <facility> under <penitentiary>");
  const used = new Set<string>();
  return facilities.map((raw, position) => {
    const names = [...new Set(asStringArray(raw.name))];
    const location = String(raw.location ?? "").trim();
    const zip = String(raw.zip ?? "").trim();
    if (names.length === 0 || location === "" || !/^\d{6}$/.test(zip)) {
      throw new PenitentiaryFormatError(`facility ${position + 1}: a name, a location and a six-digit zip are required`);
    }
    const designation = designationOf(names[0] as string) ?? names.map(designationOf).find((value) => value !== null) ?? null;
    const parts = location.split(",").map((part) => part.trim());
    const region = foldLookalikes(parts.at(-1) ?? "");
    const cityPart = parts.find((part) => /^(г\.|город|пгт\.?|п\.|пос\.|с\.|рп\.?)\s/u.test(part)) ?? null;
    const city = cityPart ? cityPart.replace(/^(г\.|город|пгт\.?|п\.|пос\.|с\.|рп\.?)\s+/u, "") : null;
    const base = designation
      ? `${SLUG_PREFIX[designation.split("-")[0] as string] ?? "f"}-${designation.split("-")[1]}-${zip}`
      : `f-${zip}`;
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    used.add(slug);
    return {
      slug,
      names,
      jurisdiction: String(raw.jurisdiction ?? "").trim(),
      location,
      zip,
      type: typeOf(names[0] as string, designation),
      region,
      city,
      shortName: designation ? `${designation}${city ? ` (${city})` : ""}` : (names[0] as string),
      postalAddress: `${names[0]}\n${location}\n${zip}`,
    };
  });
}
