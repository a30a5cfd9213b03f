import type { Document } from "grammy/types";

export type FileKind = "document" | "photo" | "voice" | "sticker";

export interface StoredFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly kind: FileKind;
  readonly fileName?: string;
  readonly mimeType?: string;
  readonly bytes: Buffer;
  /** Path under `/file/bot<token>/` where getFile lets the bot download it. */
  readonly filePath: string;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  txt: "text/plain",
  html: "text/html",
  htm: "text/html",
  csv: "text/csv",
  json: "application/json",
  xml: "application/xml",
  zip: "application/zip",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  rtf: "application/rtf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ogg: "audio/ogg",
  mp3: "audio/mpeg",
  mp4: "video/mp4",
};

/** Telegram sets a document's mime_type from its file name, not from the upload's Content-Type. */
export function mimeTypeForFileName(fileName: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MIME_TYPES[extension];
}

const FILE_FOLDERS: Readonly<Record<FileKind, string>> = {
  document: "documents",
  photo: "photos",
  voice: "voice",
  sticker: "stickers",
};

/** Uploaded and injected files, addressable by file_id (to resend) and by file_path (to download). */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private count = 0;

  add(kind: FileKind, bytes: Buffer, details: { fileName?: string; mimeType?: string } = {}): StoredFile {
    this.count += 1;
    const extension = /\.([A-Za-z0-9]+)$/.exec(details.fileName ?? "")?.[1] ?? "dat";
    const file: StoredFile = {
      fileId: `fake-${kind}-${this.count}`,
      fileUniqueId: `fake-unique-${this.count}`,
      kind,
      bytes,
      filePath: `${FILE_FOLDERS[kind]}/file_${this.count}.${extension}`,
      ...(details.fileName === undefined ? {} : { fileName: details.fileName }),
      ...(details.mimeType === undefined ? {} : { mimeType: details.mimeType }),
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }
}

/** The Document object Telegram puts in a message for a stored file. */
export function documentObject(file: StoredFile): Document {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.fileName === undefined ? {} : { file_name: file.fileName }),
    ...(file.mimeType === undefined ? {} : { mime_type: file.mimeType }),
    file_size: file.bytes.length,
  };
}
