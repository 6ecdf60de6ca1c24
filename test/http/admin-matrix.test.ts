// The authorization matrix: every workspace route × every role and scope, with the expected
// outcome. The route list comes from the app's registry, so a route added without a rule
// here makes this test fail.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { Item } from '../../src/domain/types.ts';
import { addUser, encodeForm, multipartBody, signIn, type Agent } from '../helpers/admin.ts';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { ADMIN_ONLY, EXHIBITION, ITEM, PERSONAS, REVIEW, WORKSPACE, type Attempt, type MatrixEnv, type Outcome, type Persona, type Rule } from './matrix.ts';
import { eadRules } from './matrix-rules/ead.ts';
import { sheetRules } from './matrix-rules/sheet.ts';
import { translationRules } from './matrix-rules/translation.ts';
import { xliffRules } from './matrix-rules/xliff.ts';

/** The smallest Presentation 3 manifest with one image: what an archive's server might publish. */
const MANIFEST = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://archive.example/iiif/letter/manifest',
  type: 'Manifest',
  label: { en: ['A letter'] },
  items: [
    {
      id: 'https://archive.example/iiif/letter/canvas/1',
      type: 'Canvas',
      width: 1000,
      height: 1400,
      items: [
        {
          id: 'https://archive.example/iiif/letter/page/1',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://archive.example/iiif/letter/annotation/1',
              type: 'Annotation',
              motivation: 'painting',
              target: 'https://archive.example/iiif/letter/canvas/1',
              body: { id: 'https://archive.example/images/letter-1.jpg', type: 'Image', format: 'image/jpeg', width: 1000, height: 1400 },
            },
          ],
        },
      ],
    },
  ],
};

