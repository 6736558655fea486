// Splits a long sentence into the parts the engine is given one at a time, so nothing (a
// screen reader's answer queued behind the page's speech, a pause, a resume after a cut) ever
// waits behind more than a few seconds of speech. The sentence stays the unit of
// highlighting, navigation and position; parts only change how it is handed to the engine.

/** The longest part, in words: about 7 s at 1×. */
export const MAX_PART_WORDS = 20;
/** The shortest part a split may leave, so no clause is cut off as a two-word fragment. */
const MIN_PART_WORDS = 4;

/** A part of a sentence's spoken text: offsets into it, and its word count. */
export interface Part {
  start: number;
  end: number;
  words: number;
  /** A passage in another language than the article's (./spoken-script.ts): its language. */
  lang?: string;
}

/** Where a clause ends: after , ; : or a dash, or before a dash that stands apart. */
const CLAUSE_END = /[,;:—–]$/;
const STRONG_END = /[;:—–]$/;
const DASH = /^[—–]/;

/**
 * The parts of a sentence's spoken text: the whole sentence when it has at most `max` words,
 * otherwise clauses (split after ; : or a dash, else after a comma), and a clause still longer than `max` in
 * equal runs of words. Each part has at most `max` words, and a split never leaves a part of
 * fewer than four words when a clause boundary can avoid it.
 */
export function partsOf(text: string, max = MAX_PART_WORDS): Part[] {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  if (words.length <= max) return [{ start: 0, end: text.length, words: words.length }];
  const dashFollows = (i: number) => i + 1 < words.length && DASH.test(words[i + 1].text);
  /** 2 after ; : or a dash, 1 after a comma, 0 inside a clause. */
  const clauseEnd = (i: number) =>
    STRONG_END.test(words[i].text) || dashFollows(i) ? 2 : CLAUSE_END.test(words[i].text) ? 1 : 0;

  const parts: Part[] = [];
  let first = 0;
  while (first < words.length) {
    const left = words.length - first;
    let last: number | undefined;
    if (left <= max) {
      last = words.length - 1;
    } else {
      // The last of the strongest clause ends in reach that leaves neither this part nor the
      // rest too short: a semicolon before a comma, and as few parts as will do.
      let strength = 0;
      for (let i = first + max - 1; i >= first + MIN_PART_WORDS - 1; i--) {
        const rest = words.length - 1 - i;
        if (clauseEnd(i) > strength && (rest === 0 || rest >= MIN_PART_WORDS)) {
          last = i;
          strength = clauseEnd(i);
        }
      }
      // No clause end in reach: equal runs, so the rest is not left as a fragment.
      if (last === undefined) last = first + Math.ceil(left / Math.ceil(left / max)) - 1;
    }
    const final = last === words.length - 1;
    parts.push({
      start: parts.length === 0 ? 0 : words[first].start,
      end: final ? text.length : words[last].end,
      words: last - first + 1,
    });
    first = last + 1;
  }
  return parts;
}

/**
 * The parts of a sentence with passages in other languages: each passage is spoken apart (in a
 * voice for its language), the stretches between them in clause-sized parts. A stretch with no
 * word in it (the full stop after a quotation) goes with the part before it.
 */
export function partsWithPassages(text: string, passages: { start: number; end: number; lang: string }[]): Part[] {
  if (passages.length === 0) return partsOf(text);
  const stretches: { start: number; end: number; lang?: string }[] = [];
  let at = 0;
  for (const p of passages) {
    if (p.start > at) stretches.push({ start: at, end: p.start });
    stretches.push(p);
    at = p.end;
  }
  if (at < text.length) stretches.push({ start: at, end: text.length });
  const parts: Part[] = [];
  let carried: number | undefined;
  for (const { start, end, lang } of stretches) {
    const words = text.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(words)) {
      if (parts.length > 0) parts[parts.length - 1].end = end;
      else carried ??= start;
      continue;
    }
    const from = carried ?? start;
    carried = undefined;
    for (const p of partsOf(text.slice(from, end)))
      parts.push({ start: from + p.start, end: from + p.end, words: p.words, ...(lang ? { lang } : {}) });
  }
  return parts;
}
