// The "done when": an English caption is edited, the Japanese and Mongolian
// translations are reported outdated on the dashboard and in the editor; re-translating
// clears it; a reviewer marks one reviewed. With the permission checks of each step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countUnits, listTranslationUnits } from '../../src/services/translation.ts';
import { addUser, signIn } from '../helpers/admin.ts';
import { ENGINES } from '../helpers/engines.ts';
import { textOf } from '../helpers/app.ts';
import { engineApp } from './helpers.ts';

const ITEM = 'joint-communique-1972'; // held by mn-mfa-ca
const EX = 'japan-mongolia';
const NEW_EN =
  'In this communiqué of 19 February 1972 the two governments put on record their shared wish to open diplomatic relations at the level of embassies. Both sides expected the step to give real momentum to economic and cultural cooperation between them. The copy shown here is kept in the central archive of Mongolia\'s Ministry of Foreign Affairs.';

const editor = (lang: string) => `/admin/translations/${lang}/item/${ITEM}/caption`;

/** The state badge of the work-list row linking to `href`, if the row is listed. */
function rowState(html: string, href: string): string | null {
  const at = html.indexOf(`href="${href}"`);
  if (at < 0) return null;
  return /class="badge tr-state tr-(\w+)"/.exec(html.slice(at))?.[1] ?? null;
}