describe('authorization matrix of the workspace', () => {
  let app: TestApp;
  const agents = new Map<Persona, Agent | null>();
  let counter = 0;
  let adminP: Awaited<ReturnType<TestApp['admin']['auth']['session']>>;

  before(async () => {
    app = await demoApp();
    await addUser(app, 'admin@x.example', [], true);
    await addUser(app, 'mfa@x.example', [{ role: 'curator', scope: 'mn-mfa-ca' }]);
    await addUser(app, 'naj@x.example', [{ role: 'curator', scope: 'jp-naj' }]);
    await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
    await addUser(app, 'reviewer@x.example', [{ role: 'reviewer', scope: '' }]);
    await addUser(app, 'viewer@x.example', [{ role: 'viewer', scope: '' }]);
    await addUser(app, 'nobody@x.example', []);
    await addUser(app, 'probe@x.example', []);
    agents.set('anonymous', null);
    agents.set('admin', await signIn(app, 'admin@x.example'));
    agents.set('curatorMfa', await signIn(app, 'mfa@x.example'));
    agents.set('curatorNaj', await signIn(app, 'naj@x.example'));
    agents.set('translatorMn', await signIn(app, 'mn@x.example'));
    agents.set('reviewer', await signIn(app, 'reviewer@x.example'));
    agents.set('viewer', await signIn(app, 'viewer@x.example'));
    agents.set('noRole', await signIn(app, 'nobody@x.example'));
    adminP = await app.admin.auth.session(agents.get('admin')?.cookie.split('=')[1]);
  });
  after(() => app.close());

  const principal = () => {
    if (!adminP) throw new Error('no admin session');
    return adminP.principal;
  };
  const liveItem = async (): Promise<Item> => {
    const item = await app.storage.store.getItem(ITEM);
    assert.ok(item);
    return item;
  };
  /** A revision of the item submitted for review (made by the administrator). */
  const submitted = async () => {
    await app.admin.workflow.saveItemDraft(principal(), await liveItem());
    return (await app.admin.workflow.submit(principal(), 'item', ITEM)).id;
  };

  const RULES: Record<string, Rule> = {
    'GET /admin/setup': { expect: {}, rest: 'gone' },
    'POST /admin/setup': { expect: {}, rest: 'gone', prepare: async () => ({ url: '/admin/setup', form: { email: 'x@x.example', name: 'x', password: 'long enough password' } }) },
    'GET /admin/login': { expect: {}, rest: 'allow' },
    'POST /admin/login': { expect: {}, rest: 'allow', prepare: async () => ({ url: '/admin/login', form: { email: 'probe@x.example', password: 'correct horse battery' } }) },
    'POST /admin/logout': {
      expect: {},
      rest: 'allow',
      // Each persona signs out of a second session, keeping the one the matrix uses.
      prepare: async (p) => ({ url: '/admin/logout', form: {}, agent: p === 'anonymous' ? null : await signIn(app, emailOf(p)) }),
    },
    'GET /admin': WORKSPACE,
    'GET /admin/items': WORKSPACE,
    'GET /admin/items/new': { expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' }, rest: 'deny' },
    'POST /admin/items/new': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async () => ({
        url: '/admin/items/new',
        form: { id: `matrix-${++counter}`, 'heading@en': 'Matrix record', institutionId: 'mn-mfa-ca', mediaType: 'document', rights: 'http://rightsstatements.org/vocab/CNE/1.0/' },
      }),
    },
    'GET /admin/items/import-iiif': { expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' }, rest: 'deny' },
    'POST /admin/items/import-iiif': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async () => ({
        url: '/admin/items/import-iiif',
        upload: { fields: { id: `imported-${++counter}`, institution: 'mn-mfa-ca' }, file: { filename: 'manifest.json', type: 'application/json', data: Buffer.from(JSON.stringify(MANIFEST)) } },
      }),
    },
    'GET /admin/items/:id': { ...WORKSPACE, prepare: async () => ({ url: `/admin/items/${ITEM}` }) },
    'POST /admin/items/:id': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', translatorMn: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: `/admin/items/${ITEM}`, form: { 'caption@mn': `Тайлбар ${++counter}`, 'caption@mn:status': 'draft' } }),
    },
    'GET /admin/items/:id/preview': { ...WORKSPACE, prepare: async () => ({ url: `/admin/items/${ITEM}/preview` }) },
    'GET /admin/items/:id/history': { ...WORKSPACE, prepare: async () => ({ url: `/admin/items/${ITEM}/history` }) },
    'POST /admin/items/:id/media': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: `/admin/items/${ITEM}/media`, upload: true }),
    },
    'POST /admin/items/:id/media/:mid/remove': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow' },
      rest: 'deny',
      prepare: async () => {
        // A medium to remove, added to the draft by the administrator.
        const copy = await app.admin.workflow.item(ITEM);
        assert.ok(copy);
        const medium = { id: `m${++counter}`, kind: 'image' as const, role: 'primary' as const, path: 'demo/joint-communique-1972.jpg', mime: 'image/jpeg', width: 1, height: 1, duration: null, placeholder: false, alt: {} };
        await app.admin.workflow.saveItemDraft(principal(), { ...copy.current, media: [...copy.current.media, medium] });
        return { url: `/admin/items/${ITEM}/media/${medium.id}/remove`, form: {} };
      },
    },
    'POST /admin/items/:id/unpublish': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', reviewer: 'allow' },
      rest: 'deny',
      prepare: async () => {
        await app.content.saveItem({ ...(await liveItem()), state: 'published' });
        return { url: `/admin/items/${ITEM}/unpublish`, form: {} };
      },
    },
    'GET /admin/exhibitions': WORKSPACE,
    'GET /admin/exhibitions/:id': { ...WORKSPACE, prepare: async () => ({ url: `/admin/exhibitions/${EXHIBITION}` }) },
    'POST /admin/exhibitions/:id': {
      expect: { anonymous: 'login', admin: 'allow', curatorNaj: 'allow', translatorMn: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: `/admin/exhibitions/${EXHIBITION}`, form: { 'subtitle@mn': `Дэд гарчиг ${++counter}`, 'subtitle@mn:status': 'draft' } }),
    },
    'GET /admin/exhibitions/:id/preview/:chapter': { ...WORKSPACE, prepare: async () => ({ url: `/admin/exhibitions/${EXHIBITION}/preview/establishment-1972` }) },
    'GET /admin/exhibitions/:id/history': { ...WORKSPACE, prepare: async () => ({ url: `/admin/exhibitions/${EXHIBITION}/history` }) },
    'GET /admin/review': REVIEW,
    'POST /admin/revisions/:rid/approve': { ...REVIEW, prepare: async () => ({ url: `/admin/revisions/${await submitted()}/approve`, form: {} }) },
    'POST /admin/revisions/:rid/return': { ...REVIEW, prepare: async () => ({ url: `/admin/revisions/${await submitted()}/return`, form: { comment: 'please revise' } }) },
    'POST /admin/revisions/:rid/restore': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', translatorMn: 'allow' },
      rest: 'deny',
      prepare: async () => {
        // A revision equal to the working copy: restoring it changes nothing a translator may not change.
        const copy = await app.admin.workflow.item(ITEM);
        assert.ok(copy);
        const rev = await app.admin.workflow.saveItemDraft(principal(), copy.current);
        return { url: `/admin/revisions/${rev.id}/restore`, form: {} };
      },
    },
    'GET /admin/people': WORKSPACE,
    'GET /admin/people/:id': { expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' }, rest: 'deny', prepare: async () => ({ url: '/admin/people/niizeki-kinya' }) },
    'POST /admin/people/:id': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: '/admin/people/niizeki-kinya', form: { culture: 'japanese', 'name@en.family': 'Niizeki', 'name@en.given': 'Kinya', 'name@en:status': 'reviewed' } }),
    },
    'GET /admin/places/:id': { expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' }, rest: 'deny', prepare: async () => ({ url: '/admin/places/tokyo' }) },
    'POST /admin/places/:id': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: '/admin/places/tokyo', form: { 'name@en': 'Tokyo', 'name@en:status': 'reviewed' } }),
    },
    'GET /admin/institutions': ADMIN_ONLY,
    'GET /admin/institutions/:id': { ...ADMIN_ONLY, prepare: async () => ({ url: '/admin/institutions/jp-naj' }) },
    'POST /admin/institutions/:id': {
      ...ADMIN_ONLY,
      prepare: async () => ({ url: '/admin/institutions/jp-naj', form: { 'name@en': 'National Archives of Japan', 'name@en:status': 'reviewed', parentId: '', scheme: 'ja-request-number', homepage: 'https://www.archives.go.jp/', country: 'JP' } }),
    },
    'GET /admin/terms': ADMIN_ONLY,
    'POST /admin/terms': { ...ADMIN_ONLY, prepare: async () => ({ url: '/admin/terms', form: { 'title@en': 'Terms of use', 'title@en:status': 'reviewed' } }) },
    'GET /admin/users': ADMIN_ONLY,
    'POST /admin/users': {
      ...ADMIN_ONLY,
      prepare: async () => ({ url: '/admin/users', form: { name: 'New', email: `new${++counter}@x.example`, password: 'correct horse battery', role: ['viewer:'] } }),
    },
    'GET /admin/users/:uid': { ...ADMIN_ONLY, prepare: async () => ({ url: `/admin/users/${(await app.storage.workspace.userByEmail('probe@x.example'))?.id}` }) },
    'POST /admin/users/:uid': {
      ...ADMIN_ONLY,
      prepare: async () => ({ url: `/admin/users/${(await app.storage.workspace.userByEmail('probe@x.example'))?.id}`, form: { role: ['viewer:'] } }),
    },
    'GET /admin/audit': ADMIN_ONLY,
  };
  // Route modules keep their rules next to each other in matrix-rules/.
  const env: MatrixEnv = { app: () => app, next: () => ++counter, principal, liveItem };
  for (const more of [translationRules, xliffRules, sheetRules, eadRules]) {
    for (const [key, rule] of Object.entries(more(env))) {
      assert.ok(!(key in RULES), `two rules for ${key}`);
      RULES[key] = rule;
    }
  }

  function emailOf(p: Persona): string {
    return { admin: 'admin@x.example', curatorMfa: 'mfa@x.example', curatorNaj: 'naj@x.example', translatorMn: 'mn@x.example', reviewer: 'reviewer@x.example', viewer: 'viewer@x.example', noRole: 'nobody@x.example', anonymous: '' }[p];
  }

  async function attempt(method: string, a: Attempt, agent: Agent | null): Promise<Response> {
    if (method === 'GET') return agent ? agent.get(a.url) : app.fastify.inject({ method: 'GET', url: a.url });
    const custom = typeof a.upload === 'object' ? a.upload : null;
    const file = { file: custom?.file ?? { filename: 'photo.jpg', type: 'image/jpeg', data: await readFile(new URL('../fixtures/uploads/photo.jpg', import.meta.url)) } };
    const fields = custom?.fields ?? {};
    if (agent) return a.upload ? agent.upload(a.url, fields, file) : agent.post(a.url, a.form ?? {});
    // Anonymous forms carry the double-submit token of the login page.
    const page = await app.fastify.inject({ method: 'GET', url: '/admin/login' });
    const anon = page.cookies.find((c) => c.name === 'tsuzuri_csrf')?.value ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const { body, type } = a.upload
      ? multipartBody({ _csrf: token, ...fields }, file)
      : { body: encodeForm({ _csrf: token, ...(a.form ?? {}) }), type: 'application/x-www-form-urlencoded' };
    return app.fastify.inject({ method: 'POST', url: a.url, headers: { cookie: `tsuzuri_csrf=${anon}`, 'content-type': type }, payload: body });
  }

  function check(outcome: Outcome, method: string, res: Response, label: string): void {
    const where = `${label}: ${res.statusCode} ${res.body.slice(0, 160).replace(/\s+/g, ' ')}`;
    if (outcome === 'allow') assert.ok(res.statusCode === 200 || res.statusCode === 303, where);
    if (outcome === 'deny') assert.equal(res.statusCode, 403, where);
    if (outcome === 'gone') assert.equal(res.statusCode, 404, where);
    if (outcome === 'login') {
      if (method === 'GET') {
        assert.equal(res.statusCode, 303, where);
        assert.match(String(res.headers['location']), /^\/admin\/login/, where);
      } else assert.equal(res.statusCode, 401, where);
    }
  }

  it('has a rule for every registered workspace route, and no rule for a route that does not exist', () => {
    const registered = app.admin.frame.routes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((r) => !(r in RULES));
    assert.deepEqual(missing, [], 'routes without a rule in the authorization matrix');
    const stale = Object.keys(RULES).filter((r) => !registered.includes(r));
    assert.deepEqual(stale, [], 'rules for routes that are not registered');
  });

  it('gives every persona the expected outcome on every route', async () => {
    let cells = 0;
    for (const def of app.admin.frame.routes) {
      const key = `${def.method} ${def.url}`;
      const rule = RULES[key];
      if (!rule) continue;
      for (const persona of PERSONAS) {
        const a = rule.prepare ? await rule.prepare(persona) : { url: def.url };
        const agent = a.agent !== undefined ? a.agent : (agents.get(persona) ?? null);
        const res = await attempt(def.method, a, agent);
        check(rule.expect[persona] ?? rule.rest, def.method, res, `${key} as ${persona}`);
        cells++;
      }
    }
    console.log(`# authorization matrix: ${app.admin.frame.routes.length} routes × ${PERSONAS.length} personas = ${cells} cells`);
    assert.equal(cells, app.admin.frame.routes.length * PERSONAS.length);
  });
});
