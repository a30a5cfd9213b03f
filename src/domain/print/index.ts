export { renderLettersPdf, type PdfFonts } from "./letters-pdf.js";
export { addresseeHeader, groupByInstitution, type InstitutionGroup, type PrintableLetter } from "./printable-letter.js";
