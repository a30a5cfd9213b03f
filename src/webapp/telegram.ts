/**
 * The part of Telegram's Mini App protocol the editor uses, without Telegram's telegram-web-app.js (a third-party
 * script the page's Content-Security-Policy keeps out). Launch parameters come in the URL fragment; events go out
 * through the client's bridge (`TelegramWebviewProxy` on mobile, `external.notify` on Windows, `postMessage` to the
 * parent frame on web clients) and come in through `Telegram.WebView.receiveEvent` or `message` events.
 * Protocol reference: https://core.telegram.org/api/web-events
 */

type EventHandler = (data: Record<string, unknown>) => void;

interface Bridge {
  TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  external?: { notify?(message: string): void };
  Telegram?: { WebView?: { receiveEvent(type: string, data: unknown): void } };
}

export interface ThemeParams {
  [key: string]: string | undefined;
}

export interface LaunchParams {
  initData: string;
  theme: ThemeParams;
  platform: string;
}

const STORAGE_KEY = "lysty-launch";

/**
 * Launch parameters from the fragment Telegram opened us with, or the ones saved by `rememberLaunchParams` (a reload
 * loses the fragment). Reads only: the boot script asks for the draft before anything is written to storage.
 */
export function readLaunchParams(): LaunchParams | undefined {
  const fragment = new URLSearchParams(location.hash.slice(1));
  let initData = fragment.get("tgWebAppData") ?? "";
  let themeRaw = fragment.get("tgWebAppThemeParams") ?? "";
  let platform = fragment.get("tgWebAppPlatform") ?? "unknown";
  if (!initData) {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Record<string, string> | null;
      if (saved) ({ initData = "", themeRaw = "", platform = "unknown" } = saved);
    } catch {
      // nothing saved
    }
  }
  if (!initData) return undefined;
  return { initData, theme: parseTheme(themeRaw), platform };
}

/** Keeps the launch parameters for a reload of the page (after its first paint: storage is not free). */
export function rememberLaunchParams(launch: LaunchParams): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ initData: launch.initData, themeRaw: JSON.stringify(launch.theme), platform: launch.platform }));
  } catch {
    // storage may be off; a reload then shows "open from Telegram"
  }
}

function parseTheme(raw: string): ThemeParams {
  try {
    const value: unknown = JSON.parse(raw || "{}");
    return value !== null && typeof value === "object" ? (value as ThemeParams) : {};
  } catch {
    return {};
  }
}

const handlers = new Map<string, EventHandler[]>();

export function on(type: string, handler: EventHandler): void {
  handlers.set(type, [...(handlers.get(type) ?? []), handler]);
}

function dispatch(type: string, data: unknown): void {
  const payload = data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  for (const handler of handlers.get(type) ?? []) handler(payload);
}

/** Starts listening for the client's events. */
export function listen(): void {
  const bridge = window as unknown as Bridge;
  bridge.Telegram = { ...bridge.Telegram, WebView: { receiveEvent: dispatch } };
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || typeof event.data !== "string") return;
    try {
      const message = JSON.parse(event.data) as { eventType?: unknown; eventData?: unknown };
      if (typeof message.eventType === "string") dispatch(message.eventType, message.eventData);
    } catch {
      // not one of Telegram's messages
    }
  });
}

export function postEvent(type: string, data: Record<string, unknown> = {}): void {
  const bridge = window as unknown as Bridge;
  if (bridge.TelegramWebviewProxy) return bridge.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
  if (bridge.external?.notify) return bridge.external.notify(JSON.stringify({ eventType: type, eventData: data }));
  if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "https://web.telegram.org");
}

/** Telegram's theme as CSS variables (`--tg-bg`, `--tg-text`, …); the stylesheet falls back to its own colours. */
export function applyTheme(theme: ThemeParams): void {
  const names: Record<string, string> = {
    bg_color: "--tg-bg",
    text_color: "--tg-text",
    hint_color: "--tg-hint",
    link_color: "--tg-link",
    button_color: "--tg-button",
    button_text_color: "--tg-button-text",
    secondary_bg_color: "--tg-secondary-bg",
    destructive_text_color: "--tg-destructive",
  };
  const root = document.documentElement.style;
  for (const [key, variable] of Object.entries(names)) {
    const value = theme[key];
    if (value && /^#[0-9a-f]{6}$/i.test(value)) root.setProperty(variable, value);
    else root.removeProperty(variable);
  }
  const background = theme.bg_color;
  if (background && /^#[0-9a-f]{6}$/i.test(background)) {
    document.documentElement.style.colorScheme = isDark(background) ? "dark" : "light";
    document.documentElement.dataset.scheme = isDark(background) ? "dark" : "light";
  }
}

function isDark(hex: string): boolean {
  const value = Number.parseInt(hex.slice(1), 16);
  const luminance = 0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255);
  return luminance < 128;
}

export function setMainButton(options: { text: string; visible: boolean; active: boolean; progress: boolean; theme: ThemeParams }): void {
  postEvent("web_app_setup_main_button", {
    is_visible: options.visible,
    is_active: options.active,
    is_progress_visible: options.progress,
    text: options.text,
    ...(options.theme.button_color ? { color: options.theme.button_color } : {}),
    ...(options.theme.button_text_color ? { text_color: options.theme.button_text_color } : {}),
  });
}
