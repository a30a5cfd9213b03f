/** Registries for the source server: the shared samples, and larger generated ones in the same shapes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MemorialCard, Registry } from "./source-server.js";

const SAMPLES = join(import.meta.dirname, "..", "fixtures", "source-samples");
export const sampleText = (file: string) => readFileSync(join(SAMPLES, file), "utf8");

export function sampleRegistry(): Registry {
  const cards = [
    ...(JSON.parse(sampleText("memopzk-rest-figurants.json")) as MemorialCard[]),
    ...(JSON.parse(sampleText("memopzk-rest-figurants-edge-cases.synthetic.json")) as MemorialCard[]),
  ];
  return {
    memorialCards: cards,
    personPages: new Map([[9000001, sampleText("memopzk-person-page.synthetic.html")]]),
    ovdData: JSON.parse(sampleText("ovdinfo-v1-data.synthetic.json")),
    viasnaCsv: sampleText("viasna-export.synthetic.csv"),
    viasnaFileName: "viasna-export-2026-08-30.csv",
    fsinPismo: JSON.parse(sampleText("fsin-pismo-regions.synthetic.json")),
  };
}

const SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов"];
const GIVEN = ["Алексей", "Дмитрий", "Сергей", "Андрей", "Николай", "Олег", "Игорь", "Павел", "Роман", "Юрий"];
const PATRONYMICS = ["Алексеевич", "Дмитриевич", "Сергеевич", "Андреевич", "Николаевич", "Олегович", "Игоревич", "Павлович"];
const SYLLABLES = ["ра", "мо", "ки", "ла", "ны", "ве", "до", "су", "ти", "ба", "го", "ше"];

/** A surname no other index gives: a common one joined to a stem of syllables spelling the index. */
function inventedSurname(index: number): string {
  let stem = "";
  for (let n = index + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) stem += SYLLABLES[n % SYLLABLES.length];
  return `${SURNAMES[index % SURNAMES.length]}-${stem.charAt(0).toUpperCase()}${stem.slice(1)}ин`;
}

/** Viasna's export (the sample's 23 columns) of `count` current political prisoners with unique invented names. */
export function generatedViasnaCsv(count: number): string {
  const rows = [sampleText("viasna-export.synthetic.csv").split("\n")[0] as string];
  for (let index = 0; index < count; index += 1) {
    const id = 950_000 + index;
    const birthday = `${1960 + (index % 40)}-${String(1 + (index % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
    const cells = [id, `https://prisoners.spring96.org/ru/person/generated-${id}`, `${GIVEN[index % GIVEN.length]} ${inventedSurname(index)}`, "active", "male", "", ""];
    cells.push(birthday, "2025-01-03", "ст. 342 Уголовного кодекса", "Исправительная колония № 99 (синтетическая)", "", "3 года", "лишение свободы");
    cells.push("", "", "2025-01-03", "", "2025-06-04", "", "", "", "Тестовск");
    rows.push(cells.join(","));
  }
  return `${rows.join("\n")}\n`;
}

/** `count` Memorial cards with unique invented surnames; every fourth one (or every `recognisedEvery`) is on a political-prisoner list. */
export function generatedMemorialCards(count: number, options: { firstId?: number; modified?: string; recognisedEvery?: number } = {}): MemorialCard[] {
  const cards: MemorialCard[] = [];
  const firstId = options.firstId ?? 8_000_000;
  for (let index = 0; index < count; index += 1) {
    const surname = inventedSurname(index);
    const title = `${surname} ${GIVEN[index % GIVEN.length]} ${PATRONYMICS[index % PATRONYMICS.length]}`;
    const recognised = index % (options.recognisedEvery ?? 4) === 0;
    const minute = String(index % 60).padStart(2, "0");
    const hour = String(Math.floor(index / 60) % 24).padStart(2, "0");
    const day = String(1 + (Math.floor(index / 1440) % 28)).padStart(2, "0");
    cards.push({
      id: firstId + index,
      link: `https://memopzk.org/figurant/generated-${firstId + index}/`,
      slug: `generated-${firstId + index}`,
      title: { rendered: title },
      class_list: [
        `post-${firstId + index}`,
        "figurant",
        "regions-krym",
        index % 3 === 0 ? "repression-lishenie-svobody" : "repression-zaklyuchenie-pod-strazhu",
        index % 3 === 0 ? "stage-ispolnenie-nakazaniya" : "stage-predvaritelnoe-sledstvie",
        "sex-muzhskoj",
        recognised ? "list-persecuted-spisok-politzaklyuchyonnyh-bez-presleduemyh-za-religiyu" : "list-persecuted-veroyatnye-zhertvy-ne-voshedshie-v-spiski",
      ],
      date_gmt: "2026-01-01T00:00:00",
      modified_gmt: options.modified ?? `2026-10-${day}T${hour}:${minute}:00`,
    });
  }
  return cards;
}
