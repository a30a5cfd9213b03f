import type { ResponseParameters } from "grammy/types";

/**
 * A Bot API failure as Telegram reports it. Methods throw it; the server turns it into
 * `{ok:false,error_code,description,parameters?}` with the same HTTP status.
 */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

export const badRequest = (detail: string): ApiError => new ApiError(400, `Bad Request: ${detail}`);

export const forbidden = (detail: string): ApiError => new ApiError(403, `Forbidden: ${detail}`);

export const conflict = (detail: string): ApiError => new ApiError(409, `Conflict: ${detail}`);

export const tooManyRequests = (retryAfterSeconds: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfterSeconds}`, { retry_after: retryAfterSeconds });

/**
 * Errors the fake raises where Telegram would accept something this fake does not emulate, or where the fake is
 * deliberately stricter. The prefix makes it obvious in a failing test that the limit is ours, not Telegram's.
 */
export const notEmulated = (detail: string): ApiError => badRequest(`fake-telegram: ${detail}`);