for (const engine of ENGINES) {
  describe(`translation workflow (${engine})`, () => {
    it('reports outdated translations after a source edit, clears them on re-translation and review', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      try {
        await addUser(app, 'admin@x.example', [], true);
        await addUser(app, 'mfa@x.example', [{ role: 'curator', scope: 'mn-mfa-ca' }]);
        await addUser(app, 'ja@x.example', [{ role: 'translator', scope: 'ja' }]);
        await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
        await addUser(app, 'rev@x.example', [{ role: 'reviewer', scope: '' }]);
        const curator = await signIn(app, 'mfa@x.example');
        const ja = await signIn(app, 'ja@x.example');
        const mn = await signIn(app, 'mn@x.example');
        const reviewer = await signIn(app, 'rev@x.example');

        // The demo starts with nothing outdated.
        for (const lang of ['ja', 'mn']) {
          const units = await listTranslationUnits(app.storage, EX, lang);
          assert.ok(units);
          assert.equal(countUnits(units).total.outdated, 0, `${lang}: nothing outdated in the demo`);
        }

        // The curator edits the English caption through the item form (a draft).
        const saved = await curator.post(`/admin/items/${ITEM}`, { 'caption@en': NEW_EN, 'caption@en:status': 'reviewed' });
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));

        for (const [agent, lang] of [[ja, 'ja'], [mn, 'mn']] as const) {
          const units = await listTranslationUnits(app.storage, EX, lang);
          assert.ok(units);
          const caption = units.find((u) => u.key === `item/${ITEM}/caption`);
          assert.equal(caption?.state, 'outdated', `${lang} caption outdated in the service`);
          assert.equal(countUnits(units).total.outdated, 1);
          assert.equal(countUnits(units).byKind.get('item')?.outdated, 1);
          assert.equal(countUnits(units).byChapter.get('ch05')?.outdated, 1);

          const dash = await agent.get(`/admin/translations?lang=${lang}&exhibition=${EX}`);
          assert.equal(dash.statusCode, 200);
          assert.equal(rowState(dash.body, editor(lang)), 'outdated', `${lang}: dashboard work list shows the caption outdated`);
          assert.match(dash.body, /<th scope="row">Records<\/th><td class="num">\d+<\/td><td class="num">1<\/td>/, 'records row counts one outdated');
          assert.ok(dash.cookies.some((c) => c.name === 'tsuzuri_ws' && c.value === '1' && !c.httpOnly), 'the workspace hint cookie is set, readable by scripts');

          const ed = await agent.get(editor(lang));
          assert.equal(ed.statusCode, 200);
          assert.match(ed.body, /tr-state tr-outdated/);
          // The diff of the source since the translation: the words added to the English text.
          assert.match(ed.body, /<ins>[^<]*at the level of embassies[^<]*<\/ins>/);
          assert.match(textOf(ed.body), /What changed in the source since this translation/);
        }

        // The Japanese translator re-translates: Japanese is a draft again, Mongolian stays outdated.
        const jaValue = '1972年2月19日付のこの共同コミュニケで、両国政府は大使館レベルでの外交関係の開設を公式に表明した。';
        const post = await ja.post(editor('ja'), { action: 'save', value: jaValue });
        assert.equal(post.statusCode, 303, post.body.slice(0, 300));
        let units = await listTranslationUnits(app.storage, EX, 'ja');
        const jaUnit = units?.find((u) => u.key === `item/${ITEM}/caption`);
        assert.equal(jaUnit?.state, 'draft');
        assert.equal(jaUnit?.translation?.value, jaValue);
        assert.equal(jaUnit?.translation?.source, NEW_EN, 'stamped with the source it was made from');
        const jaUser = await app.storage.workspace.userByEmail('ja@x.example');
        assert.equal(jaUnit?.translation?.by, jaUser?.id);
        const after = await ja.get(editor('ja'));
        assert.doesNotMatch(after.body, /tr-state tr-outdated/);
        assert.doesNotMatch(after.body, /<ins>/);
        units = await listTranslationUnits(app.storage, EX, 'mn');
        assert.equal(units?.find((u) => u.key === `item/${ITEM}/caption`)?.state, 'outdated');

        // The Mongolian translator may neither write Japanese nor mark anything reviewed.
        const wrongLang = await mn.post(editor('ja'), { action: 'save', value: 'Буруу хэл' });
        assert.equal(wrongLang.statusCode, 403);
        const notReviewer = await mn.post(editor('mn'), { action: 'review' });
        assert.equal(notReviewer.statusCode, 403);
        const mnPage = await mn.get(editor('mn'));
        assert.doesNotMatch(mnPage.body, /name="action" value="review"/, 'no review button for a translator');
        assert.match((await mn.get(editor('ja'))).body, /<textarea[^>]*disabled/, 'the Japanese editor is read-only for the Mongolian translator');
        units = await listTranslationUnits(app.storage, EX, 'ja');
        assert.equal(units?.find((u) => u.key === `item/${ITEM}/caption`)?.translation?.value, jaValue, 'nothing changed by the refused save');

        // A reviewer confirms the Mongolian text against the current source.
        const reviewPage = await reviewer.get(editor('mn'));
        assert.match(reviewPage.body, /name="action" value="review"/);
        const reviewed = await reviewer.post(editor('mn'), { action: 'review' });
        assert.equal(reviewed.statusCode, 303, reviewed.body.slice(0, 300));
        units = await listTranslationUnits(app.storage, EX, 'mn');
        const mnUnit = units?.find((u) => u.key === `item/${ITEM}/caption`);
        assert.equal(mnUnit?.state, 'reviewed');
        assert.equal(mnUnit?.translation?.source, NEW_EN);
        assert.equal(countUnits(units ?? []).total.outdated, 0);

        // Nothing reached visitors yet: the live item still has the old English caption.
        const live = await app.storage.store.getItem(ITEM);
        assert.notEqual(live?.caption['en']?.value, NEW_EN);
        // Approving the draft publishes source and translations with their stamps.
        const admin = { userId: 'x', name: 'x', isAdmin: true, curatorOf: [], translatorOf: [], reviewer: true, viewer: false };
        const rev = await app.admin.workflow.submit(admin, 'item', ITEM);
        await app.admin.workflow.approve(admin, rev.id);
        const published = await app.storage.store.getItem(ITEM);
        assert.equal(published?.caption['en']?.value, NEW_EN);
        assert.equal(published?.caption['mn']?.status, 'reviewed');
        assert.equal(published?.caption['ja']?.source, NEW_EN);
      } finally {
        await app.close();
      }
    });

    it('stamps translations of shared records and site pages saved by translators', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      try {
        await addUser(app, 'admin@x.example', [], true);
        await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
        const admin = await signIn(app, 'admin@x.example');
        const mn = await signIn(app, 'mn@x.example');
        // The administrator changes the English terms of use: the Mongolian title becomes outdated.
        const page = await app.storage.store.getSitePage('terms');
        assert.ok(page?.title['mn'], 'the demo has a Mongolian title for the terms');
        const changed = await admin.post('/admin/terms', { 'title@en': 'Terms of use and reuse', 'title@en:status': 'reviewed' });
        assert.equal(changed.statusCode, 303);
        const url = '/admin/translations/mn/page/terms/title';
        assert.match((await mn.get(url)).body, /tr-state tr-outdated/);
        // The Mongolian translator (no curator role) re-translates it; it is saved at once, stamped.
        const res = await mn.post(url, { value: 'Ашиглалт ба дахин ашиглалтын нөхцөл' });
        assert.equal(res.statusCode, 303, res.body.slice(0, 300));
        const now = await app.storage.store.getSitePage('terms');
        assert.equal(now?.title['mn']?.value, 'Ашиглалт ба дахин ашиглалтын нөхцөл');
        assert.equal(now?.title['mn']?.source, 'Terms of use and reuse');
        assert.equal(now?.title['mn']?.status, 'draft');
        assert.equal(now?.title['en']?.value, 'Terms of use and reuse', 'other languages untouched');
        // ...but not the English source, nor a person's role in Japanese.
        assert.equal((await mn.post('/admin/translations/en/page/terms/title', { value: 'Hacked' })).statusCode, 403);
        assert.equal((await mn.post('/admin/translations/ja/person/niizeki-kinya/role', { value: '偽' })).statusCode, 403);
        assert.equal((await app.storage.store.getSitePage('terms'))?.title['en']?.value, 'Terms of use and reuse');
        // Unknown values answer 404.
        assert.equal((await mn.get('/admin/translations/mn/item/no-such-item/caption')).statusCode, 404);
        assert.equal((await mn.get('/admin/translations/mn/item/joint-communique-1972/referenceCode')).statusCode, 404);
        assert.equal((await mn.get('/admin/translations/xx/item/joint-communique-1972/caption')).statusCode, 404);
      } finally {
        await app.close();
      }
    });
  });
}

