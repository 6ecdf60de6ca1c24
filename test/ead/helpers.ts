// Shared pieces of the EAD import tests: where the shared fixtures are, a test archive, and a
// small EAD3 writer for files made in the test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { principalFrom, type Principal } from '../../src/domain/permissions.ts';
import type { Institution } from '../../src/domain/types.ts';

const SHARED = new URL('../../../shared/fixtures/ead/', import.meta.url);

/** A path in the shared EAD fixtures, or null (with a printed notice) when they are missing. */
export function eadFixture(rel: string): string | null {
  const path = fileURLToPath(new URL(rel, SHARED));
  if (existsSync(path)) return path;
  console.log(`# NOTICE: shared fixture ${rel} missing; tests that need it are skipped`);
  return null;
}

export const ARCHIVE: Institution = {
  id: 'ead-test-archive',
  parentId: null,
  name: { en: { value: 'EAD Test Archive', status: 'reviewed' } },
  scheme: 'free-text',
  homepage: null,
  country: null,
};

/** An archive whose codes must be "N-N": most finding-aid codes do not fit. */
export const STRICT_ARCHIVE: Institution = {
  id: 'ead-strict-archive',
  parentId: null,
  name: { en: { value: 'Strict Archive', status: 'reviewed' } },
  scheme: 'series-number',
  homepage: null,
  country: null,
};

export const ADMIN: Principal = principalFrom({ id: 'u-admin', name: 'Admin', isAdmin: true }, []);
export const CURATOR: Principal = principalFrom({ id: 'u-curator', name: 'Curator', isAdmin: false }, [{ role: 'curator', scope: ARCHIVE.id }]);
export const OTHER_CURATOR: Principal = principalFrom({ id: 'u-other', name: 'Other', isAdmin: false }, [{ role: 'curator', scope: STRICT_ARCHIVE.id }]);

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An EAD3 file around `dsc` (the components' XML). */
export function ead3(dsc: string, opts: { recordId?: string; lang?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ead xmlns="http://ead3.archivists.org/schema/">
  <control>
    <recordid>${esc(opts.recordId ?? 'test-0001')}</recordid>
    <filedesc><titlestmt><titleproper>Test finding aid</titleproper></titlestmt></filedesc>
    <maintenancestatus value="new"/>
    <maintenanceagency><agencyname>Test</agencyname></maintenanceagency>
    <languagedeclaration><language langcode="${opts.lang ?? 'eng'}"/><script scriptcode="Latn"/></languagedeclaration>
    <maintenancehistory><maintenanceevent><eventtype value="created"/><eventdatetime>2026</eventdatetime><agenttype value="human"/><agent>Test</agent></maintenanceevent></maintenancehistory>
  </control>
  <archdesc level="collection">
    <did><unittitle>Test collection</unittitle><unitid>TC</unitid></did>
    <dsc>
${dsc}
    </dsc>
  </archdesc>
</ead>
`;
}

/** One component with every field the importer maps. */
export const FULL = `
      <c01 level="series" id="s1">
        <did><unittitle>Correspondence</unittitle></did>
        <c02 level="file" id="f1">
          <did>
            <unitid>MS 12/3</unitid>
            <unittitle lang="eng">Letter to the legation</unittitle>
            <unitdatestructured unitdatetype="inclusive"><daterange><fromdate standarddate="19720210">10 February 1972</fromdate><todate standarddate="1972-03">March 1972</todate></daterange></unitdatestructured>
            <unitdate unitdatetype="bulk">winter 1972</unitdate>
            <physdescstructured coverage="whole" physdescstructuredtype="materialtype"><quantity>3</quantity><unittype>leaves</unittype></physdescstructured>
            <container localtype="box">4</container>
            <origination><persname><part localtype="surname">Tsedenbal</part><part localtype="forename">Yumjaagiin</part></persname></origination>
            <dao daotype="derived" href="https://archive.example/images/letter-1.jpg" linktitle="First page"/>
            <dao daotype="derived" href="https://archive.example/viewer/letter"/>
            <dao daotype="derived" href="images/local.jpg"/>
          </did>
          <scopecontent><p>A letter about the opening of the legation.</p></scopecontent>
          <controlaccess><corpname><part>Ministry of Foreign Affairs of Mongolia</part></corpname></controlaccess>
        </c02>
        <c02 level="file" id="f2">
          <did><unittitle>Undated note</unittitle><unitdate>around the time of the visit</unitdate></did>
        </c02>
      </c01>`;
