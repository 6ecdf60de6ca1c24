// The one analyzer used to index, to query and to highlight. Both index engines receive only
// the tokens made here (SQLite's tokenizer and PostgreSQL's parser never see the original
// text), so a change in this file changes what both engines find: bump ANALYZER_VERSION and
// every index is rebuilt at the next start.

/** Stored with the index; a different value makes the index rebuild itself. */
export const ANALYZER_VERSION = 'tsuzuri-analyzer-1';

/** Longest word kept, in code points (longer runs are cut: nobody searches for them whole). */
const MAX_WORD = 64;

export type TokenKind = 'word' | 'cjk';

export interface Token {
  /** Normalised term as it is indexed. */
  term: string;
  kind: TokenKind;
  /** UTF-16 offsets of the token in the original text. */
  start: number;
  end: number;
  /** For a CJK bigram: where its first character ends in the original (for one-character highlights). */
  mid: number;
  /** The last character of a CJK run, indexed alone so that a one-character query finds it. */
  tail: boolean;
  /** Length in characters of the CJK run the token belongs to (0 for words). */
  run: number;
}

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

const SEP = 0;
const WORD = 1;
const CJK = 2;
const MARK = 3;

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/u;
// Marks that belong to a CJK run although Unicode files them under Common.
const CJK_EXTRA = new Set([0x30fc, 0xff70, 0x3006, 0x3005, 0x3007, 0x303b]);
// "・" separates the parts of a name written in katakana (ジョン・スミス).
const CJK_SEPARATORS = new Set([0x30fb, 0xff65]);
// Half-width voiced sound marks are letters (Lm) but compose with the kana before them under NFKC.
const HALF_WIDTH_VOICING = new Set([0xff9e, 0xff9f]);

function classify(cp: number): number {
  if (CJK_SEPARATORS.has(cp)) return SEP;
  if (HALF_WIDTH_VOICING.has(cp)) return MARK;
  const ch = String.fromCodePoint(cp);
  if (CJK_EXTRA.has(cp) || HAN_KANA.test(ch)) return CJK;
  if (COMBINING.test(ch)) return MARK;
  if (LETTER_OR_DIGIT.test(ch)) return WORD;
  return SEP;
}