describe('translator.json', () => {
  it('tells public pages which languages link to the editor, and nothing to anonymous visitors', async (t) => {
    const app = await engineApp('sqlite', t);
    if (!app) return;
    try {
      await addUser(app, 'admin@x.example', [], true);
      await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
      await addUser(app, 'rev@x.example', [{ role: 'reviewer', scope: '' }]);
      await addUser(app, 'viewer@x.example', [{ role: 'viewer', scope: '' }]);
      const anon = await app.fastify.inject({ method: 'GET', url: '/admin/translator.json' });
      assert.equal(anon.statusCode, 200);
      assert.deepEqual(anon.json(), { langs: [], editor: '/admin/translations' });
      assert.match(String(anon.headers['cache-control']), /no-store/);
      const langsOf = async (email: string) => ((await (await signIn(app, email)).get('/admin/translator.json')).json() as { langs: string[] }).langs;
      assert.deepEqual(await langsOf('mn@x.example'), ['mn']);
      assert.deepEqual(await langsOf('rev@x.example'), ['ja', 'mn', 'en']);
      assert.deepEqual(await langsOf('viewer@x.example'), []);
    } finally {
      await app.close();
    }
  });
});

describe('the editor for every kind of value', () => {
  it('opens for one value of each entity, and the dashboard pages through the work list', async (t) => {
    const app = await engineApp('sqlite', t);
    if (!app) return;
    try {
      await addUser(app, 'admin@x.example', [], true);
      const admin = await signIn(app, 'admin@x.example');
      const units = (await listTranslationUnits(app.storage, EX, 'mn')) ?? [];
      const one = new Map(units.map((u) => [u.entity, u]));
      assert.deepEqual([...one.keys()].sort(), ['chapter', 'exhibition', 'institution', 'item', 'page', 'person', 'place', 'section']);
      for (const u of one.values()) {
        const res = await admin.get(`/admin/translations/mn/${u.entity}/${u.id}/${u.field}`);
        assert.equal(res.statusCode, 200, `${u.key}: ${res.body.slice(0, 200)}`);
        assert.match(res.body, /<textarea|<input id="tr-value"/);
        assert.ok(res.body.includes(`lang="en"`), `${u.key}: the source carries its language`);
      }
      // 79 Mongolian drafts: two pages of 50.
      const p1 = await admin.get(`/admin/translations?lang=mn&exhibition=${EX}`);
      assert.match(textOf(p1.body), /Page 1 of 2/);
      const p2 = await admin.get(`/admin/translations?lang=mn&exhibition=${EX}&page=2`);
      assert.match(textOf(p2.body), /Page 2 of 2/);
      assert.equal((p2.body.match(/class="badge tr-state/g) ?? []).length, units.length - 50);
      const wild = await admin.get(`/admin/translations?lang=zz&exhibition=nope&page=999`);
      assert.equal(wild.statusCode, 200, 'unknown choices fall back to the defaults');
    } finally {
      await app.close();
    }
  });
});
