// Streaming reader of EAD3 and EAD 2002 finding aids. The file is read chunk by chunk with saxes
// (which knows no DTDs and loads nothing), and each component is handed on as soon as its end tag
// is read, so memory holds only the open components, never the whole file. The structure is
// checked while reading; anything the importer cannot trust is refused with its line.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { EadRefused } from './errors.ts';

export const EAD3_NS = 'http://ead3.archivists.org/schema/';
export const EAD2002_NS = 'urn:isbn:1-931666-22-9';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export type EadVersion = 'ead3' | 'ead2002';

/** Longest text kept from one element; longer descriptions are cut (and the cut is reported). */
export const MAX_TEXT = 100_000;

export interface EadHeader {
  version: EadVersion;
  /** The finding aid's own id (EAD3 recordid, EAD 2002 eadid). */
  recordId: string | null;
  title: string | null;
  /** Language the description is written in, as given (ISO 639-2 mostly). */
  descriptionLang: string | null;
  /** True for a file without a namespace, read as EAD 2002 (legacy exports). */
  assumedNamespace: boolean;
}

export interface EadName {
  kind: 'person' | 'corporate';
  /** The whole name as written (parts joined with ", " in EAD3 when they carry no types). */
  text: string;
  surname: string | null;
  forename: string | null;
  lang: string | null;
  /** origination: the creator; subject: a controlaccess heading. */
  role: 'origination' | 'subject';
  line: number;
}

export interface EadDate {
  /** The date as the archive wrote it, for reading. */
  text: string;
  /** The machine-readable form (`@normal`, or `@standarddate` ends joined by "/"). */
  normal: string | null;
  structured: boolean;
  type: string | null;
  line: number;
}

export interface EadDao {
  href: string;
  title: string | null;
  line: number;
}

export interface EadComponent {
  line: number;
  id: string | null;
  level: string | null;
  /** Position among the components, "2.1.4": stable while the file does not change. */
  path: string;
  /** Titles of the enclosing components, outermost first (the collection itself first). */
  ancestors: string[];
  unitids: { text: string; type: string | null }[];
  titles: { text: string; lang: string | null }[];
  dates: EadDate[];
  extents: string[];
  containers: string[];
  names: EadName[];
  daos: EadDao[];
  scope: string[];
  /** Emptied when the component ends (they become `scope` when it has none). */
  abstracts: string[];
  materialLangs: string[];
  hasChildren: boolean;
}

export type EadEvent =
  | { type: 'header'; header: EadHeader }
  | { type: 'component'; component: EadComponent }
  /** The collection described (`<archdesc>`), at its end: context, never an item. */
  | { type: 'collection'; component: EadComponent }
  | { type: 'warning'; line: number; why: string };

export type EadSource = AsyncIterable<Uint8Array | string> | Uint8Array | string;

interface Frame {
  comp: EadComponent;
  /** Index of the component's element in the element stack. */
  depth: number;
  archdesc: boolean;
  hasDid: boolean;
  children: number;
}

interface Capture {
  local: string;
  depth: number;
  text: string;
  attrs: Record<string, string>;
  line: number;
  parts: { type: string | null; text: string }[];
}

interface PendingDate {
  line: number;
  type: string | null;
  ends: { which: string; standard: string | null; text: string }[];
}

const NUMBERED = /^c(0[1-9]|1[0-2])$/;

// Only these elements' text is kept; the rest (a whole <dsc>) would grow with the file.
const CAPTURED = new Set([
  'recordid', 'eadid', 'titleproper',
  'unitid', 'unittitle', 'unitdate', 'datesingle', 'fromdate', 'todate', 'unitdatestructured',
  'extent', 'physdesc', 'quantity', 'unittype', 'physdescstructured', 'container',
  'part', 'persname', 'corpname', 'p', 'abstract',
]);

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Attributes by qualified name in our terms: "href", "xlink:href", "xml:lang". */
function attrsOf(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if (a.uri === XLINK_NS) out[`xlink:${a.local}`] = a.value;
    else if (a.uri === XML_NS) out[`xml:${a.local}`] = a.value;
    else if (a.uri === '' || a.uri === undefined) out[a.local] = a.value;
  }
  return out;
}

