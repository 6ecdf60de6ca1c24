// The importer's own checks against the official schemas (xmllint with the fixtures' XSDs, read
// in place): every sample the schema accepts is read, every sample the importer refuses is one
// the schema refuses, the legacy namespace-less export is the one documented exception, and
// the file the mapping tests are built on is valid EAD3.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { EadRefused } from '../../src/import/ead/errors.ts';
import { readEad } from '../../src/import/ead/reader.ts';
import { ead3, eadFixture, FULL } from './helpers.ts';

const EAD3_XSD = eadFixture('schemas/ead3/ead3.xsd');
const EAD2002_XSD = eadFixture('schemas/ead2002/ead.xsd');
const SAMPLES = eadFixture('samples/');
const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
if (!XMLLINT) console.log('# NOTICE: xmllint (Debian libxml2-utils) missing; schema checks skipped');

/** True when xmllint validates the file against the schema (offline). */
function schemaValid(file: string, xsd: string): boolean {
  const env = { ...process.env, XML_CATALOG_FILES: join(dirname(xsd), 'catalog.xml') };
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], { env }).status === 0;
}

async function importerAccepts(file: string): Promise<{ ok: true } | { ok: false; err: EadRefused }> {
  try {
    // Reading to the end is the check.
    const events = readEad(createReadStream(file));
    while (!(await events.next()).done);
    return { ok: true };
  } catch (err) {
    if (err instanceof EadRefused) return { ok: false, err };
    throw err;
  }
}

/** Samples the schema refuses that the importer reads on purpose (see the fixtures' README). */
const ACCEPTED_ANYWAY = new Set(['saa_Kitchen_sink_AT_output_EAD_with_enumerated_Cs.xml']);

describe('the importer against the EAD schemas', { skip: !XMLLINT || !EAD3_XSD || !EAD2002_XSD || !SAMPLES ? 'xmllint or schemas missing' : false }, () => {
  it('reads every sample the schema accepts and refuses only samples the schema refuses', async () => {
    for (const [dir, xsd] of [
      ['ead3', EAD3_XSD],
      ['ead2002', EAD2002_XSD],
    ] as const) {
      for (const name of readdirSync(join(SAMPLES ?? '', dir))) {
        const file = join(SAMPLES ?? '', dir, name);
        const valid = schemaValid(file, xsd ?? '');
        const read = await importerAccepts(file);
        if (valid) assert.ok(read.ok, `${dir}/${name} is valid but refused: ${read.ok ? '' : read.err.message}`);
        else if (ACCEPTED_ANYWAY.has(name)) assert.ok(read.ok, `${dir}/${name} is documented as accepted`);
        else assert.equal(read.ok, false, `${dir}/${name} is invalid by the schema but was read`);
        console.log(`#   ${`${dir}/${name}`.padEnd(62)} schema ${valid ? 'valid  ' : 'invalid'}  importer ${read.ok ? 'reads it' : `refuses: ${read.err.message}`}`);
      }
    }
  });

  it('builds its mapping tests on a valid EAD3 file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-ead-xsd-'));
    try {
      const file = join(dir, 'full.xml');
      // The relative and page addresses are valid anyURIs: the schema accepts them, the importer reports them.
      await writeFile(file, ead3(FULL));
      assert.ok(schemaValid(file, EAD3_XSD ?? ''), 'the mapping test file is valid EAD3');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
