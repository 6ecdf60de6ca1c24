// Shared by the OAI-PMH tests: apps on a given engine (with or without the demo), requests,
// a small reader of responses, and schema validation with xmllint against the fixture schemas.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildApp, type App } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import type { Storage } from '../../src/storage/index.ts';
import { testConfig } from '../helpers/app.ts';

const run = promisify(execFile);

export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/oai-pmh/', import.meta.url));
export const SCHEMAS = join(FIXTURES, 'schemas');

export function fixturesMissing(): string | null {
  return existsSync(join(SCHEMAS, 'oai-pmh-all.xsd')) && existsSync(join(FIXTURES, 'protocol-cases.json')) ? null : `OAI-PMH fixtures missing at ${FIXTURES}`;
}

let xmllint: Promise<boolean> | null = null;
export function hasXmllint(): Promise<boolean> {
  xmllint ??= run('xmllint', ['--version']).then(
    () => true,
    () => false,
  );
  return xmllint;
}

/** Null when `xml` validates against oai-pmh-all.xsd offline (--nonet), else xmllint's complaint. */
export async function schemaErrors(xml: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-oai-'));
  const file = join(dir, 'response.xml');
  try {
    await writeFile(file, xml);
    await run('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'oai-pmh-all.xsd'), file], {
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
    });
    return null;
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    return e.stderr || e.message || String(err);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface OaiTestApp extends App {
  storage: Storage;
  media: MediaStore;
  dataDir: string;
  /** Closes the app (not the storage, which the test owns). */
  close(): Promise<void>;
}

/** An app on `storage`; with `demo`, the demo exhibition is loaded first. */
export async function oaiApp(storage: Storage, opts: { demo?: boolean; dataDir?: string } = {}): Promise<OaiTestApp> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'tsuzuri-oai-app-')));
  const media = new MediaStore(join(dataDir, 'media'));
  const app = await buildApp(testConfig(dataDir), { storage, media });
  if (opts.demo) await loadDemo(app.content, media);
  return {
    ...app,
    storage,
    media,
    dataDir,
    close: async () => {
      await app.fastify.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function oaiGet(app: App, query: string): Promise<string> {
  const res = await app.fastify.inject({ method: 'GET', url: `/oai${query ? `?${query}` : ''}` });
  if (res.statusCode !== 200) throw new Error(`GET /oai?${query}: status ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.headers['content-type'] !== 'text/xml; charset=utf-8') throw new Error(`GET /oai?${query}: content-type ${String(res.headers['content-type'])}`);
  return res.body;
}

// ---- reading responses (our own output, regular enough for patterns) --------------------------

export function errorCodes(xml: string): string[] {
  return [...xml.matchAll(/<error code="([A-Za-z]+)">/g)].map((m) => m[1] ?? '');
}

export interface Header {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
}

export function headers(xml: string): Header[] {
  return [...xml.matchAll(/<header( status="deleted")?>([\s\S]*?)<\/header>/g)].map((m) => {
    const body = m[2] ?? '';
    return {
      identifier: /<identifier>([^<]*)<\/identifier>/.exec(body)?.[1] ?? '',
      datestamp: /<datestamp>([^<]*)<\/datestamp>/.exec(body)?.[1] ?? '',
      deleted: m[1] !== undefined,
      sets: [...body.matchAll(/<setSpec>([^<]*)<\/setSpec>/g)].map((s) => s[1] ?? ''),
    };
  });
}

/** The resumption token's text ('' for the empty one that ends a list), or null without one. */
export function token(xml: string): string | null {
  const m = /<resumptionToken[^>]*?(?:\/>|>([^<]*)<\/resumptionToken>)/.exec(xml);
  if (!m) return null;
  return m[1] ?? '';
}

/** Follows resumption tokens to the end; `between` runs before each following request. */
export async function harvest(app: App, query: string, between?: (page: number) => Promise<void>): Promise<{ pages: string[]; headers: Header[] }> {
  const verb = /verb=(\w+)/.exec(query)?.[1] ?? '';
  const pages = [await oaiGet(app, query)];
  for (let t = token(pages[0] ?? ''); t; t = token(pages.at(-1) ?? '')) {
    if (pages.length > 1000) throw new Error('more than 1000 pages');
    await between?.(pages.length);
    pages.push(await oaiGet(app, `verb=${verb}&resumptionToken=${encodeURIComponent(t)}`));
  }
  return { pages, headers: pages.flatMap(headers) };
}