/** Finds the line of `<!ENTITY` (or of the internal subset) inside a DOCTYPE that ends on `endLine`. */
function lineInDoctype(doctype: string, endLine: number): number {
  const entity = doctype.indexOf('<!ENTITY');
  const at = entity >= 0 ? entity : doctype.indexOf('[');
  const after = doctype.slice(Math.max(at, 0));
  return endLine - (after.match(/\n/g)?.length ?? 0);
}

/**
 * Reads an EAD file and yields its header, then every component when its end tag has been read
 * (children before their parents), and warnings. Throws EadRefused for anything that makes the
 * file untrustworthy: not well-formed XML, a DOCTYPE with an internal subset (entity
 * declarations), an unknown namespace, components where the schema allows none.
 */
export async function* readEad(source: EadSource, signal?: AbortSignal): AsyncGenerator<EadEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: EadEvent[] = [];
  const names: string[] = [];
  const frames: Frame[] = [];
  const captures: Capture[] = [];
  let ns: string | null = null;
  let header: EadHeader | null = null;
  let sawHead = false;
  let sawArchdesc = false;
  let foreignDepth = -1;
  let tagLine = 1;
  let pendingDate: PendingDate | null = null;
  const headerInfo = { recordId: null as string | null, title: null as string | null, lang: null as string | null };

  const refuse = (code: ConstructorParameters<typeof EadRefused>[0], why: string, line = parser.line, column: number | null = null): never => {
    throw new EadRefused(code, why, line, column);
  };

  parser.on('error', (err) => {
    // saxes writes "line:column: message"; the message itself is what the archivist needs.
    const why = err.message.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
    refuse('not-xml', `the file is not well-formed XML: ${why}`, parser.line, parser.column);
  });
  parser.on('xmldecl', (d) => {
    if (d.encoding && !/^utf-?8$/i.test(d.encoding)) refuse('not-xml', `the file declares the encoding ${d.encoding}; only UTF-8 is read`);
  });
  parser.on('doctype', (d) => {
    if (/\[/.test(d)) {
      const entity = /<!ENTITY/.test(d);
      refuse(
        'doctype',
        entity
          ? 'the DOCTYPE declares entities; entity declarations (internal, external or recursive) are refused and nothing was read'
          : 'the DOCTYPE has an internal subset; declarations in a DOCTYPE are refused and nothing was read',
        lineInDoctype(d, parser.line),
      );
    }
    // A DOCTYPE naming only the EAD DTD is common in EAD 2002 exports: it is ignored, nothing is loaded.
    queue.push({ type: 'warning', line: parser.line, why: `the DOCTYPE (${norm(d)}) is ignored: no DTD is loaded` });
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });

  const current = (): Frame | undefined => frames[frames.length - 1];
  /** Element names between the current component (exclusive) and the element at `depth` (inclusive). */
  const within = (depth: number): string[] => {
    const f = current();
    return f ? names.slice(f.depth + 1, depth + 1) : [];
  };

  parser.on('opentag', (tag) => {
    const depth = names.length;
    names.push(tag.local);
    if (foreignDepth >= 0) {
      if (ns && tag.uri === ns) refuse('structure', `<${tag.name}> is an EAD element inside <objectxmlwrap>, which may hold only elements of other vocabularies`, tagLine);
      return;
    }
    if (depth === 0) {
      if (tag.local !== 'ead') refuse('namespace', `the root element is <${tag.name}>, not <ead>`, tagLine);
      if (tag.uri === EAD3_NS || tag.uri === EAD2002_NS) ns = tag.uri;
      else if (tag.uri === '') ns = '';
      else refuse('namespace', `the namespace ${JSON.stringify(tag.uri)} is neither EAD3 (${EAD3_NS}) nor EAD 2002 (${EAD2002_NS})`, tagLine);
      if (ns === '') queue.push({ type: 'warning', line: tagLine, why: 'the file has no namespace; it is read as EAD 2002' });
      return;
    }
    if (tag.uri !== ns) {
      if (tag.uri === XLINK_NS || tag.uri === XSI_NS) return;
      refuse('namespace', `<${tag.name}> is in the namespace ${JSON.stringify(tag.uri)}, which EAD does not allow here`, tagLine);
    }
    const version: EadVersion = ns === EAD3_NS ? 'ead3' : 'ead2002';
    const local = tag.local;
    const attrs = attrsOf(tag);
    if (local === 'objectxmlwrap') {
      foreignDepth = depth;
      return;
    }
    if (depth === 1) {
      if (local === 'control' || local === 'eadheader') {
        if (local === 'control' && attrs['lang']) headerInfo.lang = attrs['lang'];
        const expected = version === 'ead3' ? 'control' : 'eadheader';
        if (local !== expected) refuse('structure', `<${local}> belongs to ${version === 'ead3' ? 'EAD 2002' : 'EAD3'}, not to the ${version === 'ead3' ? 'EAD3' : 'EAD 2002'} namespace of this file`, tagLine);
        sawHead = true;
      } else if (local === 'archdesc') {
        if (!sawHead) refuse('structure', `<archdesc> comes before <${version === 'ead3' ? 'control' : 'eadheader'}>, which is required first`, tagLine);
        sawArchdesc = true;
        header = {
          version,
          recordId: headerInfo.recordId,
          title: headerInfo.title,
          descriptionLang: headerInfo.lang,
          assumedNamespace: ns === '',
        };
        queue.push({ type: 'header', header });
        frames.push({ comp: emptyComponent(tagLine, attrs, '', []), depth, archdesc: true, hasDid: false, children: 0 });
      }
      return;
    }
    if (depth >= 2 && (names[1] === 'control' || names[1] === 'eadheader')) {
      if ((local === 'language' && names.includes('languagedeclaration')) || (local === 'language' && names.includes('langusage'))) {
        headerInfo.lang = attrs['langcode'] ?? headerInfo.lang;
      }
      if (CAPTURED.has(local)) captures.push({ local, depth, text: '', attrs, line: tagLine, parts: [] });
      return;
    }
    const isComponent = local === 'c' || NUMBERED.test(local);
    if (isComponent) {
      const parent = current();
      const parentName = names[depth - 1];
      const numbered = NUMBERED.exec(local);
      if (numbered) {
        const n = Number(numbered[1]);
        const want = n === 1 ? 'dsc' : `c${String(n - 1).padStart(2, '0')}`;
        if (parentName !== want && !(n === 1 && parentName === 'dsc')) refuse('structure', `<${local}> must be inside <${want}>, not <${parentName}>`, tagLine);
      } else if (parentName !== 'dsc' && parentName !== 'c') {
        refuse('structure', `<c> must be inside <dsc> or another <c>, not <${parentName}>`, tagLine);
      }
      if (!parent) refuse('structure', `<${local}> is outside <archdesc>`, tagLine);
      if (parent) {
        parent.children += 1;
        parent.comp.hasChildren = true;
      }
      const pathOf = parent && !parent.archdesc ? `${parent.comp.path}.${parent.children}` : String(parent?.children ?? 1);
      const ancestors = parent ? [...parent.comp.ancestors, titleOf(parent.comp)].filter((t): t is string => t !== null) : [];
      frames.push({ comp: emptyComponent(tagLine, attrs, pathOf, ancestors), depth, archdesc: false, hasDid: false, children: 0 });
      return;
    }
    const frame = current();
    if (!frame) return;
    const rel = within(depth);
    if (local === 'did' && rel.length === 1) frame.hasDid = true;
    if ((local === 'dao' || local === 'daoloc') && !rel.includes('controlaccess')) {
      const href = attrs['href'] ?? attrs['xlink:href'];
      if (href) frame.comp.daos.push({ href: href.trim(), title: attrs['linktitle'] ?? attrs['xlink:title'] ?? attrs['title'] ?? null, line: tagLine });
    }
    if (local === 'language' && rel[0] === 'did' && rel.includes('langmaterial')) {
      const code = attrs['langcode'];
      if (code) frame.comp.materialLangs.push(code);
    }
    if (local === 'unitdatestructured' && rel.length === 2 && rel[0] === 'did') {
      pendingDate = { line: tagLine, type: attrs['unitdatetype'] ?? null, ends: [] };
    }
    // Paragraphs are kept from the scope and content note only; other notes can be long.
    if (local === 'p' && rel[0] !== 'scopecontent') return;
    if (CAPTURED.has(local)) captures.push({ local, depth, text: '', attrs, line: tagLine, parts: [] });
  });

  const onText = (text: string) => {
    if (foreignDepth >= 0) return;
    for (const c of captures) if (c.text.length < MAX_TEXT) c.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    const depth = names.length - 1;
    const local = names.pop();
    if (foreignDepth >= 0) {
      if (depth === foreignDepth) foreignDepth = -1;
      return;
    }
    if (local === undefined) return;
    const top = captures[captures.length - 1];
    const cap = top && top.depth === depth ? captures.pop() : undefined;
    const frame = current();
    if (frame && frame.depth === depth) {
      frames.pop();
      if (!frame.hasDid) refuse('structure', `<${local}> opened on line ${frame.comp.line} has no <did>, which EAD requires`);
      // The abstract stands in for a missing scope and content note.
      if (frame.comp.scope.length === 0) frame.comp.scope = frame.comp.abstracts;
      frame.comp.abstracts = [];
      queue.push(frame.archdesc ? { type: 'collection', component: frame.comp } : { type: 'component', component: frame.comp });
      return;
    }
    if (depth === 0) {
      if (!sawHead) refuse('structure', `the file has no <${ns === EAD3_NS ? 'control' : 'eadheader'}>, which EAD requires`);
      if (!sawArchdesc) refuse('structure', 'the file has no <archdesc>, which EAD requires');
      return;
    }
    if (!cap) return;
    if (names[1] === 'control' || names[1] === 'eadheader') {
      const text = norm(cap.text);
      if ((local === 'recordid' || local === 'eadid') && text) headerInfo.recordId ??= text;
      if (local === 'titleproper' && text && names.includes('titlestmt')) headerInfo.title ??= text;
      return;
    }
    if (!frame) return;
    const rel = [...within(depth), local];
    const c = frame.comp;
    const text = norm(cap.text);
    if (cap.text.length >= MAX_TEXT) queue.push({ type: 'warning', line: cap.line, why: `the text of <${local}> is longer than ${MAX_TEXT} characters and was cut` });
    const inDid = rel[0] === 'did';
    switch (local) {
      case 'unitid':
        if (inDid && rel.length === 2 && text) c.unitids.push({ text, type: cap.attrs['localtype'] ?? cap.attrs['type'] ?? null });
        break;
      case 'unittitle':
        if (inDid && rel.length === 2 && text) c.titles.push({ text, lang: cap.attrs['lang'] ?? cap.attrs['xml:lang'] ?? null });
        break;
      case 'unitdate':
        if (inDid && rel.length === 2 && (text || cap.attrs['normal'])) {
          c.dates.push({ text, normal: cap.attrs['normal']?.trim() || null, structured: false, type: cap.attrs['unitdatetype'] ?? cap.attrs['type'] ?? null, line: cap.line });
        }
        break;
      case 'datesingle':
      case 'fromdate':
      case 'todate':
        pendingDate?.ends.push({ which: local, standard: cap.attrs['standarddate']?.trim() || null, text });
        break;
      case 'unitdatestructured':
        if (pendingDate) {
          const d = structuredDate(pendingDate);
          if (d) c.dates.push(d);
          pendingDate = null;
        }
        break;
      case 'extent':
        if (inDid && text) c.extents.push(text);
        break;
      case 'physdesc':
        // EAD 2002 physdesc may wrap extents (taken above); its own text counts only without them.
        if (inDid && rel.length === 2 && text && !cap.parts.some((p) => p.type === 'extent')) c.extents.push(text);
        break;
      case 'quantity':
      case 'unittype':
        captures.find((x) => x.local === 'physdescstructured')?.parts.push({ type: local, text });
        break;
      case 'physdescstructured': {
        const q = cap.parts.find((p) => p.type === 'quantity')?.text;
        const u = cap.parts.find((p) => p.type === 'unittype')?.text;
        if (inDid && q) c.extents.push(u ? `${q} ${u}` : q);
        break;
      }
      case 'container':
        if (inDid && text) {
          const label = cap.attrs['localtype'] ?? cap.attrs['label'] ?? cap.attrs['type'];
          c.containers.push(label ? `${label} ${text}` : text);
        }
        break;
      case 'part': {
        const owner = [...captures].reverse().find((x) => x.local === 'persname' || x.local === 'corpname');
        owner?.parts.push({ type: cap.attrs['localtype'] ?? null, text });
        break;
      }
      case 'persname':
      case 'corpname': {
        const role = rel.includes('origination') ? 'origination' : rel.includes('controlaccess') ? 'subject' : null;
        if (role && text) c.names.push(nameOf(local === 'persname' ? 'person' : 'corporate', cap, text, role));
        break;
      }
      case 'p':
        if (rel[0] === 'scopecontent' && text) c.scope.push(text);
        break;
      case 'abstract':
        if (inDid && rel.length === 2 && text) c.abstracts.push(text);
        break;
      default:
        break;
    }
    // Extents and types reach their enclosing physdesc / physdescstructured through parts.
    if (local === 'extent') captures.find((x) => x.local === 'physdesc')?.parts.push({ type: 'extent', text });
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const feed = (chunk: Uint8Array | string) => {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      // The decoder does not say where; the first replacement character of a lenient decoding does.
      const loose = new TextDecoder('utf-8').decode(chunk as Uint8Array);
      const at = loose.indexOf('\uFFFD');
      const line = parser.line + (loose.slice(0, at < 0 ? loose.length : at).match(/\n/g)?.length ?? 0);
      refuse('not-xml', 'the file is not valid UTF-8', line);
      return;
    }
    parser.write(text);
  };

  const chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    if (signal?.aborted) throw new EadRefused('cancelled', 'the import was cancelled', parser.line);
    feed(chunk);
    while (queue.length) yield queue.shift() as EadEvent;
  }
  // Bytes of a character cut off at the very end are an encoding error too.
  try {
    const rest = decoder.decode();
    if (rest) parser.write(rest);
  } catch (err) {
    if (err instanceof EadRefused) throw err;
    refuse('not-xml', 'the file is not valid UTF-8');
  }
  parser.close();
  if (names.length === 0 && ns === null) refuse('not-xml', 'the file is empty or has no root element');
  while (queue.length) yield queue.shift() as EadEvent;
  if (!header) refuse('structure', 'the file has no <archdesc>, which EAD requires');
}

