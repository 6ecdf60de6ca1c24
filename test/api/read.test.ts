// The read API over the demo, on every engine: every endpoint walked and every answer checked
// against the OpenAPI document, paging that covers each record exactly once, filters, refusals
// of bad parameters, HTTP caching and CORS, and that unpublished content never shows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { edtfBounds } from '../../src/domain/edtf.ts';
import { principalFrom } from '../../src/domain/permissions.ts';
import type { Item } from '../../src/domain/types.ts';
import { availableEngines } from '../helpers/engines.ts';
import { apiApp, BASE, PREFIX, type ApiTestApp } from './helpers.ts';

type Text = Record<string, { value: string; status: string }>;
interface Links {
  self: string;
  html: Record<string, string>;
  items?: string;
  manifest?: string | null;
}
interface ItemSummary {
  id: string;
  heading: Text;
  date: { edtf: string; earliest: string | null; latest: string | null; display: Record<string, string> } | null;
  holder: { id: string };
  referenceCode: string | null;
  mediaType: string;
  thumbnail: string | null;
  links: Links;
}
interface ItemList {
  items: ItemSummary[];
  total: number;
  limit: number;
  next: string | null;
}
interface ItemDetail extends ItemSummary {
  title: Text;
  caption: Text;
  rights: { uri: string };
  people: { id: string; self: string }[];
  places: { id: string }[];
  media: { id: string; imageService: string | null; url: string | null }[];
  placements: { exhibition: { id: string }; chapter: { id: string; self: string } }[];
}
interface ChapterOutline {
  id: string;
  itemCount: number;
  sections: { id: string; itemCount: number }[];
  self: string;
}
interface Exhibition {
  id: string;
  itemCount: number;
  chapters: ChapterOutline[];
  links: Links;
}
interface Chapter {
  id: string;
  sections: { id: string; items: ItemSummary[] }[];
  links: Links;
}
interface PersonSummary {
  id: string;
  itemCount: number;
  links: Links;
}
interface InstitutionSummary {
  id: string;
  itemCount: number;
  links: Links;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  parameter?: string;
}

const LANGS = ['ja', 'mn', 'en'];

