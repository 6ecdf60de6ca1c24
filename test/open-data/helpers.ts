// Shared by the open-data tests: the demo app on a given engine, JSON-LD taken from pages, and
// an offline check of JSON-LD against the schema.org context and vocabulary in the shared
// fixtures (read in place; tests skip with a notice when they are missing).
import { existsSync, readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import type { Config } from '../../src/config.ts';
import type { Engine } from '../../src/storage/index.ts';
import { demoAppOn, type EngineTestApp } from '../helpers/app.ts';

export type OpenDataApp = EngineTestApp;

/** The app with the demo exhibition on `engine`; no port is opened. */
export function openDataApp(engine: Engine, over: Partial<Config> = {}): Promise<OpenDataApp> {
  return demoAppOn(engine, over);
}

export type Doc = Record<string, unknown>;

/** Every `<script type="application/ld+json">` block of a page, parsed, with its element id. */
export function jsonLdBlocks(html: string): { id: string | null; doc: Doc }[] {
  const out: { id: string | null; doc: Doc }[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json"([^>]*)>([\s\S]*?)<\/script>/g)) {
    const id = /\bid="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null;
    out.push({ id, doc: JSON.parse(m[2] ?? '') as Doc });
  }
  return out;
}

const FIXTURES = new URL('../../../shared/fixtures/schema-org/', import.meta.url);
const CONTEXT_FILE = new URL('vocab/schemaorgcontext.jsonld', FIXTURES);
const VOCAB_FILE = new URL('vocab/schemaorg-current-https.jsonld', FIXTURES);
export const EXAMPLES_DIR = new URL('examples/', FIXTURES);

/** Null when the fixtures are there, else why the schema checks are skipped (printed once). */
export const SCHEMA_MISSING: string | null = (() => {
  if (existsSync(CONTEXT_FILE) && existsSync(VOCAB_FILE)) return null;
  console.log('# NOTICE: schema.org fixtures (../shared/fixtures/schema-org/) missing; JSON-LD vocabulary checks skipped');
  return 'schema.org fixtures missing';
})();

/** The schema.org context as served at https://schema.org/, from the fixture. */
let contextDoc: unknown = null;
/** Local names of every class and property in the vocabulary ("ArchiveComponent", "holdingArchive"). */
let terms: Set<string> | null = null;

function load(): { context: unknown; terms: Set<string> } {
  if (!contextDoc || !terms) {
    contextDoc = JSON.parse(readFileSync(CONTEXT_FILE, 'utf8'));
    const vocab = JSON.parse(readFileSync(VOCAB_FILE, 'utf8')) as { '@graph': { '@id': string }[] };
    terms = new Set(vocab['@graph'].map((n) => n['@id']).filter((id) => id.startsWith('schema:')).map((id) => id.slice('schema:'.length)));
  }
  return { context: contextDoc, terms };
}

const SCHEMA_CONTEXT_URLS = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);

/** URLs the loader refused, so a test can see that nothing else was fetched. */
export const refusedUrls: string[] = [];

/** Serves only the fixture context; any other document is refused, so nothing goes to the network. */
const documentLoader = async (url: string) => {
  if (!SCHEMA_CONTEXT_URLS.has(url)) {
    refusedUrls.push(url);
    throw new Error(`document loader: refused ${url} (offline: only the schema.org context is served)`);
  }
  return { contextUrl: undefined, documentUrl: url, document: load().context };
};

// The typings lack `safe` and pick the callback overload for a loose options object.
const expandDoc = jsonld.expand as unknown as (doc: Doc, options: { documentLoader: typeof documentLoader; safe: boolean }) => Promise<unknown[]>;

/** The context's @vocab: every schema.org term expands under it. */
export const VOCAB = 'http://schema.org/';

/**
 * Expands a document offline and lists every property and type IRI that is not a schema.org
 * term in the fixture vocabulary: full `https://schema.org/…` IRIs (which the context does not
 * map), misspelt or invented terms, and anything outside schema.org.
 */
export async function unknownTerms(doc: Doc, options: { safe?: boolean } = {}): Promise<string[]> {
  const { terms: known } = load();
  // Safe mode (the default here) also fails on anything expansion would drop or could not resolve.
  const expanded = await expandDoc(doc, { documentLoader, safe: options.safe ?? true });
  const bad = new Set<string>();
  const check = (iri: string) => {
    if (!iri.startsWith(VOCAB) || !known.has(iri.slice(VOCAB.length))) bad.add(iri);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (k === '@type') {
        // A value object's @type is a datatype, not a class.
        if (!('@value' in (v as object))) for (const t of [val].flat()) check(String(t));
      } else if (!k.startsWith('@')) {
        check(k);
        walk(val);
      } else if (k === '@list' || k === '@set' || k === '@graph') {
        walk(val);
      }
    }
  };
  walk(expanded);
  if (expanded.length === 0) bad.add('(the document expanded to nothing)');
  return [...bad].sort();
}

/** Expanded form, for reading values by IRI. */
export async function expand(doc: Doc): Promise<Record<string, unknown>[]> {
  return (await expandDoc(doc, { documentLoader, safe: true })) as Record<string, unknown>[];
}