function emptyComponent(line: number, attrs: Record<string, string>, path: string, ancestors: string[]): EadComponent {
  const level = attrs['level'] === 'otherlevel' ? (attrs['otherlevel'] ?? 'otherlevel') : (attrs['level'] ?? null);
  return {
    line,
    id: attrs['id'] ?? null,
    level,
    path,
    ancestors,
    unitids: [],
    titles: [],
    dates: [],
    extents: [],
    containers: [],
    names: [],
    daos: [],
    scope: [],
    abstracts: [],
    materialLangs: [],
    hasChildren: false,
  };
}

export function titleOf(c: EadComponent): string | null {
  return c.titles[0]?.text ?? c.dates[0]?.text ?? c.unitids[0]?.text ?? null;
}

function structuredDate(p: PendingDate): EadDate | null {
  const single = p.ends.find((e) => e.which === 'datesingle');
  const from = p.ends.find((e) => e.which === 'fromdate');
  const to = p.ends.find((e) => e.which === 'todate');
  if (single && (!from || p.ends.indexOf(single) < p.ends.indexOf(from))) {
    return { text: single.text || single.standard || '', normal: single.standard, structured: true, type: p.type, line: p.line };
  }
  if (from || to) {
    const text = [from?.text, to?.text].filter(Boolean).join('–');
    // A range with one machine-readable end is still a range: the other end is unknown.
    const normal = from?.standard || to?.standard ? `${from?.standard ?? ''}/${to?.standard ?? ''}` : null;
    return { text, normal, structured: true, type: p.type, line: p.line };
  }
  return null;
}

