/** One relayed letter as it is printed: everything in Russian, as the envelope and the prison's censor read it. */
export interface PrintableLetter {
  /** Lysty's reference, printed small in the footer so organisers can match pages to the queue. */
  reference: string;
  /** «Фамилия Имя Отчество, 1958 г.р.» */
  addressee: string;
  institution: {
    /** Groups letters bound for the same place; any stable id (the directory slug). */
    key: string;
    /** «ИК-4 (Торжок)»; null when the directory knows no current institution. */
    name: string | null;
    /** The postal address exactly as the directory's source gives it, lines joined; null when unknown. */
    address: string | null;
  };
  /** The letter text followed by the signature. */
  body: string;
  /**
   * A warning for the organisers in their own language (the writer's unchecked details), printed on the cover only:
   * the letter's page goes into the envelope. Absent for a card an organiser has checked.
   */
  organiserNote?: string;
}

export interface InstitutionGroup {
  key: string;
  name: string | null;
  address: string | null;
  letters: PrintableLetter[];
}

/** Letters for one institution go out together: groups in order of name (unknown last), letters in given order. */
export function groupByInstitution(letters: readonly PrintableLetter[]): InstitutionGroup[] {
  const groups = new Map<string, InstitutionGroup>();
  for (const letter of letters) {
    const group = groups.get(letter.institution.key) ?? { ...letter.institution, letters: [] };
    group.letters.push(letter);
    groups.set(letter.institution.key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.name === null || b.name === null) return a.name === null ? (b.name === null ? 0 : 1) : -1;
    return a.name.localeCompare(b.name, "ru");
  });
}

/** «Кому: Фамилия Имя Отчество, 1958 г.р., ИК-4 (Торжок), адрес» — what is not known is left out, never guessed. */
export function addresseeHeader(letter: PrintableLetter): string {
  return `Кому: ${[letter.addressee, letter.institution.name, letter.institution.address].filter(Boolean).join(", ")}`;
}
