import type { Update, WebhookInfo } from "grammy/types";
import { badRequest, conflict } from "../api-error.js";
import { type Params, readBoolean, readInteger, readJson, readString } from "../params.js";
import type { MethodCall } from "./method.js";

/** Telegram caps a long poll at 50 seconds whatever timeout the client asks for. */
const MAX_LONG_POLL_SECONDS = 50;

export async function getUpdates({ state, params, signal }: MethodCall): Promise<Update[]> {
  if (state.webhook !== undefined) {
    throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const limit = readInteger(params, "limit") ?? 100;
  const offset = readInteger(params, "offset");
  const allowedUpdates = readAllowedUpdates(params);
  return await state.updates.getUpdates({
    limit: limit >= 1 && limit <= 100 ? limit : 100,
    timeoutSeconds: Math.min(MAX_LONG_POLL_SECONDS, Math.max(0, readInteger(params, "timeout") ?? 0)),
    signal,
    ...(offset === undefined ? {} : { offset }),
    ...(allowedUpdates === undefined ? {} : { allowedUpdates }),
  });
}

/** Recorded only: the fake never calls webhooks, but it answers getUpdates as Telegram does while one is set. */
export function setWebhook({ state, params }: MethodCall): true {
  const url = readString(params, "url") ?? "";
  if (url === "") return deleteWebhook({ state, params, signal: new AbortController().signal });
  if (!url.startsWith("https://")) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  const allowedUpdates = readAllowedUpdates(params);
  const secretToken = readString(params, "secret_token");
  const maxConnections = readInteger(params, "max_connections");
  state.updates.terminatePoll(conflict("terminated by setWebhook request"));
  if (allowedUpdates !== undefined) state.updates.setAllowedUpdates(allowedUpdates);
  if (readBoolean(params, "drop_pending_updates")) state.updates.dropPending("dropped by setWebhook(drop_pending_updates)");
  state.webhook = {
    url,
    ...(allowedUpdates === undefined ? {} : { allowedUpdates }),
    ...(secretToken === undefined ? {} : { secretToken }),
    ...(maxConnections === undefined ? {} : { maxConnections }),
  };
  return true;
}

export function deleteWebhook({ state, params }: MethodCall): true {
  state.webhook = undefined;
  if (readBoolean(params, "drop_pending_updates")) state.updates.dropPending("dropped by deleteWebhook(drop_pending_updates)");
  return true;
}

export function getWebhookInfo({ state }: MethodCall): WebhookInfo {
  const { webhook } = state;
  return {
    url: webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: state.updates.pendingCount,
    ...(webhook?.maxConnections === undefined ? {} : { max_connections: webhook.maxConnections }),
    ...(webhook?.allowedUpdates === undefined
      ? {}
      : { allowed_updates: [...webhook.allowedUpdates] as WebhookInfo["allowed_updates"] }),
  };
}

function readAllowedUpdates(params: Params): string[] | undefined {
  const value = readJson(params, "allowed_updates", "allowed updates");
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((type) => typeof type !== "string")) {
    throw badRequest('field "allowed_updates" must be of type Array');
  }
  return value as string[];
}
