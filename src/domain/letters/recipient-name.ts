import type { LetterRecipient } from "./types.js";

type NameParts = Pick<LetterRecipient, "surnameRu" | "givenNameRu" | "patronymicRu">;
type NameAndYear = NameParts & Pick<LetterRecipient, "birthYear">;

/** «Фамилия Имя Отчество»: the order prison forms and envelopes use. */
export function formalRussianName(recipient: NameParts): string {
  return [recipient.surnameRu, recipient.givenNameRu, recipient.patronymicRu]
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join(" ");
}

/** The FSIN-pismo recipient field: «Балух Владимир Григорьевич, 1971 г.р.». */
export function fsinPismoRecipientLine(recipient: NameAndYear): string {
  const name = formalRussianName(recipient);
  return recipient.birthYear ? `${name}, ${recipient.birthYear} г.р.` : name;
}

/** The envelope line: «Зейтуллаев Руслан Борисович, 1985 года рождения». */
export function envelopeRecipientLine(recipient: NameAndYear): string {
  const name = formalRussianName(recipient);
  return recipient.birthYear ? `${name}, ${recipient.birthYear} года рождения` : name;
}
