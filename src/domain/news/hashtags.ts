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
