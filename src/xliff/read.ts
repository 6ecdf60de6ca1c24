// A safe XLIFF 2.0 / 1.2 reader over saxes: no DTD, no entities beyond XML's five, a size
// limit checked before any parsing, and the line and column of every problem in the file.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { NS_12, NS_20, NS_MDA, type XliffVersion } from './model.ts';

/** Larger files are refused before parsing. */
export const MAX_XLIFF_BYTES = 20 * 1024 * 1024;
export const MAX_UNITS = 50_000;
const MAX_DEPTH = 64;

/**
 * Why a file cannot be read, in English for logs and the command line; the workspace shows
 * the same reason from the catalogs (`xliff.refused.<code>`).
 */
const REASONS = {
  tooLarge: (v) => `the file is ${v['size']} MB; at most ${v['max']} MB is accepted`,
  utf16: () => 'the file is in UTF-16; save it as UTF-8 and try again',
  notUtf8: () => 'the file is not valid UTF-8 text',
  encoding: (v) => `the file declares encoding "${v['encoding']}"; only UTF-8 is read`,
  doctype: () => 'a DOCTYPE declaration is not allowed in an XLIFF file (it could define entities or load external files)',
  depth: (v) => `elements are nested more than ${v['max']} deep`,
  rootName: (v) => `the root element is <${v['name']}>, not <xliff>`,
  namespace: (v) => `the root element is in the namespace "${v['ns'] || '(none)'}"; expected XLIFF 2.0 (${NS_20}) or 1.2 (${NS_12})`,
  version20: (v) => `version="${v['version']}" does not match the XLIFF 2.0 namespace (2.0 or 2.1 expected)`,
  version12: (v) => `version="${v['version']}" does not match the XLIFF 1.2 namespace`,
  noSrcLang: () => 'the <xliff> element has no srcLang',
  noSourceLanguage: () => 'the <file> element has no source-language',
  fingerprintMarkup: (v) => `unexpected <${v['element']}> inside the fingerprint`,
  badCp: (v) => `<cp hex="${v['hex']}"> is not a code point`,
  tooManyUnits: (v) => `the file has more than ${v['max']} units`,
  noId: (v) => `a <${v['element']}> has no id`,
  badState: (v) => `state="${v['state']}" is not an XLIFF 2.0 state (initial, translated, reviewed, final)`,
  noRoot: () => 'the file has no <xliff> root element',
  xml: (v) => String(v['why']),
} satisfies Record<string, (v: Record<string, string | number>) => string>;

export type RefusalCode = keyof typeof REASONS;

/** The file cannot be read at all: nothing in it is used. */
export class XliffRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly values: Record<string, string | number> = {},
    message = REASONS[code](values),
  ) {
    super(message);
  }
}

/** A problem at a place in the file (line and column are 1-based). */
export class XliffParseError extends XliffRefused {
  constructor(
    code: RefusalCode,
    values: Record<string, string | number>,
    readonly line: number,
    readonly column: number,
  ) {
    super(code, values, `line ${line}, column ${column}: ${REASONS[code](values)}`);
  }
}

/** Segment states of XLIFF 2.0; 1.2 states are mapped onto them (see `state12`). */
export type ReadState = 'initial' | 'translated' | 'reviewed' | 'final';

export interface ReadUnit {
  id: string;
  line: number;
  column: number;
  /** The file's `original` (or its id when there is none). */
  file: string;
  sourceLang: string;
  /** The target's own xml:lang, else the file's target language; null when neither is given. */
  targetLang: string | null;
  source: string;
  /** Null when the unit has no target element. */
  target: string | null;
  state: ReadState;
  /** The state as written (a 1.2 value, or "approved"), for reports. */
  rawState: string | null;
  fingerprint: string | null;
  /** False for `translate="no"`. */
  translate: boolean;
  /** Things in the unit that cannot become plain text (inline codes, a missing segment target). */
  problems: ReadProblem[];
}

