// Translation in the workspace: the dashboard per language and exhibition, the side-by-side
// editor of one value, the languages of the site, and the small JSON answer that lets public
// pages turn "not yet translated" notes into links for signed-in translators.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canAdminister, canCurateExhibition, canCurateItem, canEditAuthorities, canReview, type Principal } from '../../domain/permissions.ts';
import { wordDiff } from '../../domain/translation.ts';
import type { Exhibition, Item, Lang, LanguageConfig, LocalizedText } from '../../domain/types.ts';
import { ValidationError } from '../../services/content.ts';
import {
  countUnits,
  findTranslationUnit,
  isTextEntity,
  listTranslationUnits,
  TEXT_FIELDS,
  workList,
  workingExhibition,
  workingItems,
  type TranslationUnit,
} from '../../services/translation.ts';
import { Forbidden, NotFound } from '../../services/workflow.ts';
import { personName, plain, type ViewContext } from '../../views/context.ts';
import { editorUrl, renderLanguages, renderTranslationDashboard, renderTranslationEditor, type LanguagesModel } from '../../views/admin/translation.tsx';
import type { AdminContext } from './context.ts';
import type { AdminFrame } from './plugin.ts';

type Body = Record<string, string | string[] | undefined>;

/**
 * Not HttpOnly on purpose: public pages read it to know that asking /admin/translator.json is
 * worth a request. It says only "this browser has used the workspace"; the answer comes from
 * the session.
 */
export const WORKSPACE_HINT_COOKIE = 'tsuzuri_ws';

const PAGE_SIZE = 50;
const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,79}$/;

function one(body: Body | undefined, key: string): string | undefined {
  const v = body?.[key];
  return Array.isArray(v) ? v[0] : v;
}

