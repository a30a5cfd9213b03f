/**
 * Age as precisely as the directory knows the birth: exact from a full date, a one-year range from a year alone
 * (without the day we cannot tell whether this year's birthday has passed), unknown otherwise.
 */
export type Age = { kind: "exact"; years: number } | { kind: "range"; min: number; max: number } | { kind: "unknown" };

export function computeAge(birth: { birthYear: number | null; birthDate: string | null }, today: Date): Age {
  const year = today.getUTCFullYear();
  if (birth.birthDate !== null) {
    const [birthYear, month, day] = birth.birthDate.split("-").map(Number) as [number, number, number];
    const hadBirthday =
      today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
    return { kind: "exact", years: year - birthYear - (hadBirthday ? 0 : 1) };
  }
  if (birth.birthYear !== null) return { kind: "range", min: year - birth.birthYear - 1, max: year - birth.birthYear };
  return { kind: "unknown" };
}