for (const engine of await availableEngines()) {
  describe(`read API /api/v1 (${engine})`, () => {
    let t: ApiTestApp;
    let published: string[];
    before(async () => {
      t = await apiApp(engine);
      published = await t.storage.store.listItemIds(true);
    });
    after(async () => t?.close());

    /** Every record of a list, following `next` links; asserts the Link header agrees. */
    const allPages = async (url: string): Promise<{ ids: string[]; pages: ItemList[] }> => {
      const pages: ItemList[] = [];
      let next: string | null = url;
      while (next) {
        const res = await t.get(next);
        assert.equal(res.statusCode, 200, next);
        const page = res.json<ItemList>();
        const link = String(res.headers['link'] ?? '');
        assert.match(link, /rel="first"/);
        if (page.next) assert.ok(link.includes(`<${page.next}>; rel="next"`), `Link names the next page: ${link}`);
        else assert.ok(!link.includes('rel="next"'), 'the last page has no next link');
        pages.push(page);
        next = page.next;
        assert.ok(pages.length <= published.length + 1, 'paging ends');
      }
      return { ids: pages.flatMap((p) => p.items.map((i) => i.id)), pages };
    };

    it('walks every exhibition, chapter, record, person and institution; each answer as documented', async () => {
      const { exhibitions } = await t.getJson<{ exhibitions: { id: string; itemCount: number; links: Links }[] }>(`${PREFIX}/exhibitions`);
      assert.deepEqual(exhibitions.map((e) => e.id), ['japan-mongolia']);
      const placed = new Set<string>();
      for (const summary of exhibitions) {
        const ex = await t.getJson<Exhibition>(summary.links.self);
        assert.equal(ex.itemCount, summary.itemCount);
        assert.deepEqual(Object.keys(ex.links.html), LANGS);
        for (const outline of ex.chapters) {
          const chapter = await t.getJson<Chapter>(outline.self);
          assert.equal(chapter.id, outline.id);
          assert.deepEqual(chapter.sections.map((s) => s.items.length), outline.sections.map((s) => s.itemCount));
          for (const s of chapter.sections) for (const i of s.items) placed.add(i.id);
        }
      }
      assert.ok(placed.size >= 10, `${placed.size} records placed`);
      assert.deepEqual([...placed].sort(), [...(await t.storage.store.publishedItemIdsIn('japan-mongolia'))].sort());

      const items = await t.storage.store.getItems(published);
      for (const item of items) {
        const d = await t.getJson<ItemDetail>(`${PREFIX}/items/${item.id}`);
        assert.equal(d.id, item.id);
        assert.deepEqual(Object.keys(d.heading).sort(), Object.keys(item.heading).sort());
        for (const [lang, v] of Object.entries(item.heading)) assert.equal(d.heading[lang]?.value, v?.value);
        assert.equal(d.holder.id, item.institutionId);
        assert.equal(d.referenceCode, item.referenceCode);
        assert.equal(d.rights.uri, item.rights);
        assert.equal(d.date?.edtf ?? null, item.date);
        if (item.date) assert.equal(Object.keys(d.date?.display ?? {}).length, LANGS.length);
        assert.deepEqual(d.people.map((p) => p.id), item.personIds);
        assert.deepEqual(d.places.map((p) => p.id), item.placeIds);
        assert.deepEqual(d.media.map((m) => m.id), item.media.map((m) => m.id));
        assert.deepEqual(Object.keys(d.links.html), LANGS);
        assert.equal(d.placements.length > 0, placed.has(item.id));
        for (const p of d.placements) await t.getJson<Chapter>(p.chapter.self);
        for (const p of d.people) await t.getJson<PersonSummary>(p.self);
      }

      const { people } = await t.getJson<{ people: PersonSummary[] }>(`${PREFIX}/people`);
      assert.ok(people.length >= 5);
      for (const p of people) {
        const d = await t.getJson<PersonSummary>(p.links.self);
        assert.equal(d.itemCount, p.itemCount);
        assert.equal(p.itemCount, (await t.storage.store.itemIdsByPerson(p.id)).length);
      }
      const { institutions } = await t.getJson<{ institutions: InstitutionSummary[] }>(`${PREFIX}/institutions`);
      assert.equal(institutions.length, (await t.storage.store.listInstitutions()).length);
      for (const i of institutions) {
        const d = await t.getJson<InstitutionSummary>(i.links.self);
        assert.equal(d.itemCount, i.itemCount);
        assert.equal(i.itemCount, (await t.storage.store.itemIdsByInstitution(i.id)).length);
      }

      // Every read path of the document was exercised with a 200.
      const templates = new Set(t.fetched.filter((f) => f.status === 200).map((f) => t.check.templateOf(new URL(f.url, BASE).pathname.slice(PREFIX.length))));
      for (const p of ['/exhibitions', '/exhibitions/{id}', '/exhibitions/{id}/chapters/{chapterId}', '/items/{id}', '/people', '/people/{id}', '/institutions', '/institutions/{id}']) {
        assert.ok(templates.has(p), `walked ${p}`);
      }
      // The document describes itself too.
      const doc = await t.getJson<{ openapi: string; servers: { url: string }[] }>(`${PREFIX}/openapi.json`);
      assert.deepEqual(doc.servers, [{ url: `${BASE}${PREFIX}` }]);
    });

    it('links to pages that exist, in every language, and to media that is served', async () => {
      const d = await t.getJson<ItemDetail>(`${PREFIX}/items/${published[0] ?? ''}`);
      for (const lang of LANGS) {
        const page = await t.fastify.inject({ url: new URL(d.links.html[lang] ?? '').pathname });
        assert.equal(page.statusCode, 200, `${lang} page`);
      }
      const ex = await t.getJson<Exhibition>(`${PREFIX}/exhibitions/japan-mongolia`);
      const chapter = await t.getJson<Chapter>(ex.chapters[0]?.self ?? '');
      const { people } = await t.getJson<{ people: PersonSummary[] }>(`${PREFIX}/people`);
      const { institutions } = await t.getJson<{ institutions: InstitutionSummary[] }>(`${PREFIX}/institutions`);
      const pages = [ex.links, chapter.links, people[0]?.links, institutions[0]?.links].filter((l): l is Links => l !== undefined);
      assert.equal(pages.length, 4);
      for (const url of pages.flatMap((l) => LANGS.map((lang) => l.html[lang] ?? ''))) {
        const res = await t.fastify.inject({ url: new URL(url).pathname });
        assert.equal(res.statusCode, 200, url);
      }
      const withImage = (await t.storage.store.getItems(published)).find((i) => i.media.some((m) => m.kind === 'image' && m.path));
      assert.ok(withImage, 'a record with a local image');
      const item = await t.getJson<ItemDetail>(`${PREFIX}/items/${withImage.id}`);
      assert.ok(item.thumbnail?.startsWith(`${BASE}/iiif/3/`), `thumbnail ${String(item.thumbnail)}`);
      const thumb = await t.fastify.inject({ url: new URL(item.thumbnail ?? '').pathname, headers: { host: 'archives.example' } });
      assert.equal(thumb.statusCode, 200, 'the thumbnail is an Image API request the site answers');
      assert.equal(thumb.headers['content-type'], 'image/jpeg');
      assert.ok(item.links.manifest, 'a manifest link');
      const manifest = await t.fastify.inject({ url: new URL(item.links.manifest).pathname, headers: { host: 'archives.example' } });
      assert.equal(manifest.statusCode, 200);
    });

    it('pages through every published record exactly once, oldest first, with Link headers', async () => {
      const items = new Map((await t.storage.store.getItems(published)).map((i) => [i.id, i]));
      const first = (id: string) => {
        const date = items.get(id)?.date;
        return date ? edtfBounds(date).earliest : null;
      };
      for (const limit of [1, 7, 100]) {
        const { ids, pages } = await allPages(`${PREFIX}/items?limit=${limit}`);
        assert.equal(ids.length, new Set(ids).size, `limit ${limit}: no record twice`);
        assert.deepEqual([...ids].sort(), [...published].sort(), `limit ${limit}: every published record`);
        assert.equal(pages.length, Math.ceil(published.length / limit));
        for (const p of pages) {
          assert.equal(p.total, published.length);
          assert.ok(p.items.length <= limit);
        }
        for (let i = 1; i < ids.length; i++) {
          const [a, b] = [first(ids[i - 1] ?? ''), first(ids[i] ?? '')];
          assert.ok(a === null ? b === null : b === null || a <= b, `order at ${ids[i] ?? ''}: ${String(a)} then ${String(b)}`);
        }
      }
      const plain = await t.getJson<ItemList>(`${PREFIX}/items`);
      assert.equal(plain.limit, 20);

      // A record unpublished between two pages shifts nothing: the rest still come exactly once.
      const first4 = await t.getJson<ItemList>(`${PREFIX}/items?limit=4`);
      const seen = first4.items.map((i) => i.id);
      const gone = await t.storage.store.getItem(seen[1] ?? '');
      assert.ok(gone && first4.next);
      await t.content.saveItem({ ...gone, state: 'draft' });
      try {
        const rest = await allPages(first4.next);
        assert.deepEqual([...seen, ...rest.ids].sort(), [...published].sort());
        assert.equal(rest.pages[0]?.total, published.length - 1);
      } finally {
        await t.content.saveItem(gone);
      }
    });

    it('filters by institution, exhibition, person, kind and dates, as the store reads them', async () => {
      const store = t.storage.store;
      const same = async (url: string, expected: Iterable<string>) => {
        const { ids } = await allPages(url);
        assert.deepEqual([...ids].sort(), [...expected].sort(), url);
        return ids;
      };
      for (const inst of await store.listInstitutions()) await same(`${PREFIX}/items?institution=${inst.id}&limit=5`, await store.itemIdsByInstitution(inst.id));
      for (const id of await store.listPersonIds()) await same(`${PREFIX}/items?person=${id}`, await store.itemIdsByPerson(id));
      await same(`${PREFIX}/items?exhibition=japan-mongolia`, await store.publishedItemIdsIn('japan-mongolia'));
      await same(`${PREFIX}/items?exhibition=no-such-exhibition`, []);
      const items = await store.getItems(published);
      await same(`${PREFIX}/items?media=photograph`, items.filter((i) => i.mediaType === 'photograph').map((i) => i.id));
      const overlapping = (from: string, to: string) =>
        items
          .filter((i) => {
            if (!i.date) return false;
            const b = edtfBounds(i.date);
            return (b.latest === null || b.latest >= from) && (b.earliest === null || b.earliest <= to);
          })
          .map((i) => i.id);
      const in1972 = await same(`${PREFIX}/items?from=1972&to=1972`, overlapping('1972-01-01', '1972-12-31'));
      assert.ok(in1972.length > 0 && in1972.length < published.length, 'the demo has records in 1972 and outside it');
      await same(`${PREFIX}/items?from=1972-02-19&to=1972-10`, overlapping('1972-02-19', '1972-10-31'));
      await same(`${PREFIX}/items?from=1975`, overlapping('1975-01-01', '9999-12-31'));
      const both = await same(
        `${PREFIX}/items?from=1972&media=document&institution=jp-naj`,
        overlapping('1972-01-01', '9999-12-31').filter((id) => {
          const i = items.find((x) => x.id === id);
          return i?.mediaType === 'document' && i.institutionId === 'jp-naj';
        }),
      );
      assert.ok(both.length > 0, 'filters combine');
    });

    it('refuses bad parameters with a problem naming the parameter and why', async () => {
      const cases: [string, string][] = [
        ['/items?limit=0', 'limit'],
        ['/items?limit=101', 'limit'],
        ['/items?limit=ten', 'limit'],
        ['/items?limit=5&limit=6', 'limit'],
        ['/items?cursor=%%%', 'cursor'],
        ['/items?cursor=bm90LWpzb24', 'cursor'],
        [`/items?cursor=${Buffer.from(JSON.stringify(['1972', 'x'])).toString('base64url')}`, 'cursor'],
        ['/items?institution=Not%20An%20Id', 'institution'],
        ['/items?person=', 'person'],
        ['/items?media=video', 'media'],
        ['/items?from=1972-13', 'from'],
        ['/items?from=1973-02-29', 'from'],
        ['/items?to=72', 'to'],
        ['/items?from=1977&to=1972', 'to'],
        ['/items?sort=date', 'sort'],
        ['/exhibitions?lang=en', 'lang'],
        ['/items/joint-communique-1972?x=1', 'x'],
        ['/openapi.json?v=2', 'v'],
      ];
      for (const [path, parameter] of cases) {
        const res = await t.get(`${PREFIX}${path}`);
        assert.equal(res.statusCode, 400, path);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const p = res.json<Problem>();
        assert.equal(p.status, 400);
        assert.equal(p.parameter, parameter, path);
        assert.ok(p.detail.startsWith(parameter) && p.detail.length > parameter.length + 10, `${path}: ${p.detail}`);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
      // A leap day is a day.
      assert.equal((await t.get(`${PREFIX}/items?from=1972-02-29`)).statusCode, 200);
    });

    it('answers unknown and malformed ids, and unknown addresses, with a JSON 404', async () => {
      for (const path of [
        '/items/no-such-item',
        '/items/NOT_AN_ID',
        '/people/no-such-person',
        '/institutions/no-such-archive',
        '/exhibitions/no-such-exhibition',
        '/exhibitions/japan-mongolia/chapters/no-such-chapter',
        '/exhibitions/no-such-exhibition/chapters/establishment-1972',
      ]) {
        const res = await t.get(`${PREFIX}${path}`);
        assert.equal(res.statusCode, 404, path);
        const p = res.json<Problem>();
        assert.deepEqual([p.type, p.title, p.status], ['about:blank', 'Not Found', 404]);
      }
      // A path that is not even correctly percent-encoded is refused by the framework, never a 500.
      const garbled = await t.fastify.inject({ url: `${PREFIX}/items/%E0%A4%A` });
      assert.equal(garbled.statusCode, 400);
      for (const path of [PREFIX, `${PREFIX}/`, `${PREFIX}/items/${'a'.repeat(2000)}`]) {
        const res = await t.fastify.inject({ url: path });
        assert.equal(res.statusCode, 404, path);
        assert.equal(res.headers['content-type'], 'application/problem+json');
      }
      const other = await t.fastify.inject({ url: `${PREFIX}/nothing/here` });
      assert.equal(other.statusCode, 404);
      assert.equal(other.headers['content-type'], 'application/problem+json');
      assert.equal(other.json<Problem>().status, 404);
    });

    it('revalidates with ETags, compresses, answers HEAD and CORS preflight', async () => {
      const url = `${PREFIX}/items/joint-communique-1972`;
      const res = await t.get(url);
      const etag = String(res.headers['etag']);
      assert.match(etag, /^"[^"]+"$/);
      assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const again = await t.get(url, { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const gz = await t.fastify.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const head = await t.fastify.inject({ method: 'HEAD', url });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
      const pre = await t.fastify.inject({ method: 'OPTIONS', url, headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
      assert.equal(pre.statusCode, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
      assert.match(String(pre.headers['access-control-allow-methods']), /GET/);
      // A change of content gives a new ETag.
      const item = await t.storage.store.getItem('joint-communique-1972');
      assert.ok(item);
      await t.content.saveItem({ ...item, caption: { ...item.caption, en: { value: 'A changed caption.', status: 'reviewed' } } });
      const changed = await t.get(url, { 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers['etag'], etag);
      assert.equal(changed.json<ItemDetail>().caption['en']?.value, 'A changed caption.');
      await t.content.saveItem(item);
    });

    it('describes the search endpoint: answers and refusals match the document', async () => {
      const res = await t.get(`${PREFIX}/search?q=Tsedenbal&lang=en`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.json<{ total: number }>().total > 0);
      assert.equal((await t.get(`${PREFIX}/search?q=x&per=0`)).statusCode, 400);
      assert.equal((await t.get(`${PREFIX}/search/suggest?q=Tse&lang=en`)).statusCode, 200);
    });

    it('never shows unpublished content: not in lists, details, chapters, counts or people', async () => {
      const store = t.storage.store;
      // A placed record with people, whose holder holds others.
      const items = await store.getItems(published);
      const people = new Map<string, number>();
      for (const i of items) for (const p of i.personIds) people.set(p, (people.get(p) ?? 0) + 1);
      const target = items.find((i) => i.personIds.some((p) => people.get(p) === 1) && i.personIds.length > 0);
      assert.ok(target, 'the demo has a record whose person has no other');
      const loner = target.personIds.find((p) => people.get(p) === 1) ?? '';
      const shared = target.personIds.find((p) => (people.get(p) ?? 0) > 1);
      const [placement] = await store.placementsOf(target.id);
      assert.ok(placement);

      const before = {
        ex: await t.getJson<Exhibition>(`${PREFIX}/exhibitions/${placement.exhibitionId}`),
        inst: await t.getJson<InstitutionSummary>(`${PREFIX}/institutions/${target.institutionId}`),
        shared: shared ? await t.getJson<PersonSummary>(`${PREFIX}/people/${shared}`) : null,
      };
      await t.content.saveItem({ ...target, state: 'draft' });
      try {
        const detail = await t.get(`${PREFIX}/items/${target.id}`);
        assert.equal(detail.statusCode, 404);
        assert.ok(!detail.body.includes(target.heading['en']?.value ?? '\u0000'));
        const { ids } = await allPages(`${PREFIX}/items?limit=3`);
        assert.ok(!ids.includes(target.id), 'not in the list');
        assert.equal(ids.length, published.length - 1);
        for (const f of [`institution=${target.institutionId}`, `exhibition=${placement.exhibitionId}`, `person=${loner}`, ...(shared ? [`person=${shared}`] : [])]) {
          assert.ok(!(await allPages(`${PREFIX}/items?${f}`)).ids.includes(target.id), `not in ?${f}`);
        }
        const chapter = await t.getJson<Chapter>(`${PREFIX}/exhibitions/${placement.exhibitionId}/chapters/${placement.chapterId}`);
        assert.ok(!chapter.sections.some((s) => s.items.some((i) => i.id === target.id)), 'not in its chapter');
        const ex = await t.getJson<Exhibition>(`${PREFIX}/exhibitions/${placement.exhibitionId}`);
        assert.equal(ex.itemCount, before.ex.itemCount - 1);
        const inst = await t.getJson<InstitutionSummary>(`${PREFIX}/institutions/${target.institutionId}`);
        assert.equal(inst.itemCount, before.inst.itemCount - 1);
        if (shared && before.shared) assert.equal((await t.getJson<PersonSummary>(`${PREFIX}/people/${shared}`)).itemCount, before.shared.itemCount - 1);
        // A person known only through the unpublished record is not public.
        assert.equal((await t.get(`${PREFIX}/people/${loner}`)).statusCode, 404);
        const { people: list } = await t.getJson<{ people: PersonSummary[] }>(`${PREFIX}/people`);
        assert.ok(!list.some((p) => p.id === loner));
        for (const other of await store.getItems(published.filter((id) => id !== target.id).slice(0, 3))) {
          const body = (await t.get(`${PREFIX}/items/${other.id}`)).body;
          assert.ok(!body.includes(`/items/${target.id}"`), `${other.id} does not link the unpublished record`);
        }
      } finally {
        await t.content.saveItem(target);
      }
      assert.equal((await t.get(`${PREFIX}/items/${target.id}`)).statusCode, 200, 'published again, shown again');

      // An unpublished exhibition takes its chapters and placements with it.
      const exhibition = await store.getExhibition(placement.exhibitionId);
      assert.ok(exhibition);
      await t.content.saveExhibition({ ...exhibition, state: 'draft' });
      try {
        assert.deepEqual((await t.getJson<{ exhibitions: unknown[] }>(`${PREFIX}/exhibitions`)).exhibitions, []);
        assert.equal((await t.get(`${PREFIX}/exhibitions/${exhibition.id}`)).statusCode, 404);
        assert.equal((await t.get(`${PREFIX}/exhibitions/${exhibition.id}/chapters/${placement.chapterId}`)).statusCode, 404);
        assert.equal((await t.getJson<ItemList>(`${PREFIX}/items?exhibition=${exhibition.id}`)).total, 0);
        const d = await t.getJson<ItemDetail>(`${PREFIX}/items/${target.id}`);
        assert.deepEqual(d.placements, [], 'a record shows no placement in a draft exhibition');
      } finally {
        await t.content.saveExhibition(exhibition);
      }
      assert.equal((await t.get(`${PREFIX}/exhibitions/${exhibition.id}`)).statusCode, 200);
    });

    it('serves only what a record publishes: no workspace drafts, no internal fields', async () => {
      const item = (await t.storage.store.getItem('joint-communique-1972')) as Item;
      // A translation with its source and author, as the workspace stores them.
      const marked: Item = { ...item, caption: { ...item.caption, mn: { value: 'Орчуулга', status: 'draft', source: 'Source text', by: 'u-translator' } } };
      await t.content.saveItem(marked);
      try {
        const res = await t.get(`${PREFIX}/items/${item.id}`);
        const caption = res.json<ItemDetail>().caption;
        assert.deepEqual(caption['mn'], { value: 'Орчуулга', status: 'draft' });
        assert.ok(!res.body.includes('u-translator') && !res.body.includes('Source text'));
        assert.ok(!res.body.includes('"state"') && !res.body.includes('"path"'), 'no publication state or file paths');
      } finally {
        await t.content.saveItem(item);
      }
      // A draft in the workspace is not what visitors see until it is approved.
      const wf = t.admin.workflow;
      const copy = await wf.item(item.id);
      assert.ok(copy);
      const admin = principalFrom({ id: 'u-admin', name: 'Admin', isAdmin: true }, []);
      await wf.saveItemDraft(admin, { ...copy.current, caption: { en: { value: 'Work in progress', status: 'draft' } } });
      const res = await t.get(`${PREFIX}/items/${item.id}`);
      assert.ok(!res.body.includes('Work in progress'));
      assert.equal(res.json<ItemDetail>().caption['en']?.value, item.caption['en']?.value);
    });
  });
}
