// Shared pieces of the XLIFF tests: the demo on a fresh database of each engine, the
// official schemas read in place, and the users who import.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { principalFrom, type Principal } from '../../src/domain/permissions.ts';
import { encodeUnitId, sourceFingerprint, type XliffDocument, type XliffUnit, type XliffVersion } from '../../src/xliff/model.ts';
import { MediaStore } from '../../src/media/store.ts';
import { ContentService } from '../../src/services/content.ts';
import { loadDemo } from '../../src/services/demo.ts';
import type { Engine } from '../../src/storage/index.ts';
import { demoAppOn as demoAppOnEngine, type TestApp } from '../helpers/app.ts';
import { freshStorage, type TestStorage } from '../helpers/engines.ts';

export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/xliff/', import.meta.url));

export const admin: Principal = principalFrom({ id: 'u-admin', name: 'Admin', isAdmin: true }, []);
export const translatorMn: Principal = principalFrom({ id: 'u-mn', name: 'Mn', isAdmin: false }, [{ role: 'translator', scope: 'mn' }]);
export const translatorJa: Principal = principalFrom({ id: 'u-ja', name: 'Ja', isAdmin: false }, [{ role: 'translator', scope: 'ja' }]);

/** A fresh database of `engine` with the demo exhibition loaded; `dispose` removes it. */
export async function demoStorage(engine: Engine): Promise<TestStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-xliff-'));
  const storage = await freshStorage(engine);
  await loadDemo(new ContentService(storage.store), new MediaStore(join(dir, 'media')));
  return {
    ...storage,
    dispose: async () => {
      await storage.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const SCHEMAS = {
  '2.0': join(FIXTURES, 'schemas/xliff-2.0/xliff_core_2.0.xsd'),
  '1.2-strict': join(FIXTURES, 'schemas/xliff-1.2/xliff-core-1.2-strict.xsd'),
  '1.2-transitional': join(FIXTURES, 'schemas/xliff-1.2/xliff-core-1.2-transitional.xsd'),
} as const;

/** Why schema validation cannot run here, or null when xmllint and the fixtures are present. */
export function xmllintMissing(): string | null {
  if (!existsSync(SCHEMAS['2.0']) || !existsSync(join(FIXTURES, 'schemas/catalog.xml'))) return `XLIFF fixtures missing at ${FIXTURES}`;
  const r = spawnSync('xmllint', ['--version']);
  if (r.error) return 'xmllint missing (Debian package libxml2-utils)';
  return null;
}

/** Runs xmllint offline against one of the official schemas: exit status 0 = valid. */
export async function xmllint(xml: string, schema: keyof typeof SCHEMAS): Promise<{ status: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-xmllint-'));
  const file = join(dir, 'export.xlf');
  await writeFile(file, xml, 'utf8');
  try {
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMAS[schema], file], {
      env: { ...process.env, XML_CATALOG_FILES: join(FIXTURES, 'schemas/catalog.xml') },
      encoding: 'utf8',
    });
    return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Debian's translate-toolkit through Debian's own python3 (its module is not visible to others). */
export function translateToolkitMissing(): string | null {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return 'no /usr/bin/python3';
  const r = spawnSync(python, ['-c', 'import translate.storage.factory'], { encoding: 'utf8' });
  return r.status === 0 ? null : 'translate-toolkit missing (Debian package translate-toolkit)';
}

/** Units translate-toolkit reads from an XLIFF file: [id, source, target, translated?]. */
export async function readWithTranslateToolkit(xml: string): Promise<{ id: string; source: string; target: string; translated: boolean }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-ttk-'));
  const file = join(dir, 'export.xlf');
  await writeFile(file, xml, 'utf8');
  try {
    // translate-toolkit prefixes an id with its file's original and U+0004.
    const script = [
      'import json, sys',
      'from translate.storage import factory',
      's = factory.getobject(sys.argv[1])',
      'print(json.dumps([{"id": u.getid().split("\\x04")[-1], "source": str(u.source), "target": str(u.target or ""), "translated": bool(u.istranslated())} for u in s.units if not u.isheader()]))',
    ].join('\n');
    const out = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    return JSON.parse(out) as { id: string; source: string; target: string; translated: boolean }[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Texts that break naive writers: markup characters, astral and combined characters, scripts, white space. */
export const TRICKY: Record<string, string> = {
  markup: `a < b && c > d "quoted" 'single' ]]> <![CDATA[x]]> &amp;`,
  emoji: 'Archives 📜 and 👩🏽‍🔬 researchers 🇯🇵🇲🇳',
  combining: 'Cafe\u0301 — e\u0301 stays decomposed; Ё = Е\u0308',
  cjk: '日本とモンゴル~綴られた交流のあゆみ~ 외교 关系',
  mongolian: 'Монгол Улс ᠮᠣᠩᠭᠣᠯ ᠤᠯᠤᠰ',
  rtl: 'العربية والعبرية עברית mixed with English',
  lines: 'First paragraph.\n\nSecond paragraph\nwith a line break.',
  crlf: 'carriage\r\nreturn',
  spaces: '  two leading, two  inside, tab\there, trailing  ',
};

export function unit(id: string, source: string, target?: string, state: XliffUnit['state'] = target === undefined ? 'missing' : 'draft'): { kind: 'unit' } & XliffUnit {
  return { kind: 'unit', id, name: 'caption', source, ...(target !== undefined ? { target } : {}), state, fingerprint: sourceFingerprint(source), notes: [{ category: 'location', text: `Note with <markup> & "quotes" for ${id}` }] };
}

export function trickyDoc(): XliffDocument {
  const entries = Object.entries(TRICKY).map(([k, v]) => unit(encodeUnitId({ entity: 'item', id: `tricky-${k}`, field: 'caption' }), v, `${v} ⇒ ${k}`));
  return {
    srcLang: 'en',
    trgLang: 'ar',
    srcDir: 'ltr',
    trgDir: 'rtl',
    files: [
      { id: 'f1', original: 'exhibition/x/chapter/c1', entries: [{ kind: 'group', id: 'item.tricky', name: 'tricky <texts>', entries }] },
      { id: 'f2', original: 'exhibition/x', entries: [unit('exhibition.x.title', 'Title'), unit('exhibition.x.intro', 'Intro', 'Old intro', 'outdated'), unit('exhibition.x.subtitle', 'Sub', 'Sous-titre', 'reviewed')] },
    ],
  };
}

/** The app with the demo on a fresh database of `engine` (no port opened). */
export function demoAppOn(engine: Engine): Promise<TestApp> {
  return demoAppOnEngine(engine);
}

/** Replaces (or adds) the target of one unit in an exported file, as a translation tool would. */
export function setTarget(xml: string, unitId: string, text: string, version: XliffVersion): string {
  const tag = version === '2.0' ? 'unit' : 'trans-unit';
  const re = new RegExp(`(<${tag} id="${unitId.replace(/[.]/g, '\\.')}"[\\s\\S]*?</${tag}>)`);
  const m = re.exec(xml);
  assert.ok(m, `unit ${unitId} in the export`);
  const block = m[1] ?? '';
  const target = version === '2.0' ? `<target>${text}</target>` : `<target state="translated">${text}</target>`;
  const changed = /<target[\s\S]*?<\/target>/.test(block) ? block.replace(/<target[\s\S]*?<\/target>/, target) : block.replace('</source>', `</source>${target}`);
  // A translator's tool moves the segment on from "initial" when it writes a translation.
  return xml.replace(block, version === '2.0' ? changed.replace(/state="initial"( subState="[^"]*")?/, 'state="translated"') : changed);
}
