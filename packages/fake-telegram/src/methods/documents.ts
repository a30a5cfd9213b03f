import type { File, Message } from "grammy/types";
import { badRequest, notEmulated } from "../api-error.js";
import { type Params, readString, requireChatId, UploadedFile } from "../params.js";
import { readReplyMarkup } from "../reply-markup.js";
import { documentObject, mimeTypeForFileName, type StoredFile } from "../state/file-store.js";
import type { FakeState } from "../state/fake-state.js";
import { readCaption } from "../text/formatted-text.js";
import { postMessage, replyTarget, takeSendToken, writableChat } from "./delivery.js";
import type { MethodCall } from "./method.js";

export function sendDocument({ state, params }: MethodCall): Message {
  requireChatId(params);
  const file = documentFile(state, params);
  const caption = readCaption(params);
  const markup = readReplyMarkup(params);
  const record = writableChat(state, params);
  const replyTo = replyTarget(state, record, params);
  takeSendToken(state, record);
  return postMessage(state, record, {
    document: documentObject(file),
    ...(caption === undefined ? {} : { caption: caption.text }),
    ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    ...(markup?.kind === "inline" ? { reply_markup: markup.markup } : {}),
  }, replyTo);
}

export function getFile({ state, params }: MethodCall): File {
  const file = state.files.get(readString(params, "file_id") ?? "");
  if (file === undefined) throw badRequest("invalid file_id");
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
}

function documentFile(state: FakeState, params: Params): StoredFile {
  const value = params.document;
  if (value instanceof UploadedFile) {
    if (value.bytes.length === 0) throw badRequest("file must be non-empty");
    return state.files.add("document", value.bytes, {
      fileName: value.fileName,
      mimeType: mimeTypeForFileName(value.fileName) ?? "application/octet-stream",
    });
  }
  const reference = readString(params, "document");
  if (reference === undefined || reference === "") throw badRequest("there is no document in the request");
  if (/^https?:\/\//i.test(reference)) throw notEmulated("sending a file by URL is not emulated (the fake has no network)");
  const stored = state.files.get(reference);
  if (stored === undefined) throw badRequest("wrong file identifier/HTTP URL specified");
  if (stored.kind !== "document") throw badRequest("type of file to send mismatch");
  return stored;
}