function nameOf(kind: 'person' | 'corporate', cap: Capture, text: string, role: 'origination' | 'subject'): EadName {
  const typed = (...types: string[]) => cap.parts.find((p) => p.type && types.includes(p.type.toLowerCase()))?.text ?? null;
  let surname = kind === 'person' ? typed('surname', 'familyname', 'family') : null;
  let forename = kind === 'person' ? typed('forename', 'givenname', 'given') : null;
  // Parts without types (or a plain EAD 2002 name) read "Family, Given, dates".
  const whole = cap.parts.length
    ? cap.parts.filter((p) => !p.type || !/date/i.test(p.type)).map((p) => p.text).filter(Boolean).join(cap.parts.some((p) => p.type) ? ', ' : ' ')
    : text;
  if (kind === 'person' && !surname && !forename) {
    const cut = whole.split(',').map((s) => s.trim()).filter(Boolean);
    if (cut.length >= 2) {
      surname = cut[0] ?? null;
      forename = cut.slice(1).filter((s) => !/\d{3,4}/.test(s)).join(', ') || null;
    }
  }
  return { kind, text: whole.replace(/,?\s*\(?\d{3,4}\??-(\d{3,4})?\??\)?\.?$/, '').trim() || whole, surname, forename, lang: cap.attrs['lang'] ?? null, role, line: cap.line };
}
