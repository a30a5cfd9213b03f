/**
 * The editor's address for a button: WEBAPP_URL with a trailing slash (the page loads its files relative to it),
 * the person the letter is for and the chat flow's token (so "Done" in the editor can hand the flow its next step).
 */
export function editorUrl(webappUrl: string, params: { slug?: string; token?: string } = {}): string {
  const url = new URL(webappUrl);
  url.pathname = url.pathname.replace(/\/?$/, "/");
  if (params.slug) url.searchParams.set("p", params.slug);
  if (params.token) url.searchParams.set("t", params.token);
  return url.toString();
}
