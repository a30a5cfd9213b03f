import type { Api } from "grammy";

/**
 * Downloads a file someone sent to the bot: `getFile`, then the Bot API's file URL (`<apiRoot>/file/bot<token>/…`).
 * Refuses files above `maxBytes` before reading them, and gives up after `timeoutMs`.
 */
export async function downloadTelegramFile(
  api: Api,
  where: { apiRoot: string; token: string },
  fileId: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error("Telegram gave no file path");
  if ((file.file_size ?? 0) > limits.maxBytes) throw new FileTooLargeError();
  const response = await fetch(`${where.apiRoot}/file/bot${where.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(limits.timeoutMs),
  });
  if (!response.ok) throw new Error(`file download answered HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > limits.maxBytes) throw new FileTooLargeError();
  return bytes;
}

export class FileTooLargeError extends Error {
  constructor() {
    super("file larger than allowed");
    this.name = "FileTooLargeError";
  }
}
