/**
 * The source link of a news item: subscribers should be able to check what they are told. Only web links with a
 * dotted host name are accepted: no `javascript:` or `tg:` links, no bare words, no credentials in the link.
 */
const MAX_URL_LENGTH = 1000;

export function parseSourceUrl(input: string): string | undefined {
  const text = input.trim();
  if (text === "" || text.length > MAX_URL_LENGTH || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username !== "" || url.password !== "") return undefined;
  // A dotted name such as zmina.info: rules out «http://localhost» and single words Telegram would not link.
  if (!/^[^.]+(\.[^.]+)+$/.test(url.hostname) || url.hostname.endsWith(".")) return undefined;
  return url.href;
}

/** «zmina.info» for a link label: shorter than the URL and tells the reader whose site it is. */
export function sourceLabel(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}