/** A reason a unit cannot be imported, as a message key and its values. */
export interface ReadProblem {
  code: 'inlineCode' | 'partialTarget' | 'mixedLangs';
  values: Record<string, string | number>;
}

export interface ReadDocument {
  version: XliffVersion;
  srcLang: string;
  trgLang: string | null;
  /** `original` of every file, in order. */
  originals: string[];
  units: ReadUnit[];
}

const ORDER: ReadState[] = ['initial', 'translated', 'reviewed', 'final'];

/** XLIFF 1.2 → the 2.0 scale: approved or signed off is reviewed; "needs…" and "new" are not done yet. */
export function state12(state: string | null, approved: boolean, hasTarget: boolean): ReadState {
  if (approved || state === 'signed-off') return 'reviewed';
  if (state === 'final') return 'final';
  if (state === 'translated') return 'translated';
  if (state === null) return hasTarget ? 'translated' : 'initial';
  return 'initial';
}

/** Inline elements whose content is text of the segment. */
const PASS_20 = new Set(['mrk', 'pc', 'sm', 'em']);
const PASS_12 = new Set(['mrk', 'g']);

interface Capture {
  kind: 'source' | 'target' | 'fingerprint';
  depth: number;
  text: string;
  /** > 0 while inside an inline code whose content is not text. */
  skip: number;
}

interface Segment {
  source: string;
  target: string | null;
  targetLang: string | null;
  state: ReadState | null;
  ignorable: boolean;
}

interface UnitDraft {
  id: string;
  line: number;
  column: number;
  depth: number;
  file: string;
  sourceLang: string;
  fileTrgLang: string | null;
  translate: boolean;
  fingerprint: string | null;
  problems: ReadProblem[];
  segments: Segment[];
  current: Segment | null;
  // 1.2 only
  approved: boolean;
  rawState: string | null;
}

function decode(input: Buffer | string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if ((input[0] === 0xfe && input[1] === 0xff) || (input[0] === 0xff && input[1] === 0xfe)) {
    throw new XliffRefused('utf16');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    throw new XliffRefused('notUtf8');
  }
}

