/**
 * Hashtags in channel posts: «#Балух» names a prisoner. JavaScript's `\w` and `\b` do not know Cyrillic letters, so
 * tags are read with Unicode classes and compared case-insensitively after NFC normalisation.
 */
const HASHTAG = /(?<![\p{L}\p{N}_#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;

/** Normal form for comparing tags: «#БАЛУХ», «#балух» and «#Балух» are one tag. */
export function normalizeHashtag(tag: string): string {
  return tag.replace(/^#/, "").normalize("NFC").toLocaleLowerCase("ru");
}

/** Distinct tags in the text, normalised, in the order they first appear. */
export function extractHashtags(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(HASHTAG)) {
    const tag = match[1];
    if (tag !== undefined) seen.add(normalizeHashtag(tag));
  }
  return [...seen];
}

/** Which of the candidates (slug → hashtag) the text tags. */
export function taggedSlugs(text: string, candidates: ReadonlyArray<{ slug: string; hashtag: string }>): string[] {
  const tags = new Set(extractHashtags(text));
  return candidates.filter((candidate) => tags.has(normalizeHashtag(candidate.hashtag))).map((candidate) => candidate.slug);
}

/**
 * A channel post as news text: the tags that only file the post (a line of tags, tags closing the text) go; a tag
 * inside a sentence («Сьогодні #Тестенко знову…») keeps its word without the «#». Subscribers read prose, and
 * the card already says which hashtag follows the case.
 */
export function withoutHashtags(text: string): string {
  const TAGS_ONLY = /^(?:\s*#[\p{L}\p{N}_]+)+\s*$/u;
  const lines = text.split("\n").filter((line) => !TAGS_ONLY.test(line));
  return lines
    .join("\n")
    .replace(/(?:\s+#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)+\s*$/u, "")
    .replace(HASHTAG, (_match, tag: string) => tag)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