export function registerTranslationRoutes(f: AdminFrame, ctx: AdminContext): void {
  const { deps, view, html, me, workflow } = ctx;
  const { storage, state } = deps;

  const setHint = (req: FastifyRequest, reply: FastifyReply) => {
    if (req.cookies[WORKSPACE_HINT_COOKIE] === '1') return;
    reply.setCookie(WORKSPACE_HINT_COOKIE, '1', { path: '/', sameSite: 'lax', secure: req.protocol === 'https', httpOnly: false, maxAge: 30 * 86400 });
  };

  /** The languages whose notes link a principal to the editor: those they translate, every one for reviewers. */
  const editorLangs = (p: Principal): Lang[] => {
    const all = state.languages.map((l) => l.tag);
    return p.isAdmin || canReview(p) ? all : all.filter((t) => p.translatorOf.includes(t));
  };

  const exhibitionList = async (): Promise<Exhibition[]> => {
    const out: Exhibition[] = [];
    for (const id of await storage.store.listExhibitionIds(false)) {
      const ex = await workingExhibition(storage, id);
      if (ex) out.push(ex);
    }
    for (const r of await storage.workspace.openRevisions('exhibition')) if (!out.some((e) => e.id === r.entityId)) out.push(r.data as Exhibition);
    return out;
  };

  /** Human names for the entities of some units ("Joint Communiqué…", a person's role holder…). */
  const labelsFor = async (units: readonly TranslationUnit[], ex: Exhibition | null, vctx: ViewContext): Promise<Map<string, string>> => {
    const labelOf = (text: LocalizedText | undefined, id: string) => plain(vctx, text, id);
    const labels = new Map<string, string>();
    const ids = (entity: string) => [...new Set(units.filter((u) => u.entity === entity).map((u) => u.id))];
    const items = await workingItems(storage, ids('item'));
    for (const [id, item] of items) labels.set(`item/${id}`, labelOf(item.heading, id));
    for (const p of await storage.store.getPeople(ids('person'))) {
      labels.set(`person/${p.id}`, personName(vctx, p).value);
    }
    for (const id of ids('institution')) labels.set(`institution/${id}`, labelOf((await storage.store.getInstitution(id))?.name, id));
    for (const p of await storage.store.getPlaces(ids('place'))) labels.set(`place/${p.id}`, labelOf(p.name, p.id));
    for (const id of ids('page')) labels.set(`page/${id}`, labelOf((await storage.store.getSitePage(id))?.title, id));
    if (ex) {
      labels.set(`exhibition/${ex.id}`, labelOf(ex.title, ex.id));
      for (const c of ex.chapters) {
        labels.set(`chapter/${c.id}`, labelOf(c.title, c.slug));
        for (const s of c.sections) labels.set(`section/${s.id}`, labelOf(s.heading, s.id));
      }
    }
    return labels;
  };

  // ---- dashboard -----------------------------------------------------------------------------

  f.route({ method: 'GET', url: '/admin/translations', access: 'workspace' }, async (req, reply) => {
    const p = me(req);
    const v = view(req);
    const q = req.query as Record<string, string | undefined>;
    const exhibitions = await exhibitionList();
    const ex = exhibitions.find((e) => e.id === q['exhibition']) ?? exhibitions[0];
    if (!ex) throw new NotFound('there is no exhibition to translate yet');
    const langs = state.languages.filter((l) => l.tag !== ex.sourceLang);
    const mine = p.translatorOf.filter((t) => langs.some((l) => l.tag === t));
    const asked = q['lang'];
    const lang = asked && langs.some((l) => l.tag === asked) ? asked : (mine[0] ?? langs[0]?.tag);
    if (!lang) throw new NotFound('the site has no language to translate into');
    const units = (await listTranslationUnits(storage, ex.id, lang)) ?? [];
    const work = workList(units);
    const pages = Math.max(1, Math.ceil(work.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(q['page'] ?? '1', 10) || 1));
    const shown = work.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    setHint(req, reply);
    return html(
      reply,
      renderTranslationDashboard(v, {
        langs,
        mine,
        lang,
        exhibitions: exhibitions.map((e) => ({ id: e.id, title: plain(v.ctx, e.title, e.id) })),
        exhibitionId: ex.id,
        sourceLang: ex.sourceLang,
        counts: countUnits(units),
        chapters: ex.chapters.map((c) => ({ id: c.id, title: plain(v.ctx, c.title, c.slug) })),
        work: shown,
        labels: await labelsFor(shown, ex, v.ctx),
        page,
        pages,
        totalWork: work.length,
        languages: state.languages,
      }),
    );
  });

  // ---- the editor ------------------------------------------------------------------------------

  const parseRef = (req: FastifyRequest) => {
    const { lang, entity, id, field } = req.params as { lang: string; entity: string; id: string; field: string };
    if (!state.has(lang)) throw new NotFound(`"${lang}" is not a language of this site`);
    if (!isTextEntity(entity) || !ID.test(id) || !TEXT_FIELDS[entity].includes(field)) throw new NotFound('no such translated value');
    return { lang, ref: { entity, id, field } };
  };

  /** Whether `p` may write `lang` on this value: its translators, and whoever curates the record. */
  const mayWrite = async (p: Principal, u: TranslationUnit): Promise<boolean> => {
    if (p.isAdmin || p.translatorOf.includes(u.lang)) return true;
    if (u.entity === 'item') {
      const item: Item | undefined = (await workingItems(storage, [u.id])).get(u.id);
      return !!item && canCurateItem(p, item.institutionId);
    }
    if (u.entity === 'exhibition' || u.entity === 'chapter' || u.entity === 'section') {
      const ex = u.exhibitionId ? await workingExhibition(storage, u.exhibitionId) : null;
      return !!ex && canCurateExhibition(p, ex);
    }
    if (u.entity === 'person' || u.entity === 'place') return canEditAuthorities(p);
    return canAdminister(p);
  };

  const editor = async (req: FastifyRequest, reply: FastifyReply, opts: { saved?: boolean; errors?: { where: string; why: string }[]; status?: number } = {}) => {
    const p = me(req);
    const v = view(req);
    const { lang, ref } = parseRef(req);
    const unit = await findTranslationUnit(storage, ref, lang);
    if (!unit) throw new NotFound('no such translated value');
    const ex = unit.exhibitionId ? await workingExhibition(storage, unit.exhibitionId) : null;
    const labels = await labelsFor([unit], ex, v.ctx);
    let next: string | null = null;
    if (unit.exhibitionId && lang !== unit.sourceLang) {
      const units = workList((await listTranslationUnits(storage, unit.exhibitionId, lang)) ?? []);
      const at = units.findIndex((u) => u.key === unit.key);
      const after = units.slice(at + 1).find((u) => u.key !== unit.key) ?? (at < 0 ? units[0] : undefined);
      if (after) next = editorUrl(lang, after);
    }
    const by = unit.translation?.by;
    const author = by ? ((await storage.workspace.userById(by))?.name ?? null) : null;
    const diff = unit.state === 'outdated' && unit.translation?.source !== undefined ? wordDiff(unit.translation.source, unit.source?.value ?? '') : null;
    setHint(req, reply);
    return html(
      reply,
      renderTranslationEditor(v, {
        unit,
        label: labels.get(`${unit.entity}/${unit.id}`) ?? unit.id,
        languages: state.languages,
        diff,
        author,
        canWrite: lang !== unit.sourceLang && (await mayWrite(p, unit)),
        canReview: canReview(p) && lang !== unit.sourceLang,
        drafted: unit.entity === 'item' || unit.entity === 'exhibition' || unit.entity === 'chapter' || unit.entity === 'section',
        saved: opts.saved ?? false,
        errors: opts.errors ?? [],
        next,
      }),
      opts.status ?? 200,
    );
  };

  const EDITOR_URL = '/admin/translations/:lang/:entity/:id/:field';

  f.route({ method: 'GET', url: EDITOR_URL, access: 'workspace' }, async (req, reply) =>
    editor(req, reply, { saved: (req.query as Record<string, string | undefined>)['saved'] === '1' }),
  );

  f.route({ method: 'POST', url: EDITOR_URL, access: 'workspace' }, async (req, reply) => {
    const p = me(req);
    const { lang, ref } = parseRef(req);
    const body = req.body as Body | undefined;
    const action = one(body, 'action');
    try {
      if (action === 'review') await workflow.markReviewed(p, ref, lang, req.ip);
      else {
        const value = one(body, 'value');
        if (value === undefined) throw new ValidationError([{ where: 'value', why: 'the form sent no translation' }]);
        await workflow.saveTranslation(p, ref, lang, value, req.ip);
      }
    } catch (err) {
      if (err instanceof ValidationError) return editor(req, reply, { errors: err.errors, status: 422 });
      throw err;
    }
    return reply.redirect(`${editorUrl(lang, ref)}?saved=1`, 303);
  });

  // ---- public pages ask which languages this browser's user translates -----------------------

  f.route({ method: 'GET', url: '/admin/translator.json', access: 'anyone' }, async (req, reply) => {
    const p = req.session?.principal ?? null;
    reply.header('cache-control', 'private, no-store');
    return reply.type('application/json; charset=utf-8').send({ langs: p ? editorLangs(p) : [], editor: '/admin/translations' });
  });

  // ---- languages (administrators) ----------------------------------------------------------------

  const languagesPage = async (req: FastifyRequest, editing: LanguageConfig | null, values: LanguagesModel['values'] | null, errors: LanguagesModel['errors'] = [], saved = false) => {
    const languages = await storage.store.listLanguages();
    const positions = await storage.store.languagePositions();
    const start = values ?? (editing
      ? { tag: editing.tag, name: editing.name, dir: editing.dir, fallback: editing.fallback.join(', '), position: String(positions.get(editing.tag) ?? 0) }
      : { tag: '', name: '', dir: 'ltr', fallback: 'en', position: String(Math.max(0, ...positions.values()) + 1) });
    return renderLanguages(view(req), { languages, positions, editing, values: start, errors, saved });
  };

  const languageFrom = (body: Body | undefined, tag: string) => {
    const values = {
      tag,
      name: (one(body, 'name') ?? '').trim(),
      dir: one(body, 'dir') ?? 'ltr',
      fallback: one(body, 'fallback') ?? '',
      position: (one(body, 'position') ?? '').trim(),
    };
    const lang: LanguageConfig = { tag, name: values.name, dir: values.dir === 'rtl' ? 'rtl' : values.dir === 'ltr' ? 'ltr' : (values.dir as 'ltr'), fallback: values.fallback.split(/[\s,]+/).filter((x) => x !== '') };
    return { values, lang, position: values.position === '' ? Number.NaN : Number(values.position) };
  };

  const saveLanguage = async (req: FastifyRequest, reply: FastifyReply, editing: LanguageConfig | null, tag: string) => {
    const { values, lang, position } = languageFrom(req.body as Body | undefined, tag);
    if (!editing && (await storage.store.listLanguages()).some((l) => l.tag.toLowerCase() === tag.trim().toLowerCase())) {
      return html(reply, await languagesPage(req, null, values, [{ where: 'tag', why: `"${tag}" is already a language of this site` }]), 422);
    }
    let saved: LanguageConfig;
    try {
      saved = await workflow.saveLanguage(me(req), lang, position, req.ip);
    } catch (err) {
      if (err instanceof ValidationError) return html(reply, await languagesPage(req, editing, values, err.errors), 422);
      throw err;
    }
    // This process answers in the new language at once; other app servers follow at their next poll.
    await state.reload();
    return reply.redirect(`/admin/languages/${encodeURIComponent(saved.tag)}?saved=1`, 303);
  };

  f.route({ method: 'GET', url: '/admin/languages', access: 'admin' }, async (req, reply) => html(reply, await languagesPage(req, null, null)));

  f.route({ method: 'POST', url: '/admin/languages', access: 'admin' }, async (req, reply) => saveLanguage(req, reply, null, one(req.body as Body | undefined, 'tag') ?? ''));

  const knownLanguage = async (req: FastifyRequest) => {
    const { tag } = req.params as { tag: string };
    const lang = (await storage.store.listLanguages()).find((l) => l.tag === tag);
    if (!lang) throw new NotFound(`no language "${tag}"`);
    return lang;
  };

  f.route({ method: 'GET', url: '/admin/languages/:tag', access: 'admin' }, async (req, reply) => {
    const lang = await knownLanguage(req);
    return html(reply, await languagesPage(req, lang, null, [], (req.query as Record<string, string | undefined>)['saved'] === '1'));
  });

  f.route({ method: 'POST', url: '/admin/languages/:tag', access: 'admin' }, async (req, reply) => {
    const lang = await knownLanguage(req);
    if (!canAdminister(me(req))) throw new Forbidden('only administrators change languages');
    return saveLanguage(req, reply, lang, lang.tag);
  });
}
