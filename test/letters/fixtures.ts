import type { LetterRecipient } from "../../src/domain/letters/types.js";

/**
 * Recipients shaped like the research's worked examples (research/censorship-and-delivery.md, section c). They are
 * test data only: Balukh, for one, has been free since 2019.
 */

/** The FSIN-pismo example of the Crimean Human Rights Group (2019). */
export const torzhokColonyRecipient: LetterRecipient = {
  fullNameRu: "Балух Владимир Григорьевич",
  surnameRu: "Балух",
  givenNameRu: "Владимир",
  patronymicRu: "Григорьевич",
  gender: "male",
  birthYear: 1971,
  system: "ru",
  status: "sentenced",
  institution: { fsinPismo: true, fsinRegion: "Тверская область", fsinName: "ИК-4 Торжок" },
};

/** The postal example of zmina.info (IK-2 Salavat). */
export const salavatColonyRecipient: LetterRecipient = {
  fullNameRu: "Зейтуллаев Руслан Борисович",
  surnameRu: "Зейтуллаев",
  givenNameRu: "Руслан",
  patronymicRu: "Борисович",
  gender: "male",
  birthYear: 1985,
  system: "ru",
  status: "sentenced",
  institution: {
    fsinPismo: false,
    postalAddress:
      "453256, Республика Башкортостан, г. Салават, Станция Южный,\nФКУ ИК-2 ГУФСИН России по Республике Башкортостан",
  },
};

export const recipientWithoutInstitution: LetterRecipient = {
  fullNameRu: "Козырева Дарья Сергеевна",
  surnameRu: "Козырева",
  givenNameRu: "Дарья",
  patronymicRu: "Сергеевна",
  gender: "female",
  birthYear: 2000,
  system: "ru",
  status: "pretrial",
};

/** Shaped like Libereco's Belarusian address example. */
export const gomelColonyRecipient: LetterRecipient = {
  fullNameRu: "Колесникова Мария Александровна",
  surnameRu: "Колесникова",
  givenNameRu: "Мария",
  patronymicRu: "Александровна",
  gender: "female",
  birthYear: 1982,
  system: "by",
  status: "sentenced",
  institution: { fsinPismo: false, postalAddress: "ИК №4\nул. Антошкина, 3\n246035, г. Гомель" },
};
