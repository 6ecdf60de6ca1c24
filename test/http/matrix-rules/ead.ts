// Authorization rules of the EAD import pages: only curators (of the chosen archive) and
// administrators upload and confirm; a job's pages answer its owner (any workspace role).
import { pendingEad } from '../../../src/http/admin/ead-routes.ts';
import { importEad } from '../../../src/import/ead/import.ts';
import { jobs } from '../../../src/import/jobs.ts';
import type { EadJobResult } from '../../../src/views/admin/ead.tsx';
import type { MatrixEnv, Persona, Rule } from '../matrix.ts';

const INSTITUTION = 'mn-mfa-ca'; // free-text codes; curated by curatorMfa

const EMAIL: Record<Persona, string> = {
  anonymous: '',
  admin: 'admin@x.example',
  curatorMfa: 'mfa@x.example',
  curatorNaj: 'naj@x.example',
  translatorMn: 'mn@x.example',
  reviewer: 'reviewer@x.example',
  viewer: 'viewer@x.example',
  noRole: 'nobody@x.example',
};

function finding(n: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ead xmlns="http://ead3.archivists.org/schema/">
  <control><recordid>matrix-${n}</recordid><filedesc><titlestmt><titleproper>Matrix</titleproper></titlestmt></filedesc></control>
  <archdesc level="collection"><did><unittitle>Matrix papers</unittitle></did>
    <dsc><c level="file"><did><unitid>MX-${n}</unitid><unittitle>Matrix file ${n}</unittitle></did></c></dsc>
  </archdesc>
</ead>`;
}

export function eadRules(env: MatrixEnv): Record<string, Rule> {
  const userId = async (p: Persona) => (EMAIL[p] ? ((await env.app().storage.workspace.userByEmail(EMAIL[p]))?.id ?? 'nobody') : 'nobody');
  /** A finished dry run of `persona`, optionally with an upload waiting for confirmation. */
  const dryRun = async (persona: Persona, keep: boolean) => {
    const n = env.next();
    const xml = finding(n);
    const owner = await userId(persona);
    const report = await importEad(env.app().storage, xml, { institutionId: INSTITUTION, principal: env.principal(), dryRun: true });
    const token = keep ? await pendingEad.add({ ownerId: owner, institutionId: INSTITUTION, filename: `matrix-${n}.xml` }, Buffer.from(xml)) : null;
    const job = jobs.start('ead-dry-run', owner, async (): Promise<EadJobResult> => ({ report, token, institutionId: INSTITUTION, filename: `matrix-${n}.xml` }));
    await jobs.settled(job.id);
    return { job, token };
  };
  return {
    'GET /admin/ead': { expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' }, rest: 'deny' },
    'POST /admin/ead': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async () => {
        const n = env.next();
        return { url: '/admin/ead', upload: { fields: { institution: INSTITUTION }, file: { filename: `matrix-${n}.xml`, type: 'application/xml', data: Buffer.from(finding(n)) } } };
      },
    },
    'GET /admin/ead/jobs/:id': {
      expect: { anonymous: 'login', noRole: 'deny' },
      rest: 'allow',
      prepare: async (persona) => ({ url: `/admin/ead/jobs/${(await dryRun(persona, false)).job.id}` }),
    },
    'POST /admin/ead/jobs/:id/cancel': {
      expect: { anonymous: 'login', noRole: 'deny' },
      rest: 'allow',
      prepare: async (persona) => {
        // A running import of the persona's own that ends when cancelled (or after a while).
        const job = jobs.start('ead-import', await userId(persona), (signal) =>
          new Promise<never>((_resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('not cancelled')), 5000);
            signal.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(new Error('cancelled'));
            });
          }),
        );
        return { url: `/admin/ead/jobs/${job.id}/cancel`, form: {} };
      },
    },
    'POST /admin/ead/jobs/:id/confirm': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async (persona) => {
        const { job, token } = await dryRun(persona, true);
        return { url: `/admin/ead/jobs/${job.id}/confirm`, form: { token: token ?? '' } };
      },
    },
  };
}
