import { addresseeHeader, type InstitutionGroup } from "./printable-letter.js";

export interface PdfFonts {
  /** TrueType files with Cyrillic glyphs (the standard PDF fonts have none): DejaVu Sans ships in assets/fonts. */
  regular: string;
  bold: string;
}

const MARGIN = 56;
const FOOTER_COLOUR = "#777777";

/**
 * The print batch: a cover page listing every letter by institution, then each letter on its own page(s), headed
 * «Кому: …» and signed. The reference sits in the footer of every page of its letter, small and grey, outside the
 * letter itself. Russian text throughout, in the embedded DejaVu Sans.
 */
export async function renderLettersPdf(groups: readonly InstitutionGroup[], options: { fonts: PdfFonts; createdAt: Date }): Promise<Uint8Array> {
  // Imported here, not at the top: pdfkit and its fonts are the heaviest module of the bot and only /print needs them.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: "Письма для печати", Producer: "Lysty", Creator: "Lysty", CreationDate: options.createdAt },
  });
  doc.registerFont("body", options.fonts.regular);
  doc.registerFont("bold", options.fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const total = groups.reduce((sum, group) => sum + group.letters.length, 0);
  doc.font("bold").fontSize(16).text(`Письма для печати: ${total}`);
  doc.font("body").fontSize(10).fillColor(FOOTER_COLOUR).text(formatDate(options.createdAt)).fillColor("black").moveDown();
  for (const group of groups) {
    doc.font("bold").fontSize(12).text(group.name ?? "Учреждение не известно — уточните перед отправкой");
    if (group.address) doc.font("body").fontSize(10).text(group.address);
    doc.font("body").fontSize(10);
    for (const letter of group.letters) {
      doc.text(`• ${letter.reference} — ${letter.addressee}`, { indent: 12 });
      if (letter.organiserNote) doc.font("bold").text(`! ${letter.organiserNote}`, { indent: 24 }).font("body");
    }
    doc.moveDown(0.6);
  }

  // Page index → reference, for the footers written once every page exists.
  const footers = new Map<number, string>();
  for (const group of groups) {
    for (const letter of group.letters) {
      doc.addPage();
      const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
      doc.font("bold").fontSize(11).text(addresseeHeader(letter));
      doc.moveDown(1.2);
      doc.font("body").fontSize(12).text(letter.body, { align: "left", lineGap: 3 });
      const last = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
      for (let page = first; page <= last; page++) footers.set(page, letter.reference);
    }
  }
  for (const [page, reference] of footers) {
    doc.switchToPage(page);
    // Writing below the bottom margin would start a new page; lift the margin for this one line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("body").fontSize(8).fillColor(FOOTER_COLOUR).text(reference, MARGIN, doc.page.height - MARGIN / 2, { lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor("black");
  }
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

function formatDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}
