// Languages without code changes: an administrator adds Korean through the workspace and every
// public page answers in it at once, value by value falling back along its chain, with the
// fallback values marked and carrying their own `lang`. A second app server on the same
// database follows at its next poll. Traditional Mongolian titles are set vertically.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse as Response } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { addUser, signIn } from '../helpers/admin.ts';
import { testConfig, textOf } from '../helpers/app.ts';
import { ENGINES } from '../helpers/engines.ts';
import { engineApp } from './helpers.ts';

/** One page of every public kind. */
const PAGES = [
  '/',
  '/exhibitions/japan-mongolia',
  '/exhibitions/japan-mongolia/establishment-1972',
  '/items/joint-communique-1972',
  '/people/niizeki-kinya',
  '/institutions',
  '/institutions/mn-mfa-ca',
  '/terms',
  '/search?q=Tsedenbal',
];

for (const engine of ENGINES) {
  describe(`languages added by an administrator (${engine})`, () => {
    it('adds Korean: every public page answers under /ko/ with marked fallbacks', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      // A second app server on the same database, to see the change arrive by polling.
      const other = await buildApp(testConfig(tmpdir()), { storage: app.storage, media: new MediaStore(join(tmpdir(), 'tsuzuri-no-media')) });
      try {
        await addUser(app, 'admin@x.example', [], true);
        await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
        const admin = await signIn(app, 'admin@x.example');
        const mn = await signIn(app, 'mn@x.example');

        assert.equal((await app.fastify.inject({ method: 'GET', url: '/ko/' })).statusCode, 404, 'no Korean before it is added');
        assert.equal((await mn.get('/admin/languages')).statusCode, 403, 'translators do not manage languages');
        assert.equal((await mn.post('/admin/languages', { tag: 'ko', name: '한국어', dir: 'ltr', fallback: 'en', position: '4' })).statusCode, 403);

        // Bad input is refused with the field and the reason, and nothing is stored.
        const bad: [Record<string, string>, RegExp][] = [
          [{ tag: 'not a tag!', name: 'X', dir: 'ltr', fallback: 'en', position: '4' }, /not a BCP 47 language tag/],
          [{ tag: 'api', name: 'X', dir: 'ltr', fallback: 'en', position: '4' }, /a path the site uses itself/],
          [{ tag: 'ko', name: '', dir: 'ltr', fallback: 'en', position: '4' }, /name in itself/],
          [{ tag: 'ko', name: '한국어', dir: 'ttb', fallback: 'en', position: '4' }, /direction is ltr or rtl/],
          [{ tag: 'ko', name: '한국어', dir: 'ltr', fallback: 'en, xx', position: '4' }, /&quot;xx&quot; is not a configured language|"xx" is not a configured language/],
          [{ tag: 'ko', name: '한국어', dir: 'ltr', fallback: 'ko', position: '4' }, /cannot fall back to itself/],
          [{ tag: 'ko', name: '한국어', dir: 'ltr', fallback: 'en', position: '-1' }, /position is a whole number/],
          [{ tag: 'ja', name: '日本語', dir: 'ltr', fallback: 'en', position: '1' }, /already a language of this site/],
        ];
        const before = await app.storage.store.contentVersion();
        for (const [form, why] of bad) {
          const res = await admin.post('/admin/languages', form);
          assert.equal(res.statusCode, 422, `${JSON.stringify(form)} refused`);
          assert.match(res.body, why);
        }
        assert.deepEqual((await app.storage.store.listLanguages()).map((l) => l.tag), ['ja', 'mn', 'en']);
        assert.equal(await app.storage.store.contentVersion(), before);

        // Korean, falling back to English then Japanese; the tag is canonicalised.
        const added = await admin.post('/admin/languages', { tag: 'KO', name: '한국어', dir: 'ltr', fallback: 'en, ja', position: '4' });
        assert.equal(added.statusCode, 303, added.body.slice(0, 300));
        assert.equal(added.headers.location, '/admin/languages/ko?saved=1');
        assert.ok((await app.storage.store.contentVersion()) > before, 'the content version moved');
        assert.deepEqual((await app.storage.store.listLanguages()).find((l) => l.tag === 'ko'), { tag: 'ko', name: '한국어', dir: 'ltr', fallback: ['en', 'ja'] });
        assert.match((await admin.get('/admin/languages')).body, /한국어/);

        for (const path of PAGES) {
          const url = `/ko${path}`;
          const res: Response = await app.fastify.inject({ method: 'GET', url });
          assert.equal(res.statusCode, 200, `${url} answers`);
          assert.match(res.body, /<html lang="ko"/, `${url} is a Korean page`);
          assert.match(res.body, /hrefLang="ko"|hreflang="ko"/i, `${url} lists Korean in the switcher`);
          if (path.startsWith('/search')) continue;
          // Content texts have no Korean: each is English, in its own lang, with the note.
          assert.match(res.body, /<span lang="en">[^<]+<\/span> <span class="note note-missing" lang="ko"/, `${url} marks a fallback value`);
          assert.match(textOf(res.body), /\(not yet translated\)/, `${url}: the note falls back to the English catalog`);
        }
        const item = await app.fastify.inject({ method: 'GET', url: '/ko/items/joint-communique-1972' });
        assert.match(item.body, /class="prose" lang="en"/, 'the caption is marked as English');
        assert.match(item.body, /class="note note-missing" lang="ko">[^<]+<\/p><span class="tr-ref" hidden data-tr="item\/joint-communique-1972\/caption" data-tr-lang="ko"/, 'the note names the value for translators');
        // Existing pages list the new language too.
        assert.match((await app.fastify.inject({ method: 'GET', url: '/ja/' })).body, /<a href="\/ko\/" hrefLang="ko" lang="ko">한국어<\/a>/i);

        // Korean texts appear value by value as they are translated (here by the administrator).
        const saved = await admin.post('/admin/translations/ko/exhibition/japan-mongolia/title', { value: '일본과 몽골: 기록으로 보는 우리의 역사' });
        assert.equal(saved.statusCode, 303);
        const rev = await app.admin.workflow.submit((await app.admin.auth.session(admin.cookie.split('=')[1]))!.principal, 'exhibition', 'japan-mongolia');
        await app.admin.workflow.approve((await app.admin.auth.session(admin.cookie.split('=')[1]))!.principal, rev.id);
        const ex = await app.fastify.inject({ method: 'GET', url: '/ko/exhibitions/japan-mongolia' });
        assert.match(ex.body, /<h1[^>]*>일본과 몽골: 기록으로 보는 우리의 역사 <span class="note note-draft" lang="ko"/);
        assert.match(ex.body, /<span lang="en">[^<]+<\/span> <span class="note note-missing"/, 'the subtitle still falls back');

        // The other app server answers in Korean after its poll.
        assert.equal((await other.fastify.inject({ method: 'GET', url: '/ko/' })).statusCode, 404, 'not before it has polled');
        await other.refreshVersion();
        assert.equal((await other.fastify.inject({ method: 'GET', url: '/ko/' })).statusCode, 200);

        // Editing keeps the tag and changes the rest.
        const edit = await admin.post('/admin/languages/ko', { name: '한국어 (Korean)', dir: 'ltr', fallback: 'ja', position: '5' });
        assert.equal(edit.statusCode, 303, edit.body.slice(0, 300));
        assert.deepEqual((await app.storage.store.listLanguages()).find((l) => l.tag === 'ko')?.fallback, ['ja']);
        const now = await app.fastify.inject({ method: 'GET', url: '/ko/items/joint-communique-1972' });
        assert.match(now.body, /class="prose" lang="ja"/, 'the caption now falls back to Japanese');
        assert.match(now.body, /한국어 \(Korean\)/);
        assert.equal((await admin.get('/admin/languages/xx')).statusCode, 404);
      } finally {
        await other.fastify.close();
        await app.close();
      }
    });

    it('sets titles in traditional Mongolian script vertically', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      try {
        await addUser(app, 'admin@x.example', [], true);
        const admin = await signIn(app, 'admin@x.example');
        const added = await admin.post('/admin/languages', { tag: 'mn-mong', name: 'ᠮᠣᠩᠭᠣᠯ', dir: 'ltr', fallback: 'mn, en', position: '4' });
        assert.equal(added.statusCode, 303, added.body.slice(0, 300));
        assert.equal(added.headers.location, '/admin/languages/mn-Mong?saved=1', 'the script subtag is canonicalised');
        const title = 'ᠶᠠᠫᠣᠨ ᠪᠠ ᠮᠣᠩᠭᠣᠯ';
        assert.equal((await admin.post('/admin/translations/mn-Mong/exhibition/japan-mongolia/title', { value: title })).statusCode, 303);
        const p = (await app.admin.auth.session(admin.cookie.split('=')[1]))!.principal;
        await app.admin.workflow.approve(p, (await app.admin.workflow.submit(p, 'exhibition', 'japan-mongolia')).id);
        const ex = await app.fastify.inject({ method: 'GET', url: '/mn-Mong/exhibitions/japan-mongolia' });
        assert.equal(ex.statusCode, 200);
        assert.match(ex.body, new RegExp(`<h1[^>]*><span lang="mn-Mong">${title}</span>`), 'the title carries its lang for the vertical style');
        // A chapter title with no traditional-script text falls back to Cyrillic Mongolian, marked.
        const page = await app.fastify.inject({ method: 'GET', url: '/mn-Mong/exhibitions/japan-mongolia/establishment-1972' });
        assert.match(page.body, /<span lang="mn">[^<]+<\/span> <span class="note note-missing" lang="mn-Mong"/);
        const css = /<link rel="stylesheet" href="([^"]+)"/.exec(ex.body)?.[1];
        assert.ok(css);
        const sheet = await app.fastify.inject({ method: 'GET', url: css });
        assert.match(sheet.body, /\[lang\]:lang\(mn-Mong\):not\(\.note\)\s*\{[^}]*writing-mode: vertical-lr/);
      } finally {
        await app.close();
      }
    });
  });
}
