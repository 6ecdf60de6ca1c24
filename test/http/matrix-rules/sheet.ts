import { JobCancelled, jobs } from '../../../src/import/jobs.ts';
import { toCsv } from '../../../src/import/sheet/export.ts';
import { readTable } from '../../../src/import/sheet/read.ts';
import { pendingImports } from '../../../src/http/admin/sheet-routes.ts';
import { WORKSPACE, type MatrixEnv, type Persona, type Rule } from '../matrix.ts';

const EMAILS: Record<Persona, string> = {
  anonymous: '',
  admin: 'admin@x.example',
  curatorMfa: 'mfa@x.example',
  curatorNaj: 'naj@x.example',
  translatorMn: 'mn@x.example',
  reviewer: 'reviewer@x.example',
  viewer: 'viewer@x.example',
  noRole: 'nobody@x.example',
};

/** A sheet changing one caption of the matrix's record (held by mn-mfa-ca). */
function sheet(n: number): Buffer {
  return toCsv([
    ['institution', 'reference_code', 'caption@mn'],
    ['mn-mfa-ca', 'Fund-59, File-1, Unit-66', `Хүснэгтээс ${n}`],
  ]);
}

export function sheetRules(env: MatrixEnv): Record<string, Rule> {
  const userId = async (p: Persona) => (p === 'anonymous' ? 'nobody' : ((await env.app().storage.workspace.userByEmail(EMAILS[p]))?.id ?? 'nobody'));
  /** A finished import of the persona's own, so each persona looks at a job it may see. */
  const finishedJob = async (p: Persona) => {
    const job = jobs.start('sheet-import', await userId(p), () => Promise.resolve(null));
    await jobs.settled(job.id);
    return job.id;
  };
  return {
    'GET /admin/sheet': WORKSPACE,
    // Checking is open to the workspace; what a user may import is decided row by row in the report.
    'POST /admin/sheet/check': {
      ...WORKSPACE,
      prepare: async () => ({ url: '/admin/sheet/check', upload: { fields: {}, file: { filename: 'items.csv', type: 'text/csv', data: sheet(env.next()) } } }),
    },
    'POST /admin/sheet/apply': {
      ...WORKSPACE,
      prepare: async (p) => {
        const table = await readTable(sheet(env.next()));
        const token = pendingImports.add({ ownerId: await userId(p), table, publish: false, filename: 'items.csv' });
        return { url: '/admin/sheet/apply', form: { token } };
      },
    },
    'GET /admin/sheet/jobs/:id': { ...WORKSPACE, prepare: async (p) => ({ url: `/admin/sheet/jobs/${await finishedJob(p)}` }) },
    'GET /admin/sheet/jobs/:id/status': { ...WORKSPACE, prepare: async (p) => ({ url: `/admin/sheet/jobs/${await finishedJob(p)}/status` }) },
    'POST /admin/sheet/jobs/:id/cancel': {
      ...WORKSPACE,
      prepare: async (p) => {
        // A job that runs until it is cancelled; personas that cannot reach the route leave it to the registry's owner limit.
        const job = jobs.start('sheet-import', `${await userId(p)}`, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new JobCancelled()))));
        if (p === 'anonymous' || p === 'noRole') setTimeout(() => jobs.cancel(job.id), 10);
        return { url: `/admin/sheet/jobs/${job.id}/cancel`, form: {} };
      },
    },
    'GET /admin/sheet/export': { ...WORKSPACE, prepare: async () => ({ url: '/admin/sheet/export?exhibition=japan-mongolia&chapter=ch05&format=csv' }) },
    'GET /admin/sheet/progress.js': WORKSPACE,
  };
}