export function readXliff(input: Buffer | string, opts: { maxBytes?: number } = {}): ReadDocument {
  const max = opts.maxBytes ?? MAX_XLIFF_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > max) throw new XliffRefused('tooLarge', { size: (size / 1048576).toFixed(1), max: (max / 1048576).toFixed(0) });
  const xml = decode(input);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const fail = (code: RefusalCode, values: Record<string, string | number> = {}): never => {
    throw new XliffParseError(code, values, parser.line, parser.column + 1);
  };
  parser.on('error', (err) => {
    // saxes prefixes its message with the position; ours carries it separately.
    fail('xml', { why: err.message.replace(/^\d+:\d+: /, '') });
  });
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) fail('encoding', { encoding: decl.encoding });
  });
  // No DTD is ever read: a DOCTYPE may declare entities (external files, "billion laughs").
  parser.on('doctype', () => fail('doctype'));

  let version: XliffVersion | null = null;
  let ns = '';
  let srcLang = '';
  let trgLang: string | null = null;
  const originals: string[] = [];
  const units: ReadUnit[] = [];
  const stack: SaxesTagNS[] = [];
  let file: { name: string; srcLang: string; trgLang: string | null } | null = null;
  let unit: UnitDraft | null = null;
  let capture: Capture | null = null;
  /** > 0 inside an element of another namespace (extensions we do not read). */
  let foreign = 0;
  let fileCount = 0;

  const attr = (tag: SaxesTagNS, local: string, uri = ''): string | null => {
    for (const a of Object.values(tag.attributes)) if (a.local === local && a.uri === uri) return a.value;
    return null;
  };
  const XML = 'http://www.w3.org/XML/1998/namespace';

  parser.on('opentag', (tag) => {
    const depth = stack.length;
    stack.push(tag);
    if (depth >= MAX_DEPTH) fail('depth', { max: MAX_DEPTH });
    if (depth === 0) {
      if (tag.local !== 'xliff') fail('rootName', { name: tag.name });
      const declared = attr(tag, 'version') ?? '';
      if (tag.uri === NS_20) {
        if (!/^2\.[01]$/.test(declared)) fail('version20', { version: declared });
        version = '2.0';
        srcLang = attr(tag, 'srcLang') ?? '';
        trgLang = attr(tag, 'trgLang');
        if (!srcLang) fail('noSrcLang');
      } else if (tag.uri === NS_12) {
        if (declared !== '1.2') fail('version12', { version: declared });
        version = '1.2';
      } else {
        fail('namespace', { ns: tag.uri });
      }
      ns = tag.uri;
      return;
    }
    if (capture) {
      if (capture.kind === 'fingerprint') fail('fingerprintMarkup', { element: tag.name });
      const pass = version === '2.0' ? PASS_20 : PASS_12;
      if (tag.uri === ns && pass.has(tag.local)) return;
      if (version === '2.0' && tag.uri === ns && tag.local === 'cp') {
        const hex = attr(tag, 'hex') ?? '';
        const code = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (Number.isNaN(code) || code > 0x10ffff) fail('badCp', { hex });
        if (capture.skip === 0) capture.text += String.fromCodePoint(code);
        return;
      }
      if (capture.skip === 0) unit?.problems.push({ code: 'inlineCode', values: { part: capture.kind, element: tag.local } });
      capture.skip++;
      return;
    }
    if (foreign > 0 || tag.uri !== ns) {
      // The fingerprint is the one extension element we read (XLIFF 2.0 Metadata module).
      if (unit && version === '2.0' && tag.uri === NS_MDA && tag.local === 'meta' && attr(tag, 'type') === 'source-fingerprint') {
        capture = { kind: 'fingerprint', depth: stack.length, text: '', skip: 0 };
        return;
      }
      if (tag.uri !== NS_MDA || foreign > 0) foreign++;
      return;
    }
    const parent = stack[depth - 1]?.local;
    if (tag.local === 'file' && parent === 'xliff') {
      fileCount++;
      const original = attr(tag, 'original');
      const name = original ?? attr(tag, 'id') ?? `file ${fileCount}`;
      if (original !== null) originals.push(original);
      if (version === '1.2') {
        const s = attr(tag, 'source-language') ?? '';
        if (!s) fail('noSourceLanguage');
        if (!srcLang) srcLang = s;
        const t = attr(tag, 'target-language');
        if (trgLang === null) trgLang = t;
        file = { name, srcLang: s, trgLang: t };
      } else {
        file = { name, srcLang, trgLang };
      }
      return;
    }
    const isUnit = version === '2.0' ? tag.local === 'unit' : tag.local === 'trans-unit';
    if (isUnit && file && !unit) {
      if (units.length >= MAX_UNITS) fail('tooManyUnits', { max: MAX_UNITS });
      const id = attr(tag, 'id');
      if (id === null || id === '') fail('noId', { element: tag.local });
      unit = {
        id: id ?? '',
        line: parser.line,
        column: parser.column + 1,
        depth: stack.length,
        file: file.name,
        sourceLang: file.srcLang,
        fileTrgLang: file.trgLang,
        translate: attr(tag, 'translate') !== 'no',
        fingerprint: version === '1.2' ? attr(tag, 'extradata') : null,
        problems: [],
        segments: [],
        current: null,
        approved: attr(tag, 'approved') === 'yes',
        rawState: null,
      };
      return;
    }
    if (!unit) return;
    if (version === '2.0' && (tag.local === 'segment' || tag.local === 'ignorable') && parent === 'unit') {
      const raw = attr(tag, 'state');
      if (raw !== null && !ORDER.includes(raw as ReadState)) fail('badState', { state: raw });
      unit.current = { source: '', target: null, targetLang: null, state: (raw as ReadState | null) ?? null, ignorable: tag.local === 'ignorable' };
      if (raw !== null) unit.rawState = unit.rawState ?? raw;
      return;
    }
    const holder = version === '2.0' ? (parent === 'segment' || parent === 'ignorable') && unit.current : parent === 'trans-unit' && stack.length === unit.depth + 1;
    if (holder && (tag.local === 'source' || tag.local === 'target')) {
      if (version === '1.2') {
        unit.current ??= { source: '', target: null, targetLang: null, state: null, ignorable: false };
        if (tag.local === 'target') unit.rawState = attr(tag, 'state');
      }
      if (tag.local === 'target' && unit.current) unit.current.targetLang = attr(tag, 'lang', XML);
      capture = { kind: tag.local, depth: stack.length, text: '', skip: 0 };
    }
  });

  const onText = (text: string) => {
    if (capture && capture.skip === 0) capture.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag) => {
    const depth = stack.length;
    stack.pop();
    if (capture) {
      if (depth > capture.depth) {
        const pass = version === '2.0' ? PASS_20 : PASS_12;
        if (!(tag.uri === ns && (pass.has(tag.local) || (version === '2.0' && tag.local === 'cp')))) capture.skip--;
        return;
      }
      const c = capture;
      capture = null;
      if (!unit) return;
      if (c.kind === 'fingerprint') unit.fingerprint = c.text.trim();
      else if (unit.current) {
        if (c.kind === 'source') unit.current.source += c.text;
        else unit.current.target = (unit.current.target ?? '') + c.text;
      }
      return;
    }
    if (foreign > 0) {
      foreign--;
      return;
    }
    if (!unit) {
      if (tag.local === 'file' && tag.uri === ns) file = null;
      return;
    }
    if (version === '2.0' && (tag.local === 'segment' || tag.local === 'ignorable') && unit.current && depth === unit.depth + 1) {
      unit.segments.push(unit.current);
      unit.current = null;
      return;
    }
    if (depth === unit.depth) {
      if (version === '1.2' && unit.current) unit.segments.push(unit.current);
      units.push(finish(unit, version ?? '2.0'));
      unit = null;
    }
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof XliffRefused) throw err;
    throw new XliffParseError('xml', { why: err instanceof Error ? err.message.replace(/^\d+:\d+: /, '') : String(err) }, parser.line, parser.column + 1);
  }
  if (!version) throw new XliffRefused('noRoot');
  return { version, srcLang, trgLang, originals, units };
}

