import { describe, expect, it } from "vitest";
import { renderLetterBody, renderLetterFile } from "../../src/domain/letters/letter-file.js";
import { recipientWithoutInstitution, salavatColonyRecipient, torzhokColonyRecipient } from "./fixtures.js";

describe("the finished letter as a file", () => {
  const text = "Здравствуйте, Владимир Григорьевич!\r\n\r\n\r\nМеня зовут Оксана.  ";

  it("puts a Russian header, the text and the signature on its own lines", () => {
    const file = renderLetterFile({
      recipient: torzhokColonyRecipient,
      text,
      signature: { name: "Оксана", city: "Львов" },
      writtenOn: new Date("2026-11-23T22:30:00Z"),
      reference: "L-2611-7K3Q",
    });
    expect(file.content).toBe(
      [
        "Кому: Балух Владимир Григорьевич, 1971 г.р.",
        "Куда: ИК-4 Торжок, Тверская область",
        "Дата: 23.11.2026",
        "",
        "Здравствуйте, Владимир Григорьевич!",
        "",
        "Меня зовут Оксана.",
        "",
        "Оксана",
        "Львов",
        "",
      ].join("\n"),
    );
    expect(file.body).toBe("Здравствуйте, Владимир Григорьевич!\n\nМеня зовут Оксана.\n\nОксана\nЛьвов");
    expect(file.filename).toBe("letter-L-2611-7K3Q.txt");
  });

  it("keeps the reference out of the letter itself, where a censor could read it as a code", () => {
    const file = renderLetterFile({
      recipient: torzhokColonyRecipient,
      text,
      signature: { name: "Оксана" },
      writtenOn: new Date("2026-11-23T00:00:00Z"),
      reference: "L-2611-7K3Q",
    });
    expect(file.content).not.toContain("L-2611");
  });

  it("uses the postal address when there is no FSIN-pismo name, and no «Куда» when nothing is known", () => {
    const posted = renderLetterFile({
      recipient: salavatColonyRecipient,
      text: "Текст",
      signature: { name: "О." },
      writtenOn: new Date("2026-01-05T00:00:00Z"),
    });
    expect(posted.content).toContain(
      "Куда: 453256, Республика Башкортостан, г. Салават, Станция Южный, ФКУ ИК-2 ГУФСИН России по Республике Башкортостан",
    );
    expect(posted.content).toContain("Дата: 05.01.2026");
    expect(posted.filename).toBe("letter.txt");
    const unknown = renderLetterFile({
      recipient: recipientWithoutInstitution,
      text: "Текст",
      signature: { name: "О." },
      writtenOn: new Date("2026-01-05T00:00:00Z"),
    });
    expect(unknown.content).not.toContain("Куда:");
  });

  it("signs with the name alone when no city was given", () => {
    expect(renderLetterBody("Текст", { name: " Оксана ", city: "  " })).toBe("Текст\n\nОксана");
  });
});