// A table for the Basic Multilingual Plane: classifying by regular expression per character
// would dominate the cost of indexing.
const BMP = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x10000; cp++) {
  // Surrogate halves never reach classOf on their own.
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  BMP[cp] = classify(cp);
}
const ASTRAL = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) return BMP[cp] ?? SEP;
  let c = ASTRAL.get(cp);
  if (c === undefined) {
    c = classify(cp);
    ASTRAL.set(cp, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Normalisation: NFKC, lower case, Latin diacritics off, variation selectors dropped
// ---------------------------------------------------------------------------------------------

const LATIN_FIRST = /^\p{Script=Latin}/u;
const VARIATION_SELECTORS = /[\u{fe00}-\u{fe0f}\u{e0100}-\u{e01ef}]/gu;
const SEGMENT_CACHE = new Map<string, string>();
const SEGMENT_CACHE_MAX = 100_000;

/**
 * Normalises one base character with the marks that follow it. Only marks on Latin letters are
 * removed (ö → o); kana keep their voicing marks (が is not か) and Cyrillic й, ё stay letters.
 */
function normalizeSegment(segment: string): string {
  let out = SEGMENT_CACHE.get(segment);
  if (out !== undefined) return out;
  out = segment.normalize('NFKC').toLowerCase().replace(VARIATION_SELECTORS, '');
  if (LATIN_FIRST.test(out)) out = out.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  if (SEGMENT_CACHE.size < SEGMENT_CACHE_MAX) SEGMENT_CACHE.set(segment, out);
  return out;
}

/**
 * Walks `text` segment by segment (a base character and its marks) and calls `visit` with each
 * normalised code point and the original UTF-16 span of the segment it came from. Every offset
 * the analyzer reports comes from here, which is what lets highlights land on the original text.
 */
function walk(text: string, visit: (cp: number, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const first = text.codePointAt(i) ?? 0;
    i += first > 0xffff ? 2 : 1;
    // Gather the marks that belong to this base character.
    while (i < n) {
      const c = text.codePointAt(i) ?? 0;
      // Variation selectors are marks too, so an ideograph keeps its selector in its segment.
      if (classOf(c) !== MARK) break;
      i += c > 0xffff ? 2 : 1;
    }
    if (i - start === 1 && first < 0x80) {
      // ASCII on its own: NFKC leaves it alone and lower-casing is arithmetic.
      visit(first >= 0x41 && first <= 0x5a ? first + 32 : first, start, i);
      continue;
    }
    for (const ch of normalizeSegment(text.slice(start, i))) visit(ch.codePointAt(0) ?? 0, start, i);
  }
}

/**
 * The normalised text with every run of separators folded to one space, trimmed: the form in
 * which names are compared ("NIIZEKI  Kinya" → "niizeki kinya", "ｶﾀｶﾅ" → "カタカナ").
 */
export function normalizeForm(text: string): string {
  let out = '';
  let pendingSpace = false;
  walk(text, (cp) => {
    const c = classOf(cp);
    if (c === SEP) {
      pendingSpace = out !== '';
      return;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCodePoint(cp);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

interface RunChar {
  ch: string;
  start: number;
  end: number;
}

/**
 * Tokens of `text`: words for letter/digit runs, and for runs of Han and kana overlapping
 * bigrams plus the run's last character alone (大使館 → 大使 使館 館), so that any substring
 * of two or more characters is a phrase of bigrams and any single character a prefix.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let wordLen = 0;
  let wordStart = -1;
  let wordEnd = -1;
  let run: RunChar[] = [];

  const flushWord = () => {
    if (wordLen > 0) tokens.push({ term: word, kind: 'word', start: wordStart, end: wordEnd, mid: wordEnd, tail: false, run: 0 });
    word = '';
    wordLen = 0;
  };
  const flushRun = () => {
    const len = run.length;
    if (len === 0) return;
    for (let k = 0; k + 1 < len; k++) {
      const a = run[k] as RunChar;
      const b = run[k + 1] as RunChar;
      tokens.push({ term: a.ch + b.ch, kind: 'cjk', start: a.start, end: b.end, mid: a.end, tail: false, run: len });
    }
    const last = run[len - 1] as RunChar;
    tokens.push({ term: last.ch, kind: 'cjk', start: last.start, end: last.end, mid: last.end, tail: true, run: len });
    run = [];
  };

  walk(text, (cp, start, end) => {
    const c = classOf(cp);
    if (c === CJK) {
      flushWord();
      run.push({ ch: String.fromCodePoint(cp), start, end });
    } else if (c === MARK && run.length > 0) {
      // A voicing mark NFKC could not compose (ﾅﾞ): it adds nothing a reader would search for.
    } else if (c === WORD || c === MARK) {
      flushRun();
      if (wordLen === 0) wordStart = start;
      wordEnd = end;
      if (wordLen < MAX_WORD) {
        word += String.fromCodePoint(cp);
        wordLen++;
      }
    } else {
      flushWord();
      flushRun();
    }
  });
  flushWord();
  flushRun();
  return tokens;
}

/** The terms of several texts in order, as one field of the index. */
export function fieldTerms(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const tok of tokenize(t)) out.push(tok.term);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** A run of terms that must appear in this order, adjacent; `prefix` makes the last a prefix. */
export interface Clause {
  terms: string[];
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every clause must match (AND). Empty when the query has nothing searchable. */
  clauses: Clause[];
}

export const QUERY_LIMITS = { maxLength: 500, maxClauses: 16 } as const;

const QUOTES = /[“”„«»「」『』＂]/g;
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
const HAS_LETTER = /\p{L}/u;

// Mongolian case endings, longest first. A reader types a word in the case the sentence needs
// (Улаанбаатарт "in Ulaanbaatar"); the query searches the stem as a prefix, which finds the
// nominative and every other case. Only queries are stemmed, never the index.
const MONGOLIAN_SUFFIXES = [
  'гийн', 'гаас', 'гээс', 'гоос', 'гөөс', 'гаар', 'гээр', 'гоор', 'гөөр',
  'ийн', 'ийг', 'аас', 'ээс', 'оос', 'өөс', 'аар', 'ээр', 'оор', 'өөр', 'тай', 'тэй', 'той',
  'руу', 'рүү', 'луу', 'лүү', 'ын', 'ий', 'ыг', 'ад', 'эд', 'од', 'өд', 'нд', 'д', 'т',
];
const MIN_STEM = 4;

/** The stem of an inflected Mongolian word, or null when it has no case ending to take off. */
export function mongolianStem(word: string): string | null {
  if (!CYRILLIC_WORD.test(word)) return null;
  const len = [...word].length;
  for (const suffix of MONGOLIAN_SUFFIXES) {
    if (word.endsWith(suffix) && len - suffix.length >= MIN_STEM) return word.slice(0, word.length - suffix.length);
  }
  return null;
}

/** Splits a query into quoted phrases and bare chunks; an unclosed quote runs to the end. */
function chunks(raw: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  const re = /"([^"]*)"?|([^\s"]+)/g;
  for (const m of raw.replace(QUOTES, '"').matchAll(re)) {
    if (m[1] !== undefined) out.push({ text: m[1], quoted: true });
    else if (m[2] !== undefined) out.push({ text: m[2], quoted: false });
  }
  return out;
}

function clauseOf(text: string, quoted: boolean): Clause | null {
  const toks = tokenize(text);
  // A CJK run of two or more characters is fully covered by its bigrams; the tail would only
  // narrow the phrase to runs that end there.
  const last = toks[toks.length - 1];
  if (last && last.tail && last.run >= 2) toks.pop();
  const end = toks[toks.length - 1];
  if (!end) return null;
  const terms = toks.map((t) => t.term);
  if (end.kind === 'cjk') return { terms, prefix: end.tail };
  if (quoted) return { terms, prefix: false };
  if (terms.length === 1) {
    const stem = mongolianStem(end.term);
    if (stem) return { terms: [stem], prefix: true };
  }
  return { terms, prefix: HAS_LETTER.test(end.term) && [...end.term].length >= 3 };
}

/**
 * Parses what a reader typed: bare words are ANDed, each a prefix when it has 3+ characters
 * (Mongolian words stemmed first); "quoted text" is an exact phrase; Han and kana become phrases
 * of bigrams (substring search) and a single character a prefix.
 */
export function parseQuery(raw: string): ParsedQuery {
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  for (const c of chunks(raw)) {
    const clause = clauseOf(c.text, c.quoted);
    if (!clause) continue;
    const key = `${clause.terms.join(' ')}${clause.prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push(clause);
  }
  return { clauses };
}

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

export type Span = [start: number, end: number];

function termMatches(token: Token, term: string, prefix: boolean): boolean {
  return prefix ? token.term.startsWith(term) : token.term === term;
}

/**
 * Where the clauses of `query` occur in `text`, as merged UTF-16 spans of the original text.
 * Uses the same tokens as the index, so what is highlighted is what was matched.
 */
export function matchSpans(text: string, query: ParsedQuery): Span[] {
  if (query.clauses.length === 0 || text === '') return [];
  const tokens = tokenize(text);
  const spans: Span[] = [];
  for (const clause of query.clauses) {
    const k = clause.terms.length;
    for (let i = 0; i + k <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < k && ok; j++) {
        const lastTerm = j === k - 1;
        ok = termMatches(tokens[i + j] as Token, clause.terms[j] as string, lastTerm && clause.prefix);
      }
      if (!ok) continue;
      const first = tokens[i] as Token;
      const last = tokens[i + k - 1] as Token;
      // A one-character CJK prefix matched a bigram: mark that character, not its neighbour.
      const clauseLast = clause.terms[k - 1] as string;
      const end = last.kind === 'cjk' && clause.prefix && [...clauseLast].length === 1 ? last.mid : last.end;
      spans.push([first.start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const s of spans) {
    const top = merged[merged.length - 1];
    if (top && s[0] <= top[1]) top[1] = Math.max(top[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