function finish(u: UnitDraft, version: XliffVersion): ReadUnit {
  const segs = u.segments;
  const source = segs.map((s) => s.source).join('');
  const translated = segs.filter((s) => !s.ignorable);
  const withTarget = translated.filter((s) => s.target !== null);
  let target: string | null = null;
  if (withTarget.length > 0) {
    if (withTarget.length < translated.length) u.problems.push({ code: 'partialTarget', values: { missing: translated.length - withTarget.length, total: translated.length } });
    // An ignorable without a target keeps its source (white space between segments).
    target = segs.map((s) => s.target ?? (s.ignorable ? s.source : '')).join('');
  }
  const langs = new Set(withTarget.map((s) => s.targetLang).filter((l): l is string => l !== null));
  if (langs.size > 1) u.problems.push({ code: 'mixedLangs', values: { langs: [...langs].join(', ') } });
  const targetLang = [...langs][0] ?? u.fileTrgLang;
  let state: ReadState;
  if (version === '1.2') state = state12(u.rawState, u.approved, target !== null);
  else {
    // A unit is as far along as its least advanced segment; no state means initial.
    const states = translated.map((s) => s.state ?? 'initial');
    state = states.reduce<ReadState>((a, b) => (ORDER.indexOf(b) < ORDER.indexOf(a) ? b : a), states[0] ?? 'initial');
  }
  return {
    id: u.id,
    line: u.line,
    column: u.column,
    file: u.file,
    sourceLang: u.sourceLang,
    targetLang,
    source,
    target,
    state,
    rawState: version === '1.2' && u.approved ? `approved${u.rawState ? `, ${u.rawState}` : ''}` : u.rawState,
    fingerprint: u.fingerprint,
    translate: u.translate,
    problems: u.problems,
  };
}
