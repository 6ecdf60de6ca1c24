// The curators' workspace under /admin. Handlers: parse the form → call a service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canCurateExhibition, canCurateItem, canEditAuthorities, canReadDrafts, canReview, ROLES, type Principal, type Role, type RoleGrant } from '../../domain/permissions.ts';
import { diffSnapshots } from '../../domain/revision-diff.ts';
import { randomUUID } from 'node:crypto';
import { ingestCaptions, ingestUpload, UploadRejected } from '../../media/ingest.ts';
import { prepareImage } from '../../media/iiif/pyramid.ts';
import { ImportError, importManifest } from '../../services/iiif-import.ts';
import { getScheme, SCHEMES } from '../../domain/reference-code.ts';
import type { Exhibition, Institution, Item, LocalizedText, Media, MediaType, NamingCulture, Person, PersonNameParts } from '../../domain/types.ts';
import { AuthService, SESSION_DAYS, SignInRefused } from '../../services/auth.ts';
import { ValidationError } from '../../services/content.ts';
import { Conflict, Forbidden, NotFound, WorkflowService } from '../../services/workflow.ts';
import { renderChapter, renderItem } from '../../views/pages.tsx';
import { plain } from '../../views/context.ts';
import type { AdminView } from '../../views/admin/layout.tsx';
import {
  renderAudit,
  renderDashboard,
  renderExhibitionForm,
  renderExhibitionsList,
  renderHistory,
  renderImportIiif,
  renderInstitutionForm,
  renderInstitutionsAdmin,
  renderItemForm,
  renderItemsList,
  renderPlaceForm,
  renderTermsForm,
  renderLogin,
  renderMessage,
  renderPeopleList,
  renderPersonForm,
  renderReview,
  renderSetup,
  renderUserForm,
  renderUsers,
  type FormError,
} from '../../views/admin/pages.tsx';
import type { RouteDeps } from '../app.ts';
import type { AdminContext } from './context.ts';
import { registerEadRoutes } from './ead-routes.ts';
import { adminFrame, cookieOptions, SESSION_COOKIE, type AdminFrame } from './plugin.ts';
import { registerSheetRoutes } from './sheet-routes.ts';
import { registerTranslationRoutes, WORKSPACE_HINT_COOKIE } from './translation-routes.ts';
import { registerXliffRoutes } from './xliff-routes.ts';

type Body = Record<string, string | string[] | undefined>;

/** A field of a multipart form as @fastify/multipart attaches it to the body. */
interface MultipartValue {
  value?: unknown;
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const PAGE_SIZE = 50;

function one(body: Body, key: string): string | undefined {
  const v = body[key];
  return Array.isArray(v) ? v[0] : v;
}

function many(body: Body, key: string): string[] {
  const v = body[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * A translated field from the form: languages whose inputs were sent replace the base value
 * (an empty input removes it); languages not sent — disabled for this user — stay as they were.
 */
export function textFromForm(body: Body, name: string, base: LocalizedText): LocalizedText {
  const out: LocalizedText = { ...base };
  for (const key of Object.keys(body)) {
    const m = /^(.+)@([A-Za-z0-9-]+)$/.exec(key);
    if (!m || m[1] !== name || !m[2]) continue;
    const lang = m[2];
    const value = (one(body, key) ?? '').replace(/\r\n/g, '\n').trim();
    const status = one(body, `${key}:status`);
    if (value === '') delete out[lang];
    // Without a status field (e.g. a script posting only the text) the value keeps its status.
    else out[lang] = { value, status: status === undefined ? (base[lang]?.status ?? 'draft') : status === 'reviewed' ? 'reviewed' : 'draft' };
  }
  return out;
}

/** The item as edited in the form, starting from `base`; fields not sent keep their values. */
export function itemFromForm(body: Body, base: Item): Item {
  const has = (k: string) => body[k] !== undefined;
  const mediaTypes: MediaType[] = ['document', 'photograph', 'film', 'sound'];
  const mt = one(body, 'mediaType') as MediaType | undefined;
  // A multi-select sends nothing when nothing is chosen, so a curator's form marks that it carries them.
  const curated = has('institutionId');
  return {
    ...base,
    heading: textFromForm(body, 'heading', base.heading),
    title: textFromForm(body, 'title', base.title),
    caption: textFromForm(body, 'caption', base.caption),
    institutionId: has('institutionId') ? (one(body, 'institutionId') ?? base.institutionId) : base.institutionId,
    referenceCode: has('referenceCode') ? one(body, 'referenceCode')?.trim() || null : base.referenceCode,
    date: has('date') ? one(body, 'date')?.trim() || null : base.date,
    mediaType: mt && mediaTypes.includes(mt) ? mt : base.mediaType,
    rights: has('rights') ? (one(body, 'rights') ?? base.rights) : base.rights,
    personIds: curated ? keepOrder(base.personIds, many(body, 'personIds')) : base.personIds,
    placeIds: curated ? keepOrder(base.placeIds, many(body, 'placeIds')) : base.placeIds,
  };
}

/**
 * A multi-select sends its choices in the order of its options, not in the order the links
 * were made: links already there keep their place, new ones follow.
 */
function keepOrder(before: readonly string[], chosen: readonly string[]): string[] {
  const set = new Set(chosen);
  return [...before.filter((id) => set.has(id)), ...chosen.filter((id) => !before.includes(id))];
}

function emptyItem(institutionId: string): Item {
  return {
    id: '',
    heading: {},
    title: {},
    caption: {},
    date: null,
    institutionId,
    referenceCode: null,
    mediaType: 'document',
    rights: 'http://rightsstatements.org/vocab/CNE/1.0/',
    personIds: [],
    placeIds: [],
    media: [],
    state: 'draft',
  };
}

/** Applies an up/down move ("sectionId:index:up") to an exhibition's item order. */
function applyMove(ex: Exhibition, move: string | undefined): Exhibition {
  const m = /^([a-z0-9-]+):(\d+):(up|down)$/.exec(move ?? '');
  if (!m) return ex;
  const [, sectionId, idx, dir] = m;
  const i = Number(idx);
  return {
    ...ex,
    chapters: ex.chapters.map((c) => ({
      ...c,
      sections: c.sections.map((s) => {
        if (s.id !== sectionId) return s;
        const j = dir === 'up' ? i - 1 : i + 1;
        if (i < 0 || j < 0 || i >= s.itemIds.length || j >= s.itemIds.length) return s;
        const ids = [...s.itemIds];
        [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
        return { ...s, itemIds: ids };
      }),
    })),
  };
}

export function exhibitionFromForm(body: Body, base: Exhibition): Exhibition {
  const sent = (key: string) => body[key] !== undefined;
  const next: Exhibition = {
    ...base,
    title: textFromForm(body, 'title', base.title),
    subtitle: textFromForm(body, 'subtitle', base.subtitle),
    intro: textFromForm(body, 'intro', base.intro),
    chapters: base.chapters.map((c) => ({
      ...c,
      title: textFromForm(body, `chapter.${c.id}.title`, c.title),
      intro: textFromForm(body, `chapter.${c.id}.intro`, c.intro),
      sections: c.sections.map((s) => {
        // A new order counts only if it is a permutation of the items already there.
        const order = many(body, `section.${s.id}.items`);
        const same = order.length === s.itemIds.length && [...order].sort().join() === [...s.itemIds].sort().join();
        return {
          ...s,
          heading: textFromForm(body, `section.${s.id}.heading`, s.heading),
          itemIds: sent(`section.${s.id}.items`) && same ? order : s.itemIds,
        };
      }),
    })),
  };
  return applyMove(next, one(body, 'move'));
}

function personFromForm(body: Body, base: Person, langs: string[]): Person {
  const culture = one(body, 'culture');
  const names: Person['names'] = {};
  for (const lang of langs) {
    const parts: PersonNameParts = { status: one(body, `name@${lang}:status`) === 'reviewed' ? 'reviewed' : 'draft' };
    for (const f of ['family', 'given', 'patronymic', 'patronymicInitial'] as const) {
      const v = one(body, `name@${lang}.${f}`)?.trim();
      if (v) parts[f] = v;
    }
    if (parts.family || parts.given || parts.patronymic || parts.patronymicInitial) names[lang] = parts;
  }
  for (const [lang, parts] of Object.entries(base.names)) if (!langs.includes(lang) && parts) names[lang] = parts;
  return {
    ...base,
    culture: culture === 'japanese' || culture === 'mongolian' || culture === 'western' ? (culture as NamingCulture) : base.culture,
    names,
    role: textFromForm(body, 'role', base.role),
  };
}

function rolesFromForm(body: Body): { roles: RoleGrant[]; isAdmin: boolean } {
  const roles: RoleGrant[] = [];
  for (const r of many(body, 'role')) {
    const i = r.indexOf(':');
    const role = r.slice(0, i) as Role;
    if (i > 0 && ROLES.includes(role)) roles.push({ role, scope: r.slice(i + 1) });
  }
  return { roles, isAdmin: one(body, 'admin') === '1' };
}

/** The languages whose text a principal may change on an item of `institutionId`. */
function editableLangs(p: Principal, langs: string[], curate: boolean): string[] {
  return curate ? langs : langs.filter((l) => p.translatorOf.includes(l));
}

export interface AdminRoutes {
  frame: AdminFrame;
  workflow: WorkflowService;
  auth: AuthService;
}

export async function adminRoutes(app: FastifyInstance, deps: RouteDeps): Promise<AdminRoutes> {
  const { storage, state, site, assets } = deps;
  const auth = new AuthService(storage.workspace);
  const workflow = new WorkflowService(storage, deps.notifyContentChange);

  const view = (req: FastifyRequest): AdminView => {
    const lang = state.negotiate(req.headers['accept-language']);
    return { ctx: state.context(lang, '/', assets.urls), principal: req.session?.principal ?? null, csrf: req.csrfToken };
  };
  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);
  const me = (req: FastifyRequest): Principal => {
    const p = req.session?.principal;
    if (!p) throw new Forbidden('sign in first');
    return p;
  };

  const onDenied = (req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (!req.session) {
      if (req.method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(req.url)}`, 303);
      return html(reply, renderMessage(view(req), view(req).ctx.t('admin.denied.title'), view(req).ctx.t('admin.denied.signIn')), 401);
    }
    return html(reply, renderMessage(view(req), view(req).ctx.t('admin.denied.title'), view(req).ctx.t('admin.denied.role')), 403);
  };

  let frame!: AdminFrame;
  await app.register(async (scope) => {
    frame = await adminFrame(scope, auth, onDenied);
    scope.setErrorHandler((err, req, reply) => {
      const v = view(req);
      const t = v.ctx.t;
      if (err instanceof Forbidden) {
        const detail = err.violations.map((x) => `${x.field}: ${x.why}`).join('; ');
        return html(reply, renderMessage(v, t('admin.denied.title'), err.message, detail), 403);
      }
      if (err instanceof NotFound) return html(reply, renderMessage(v, t('notFound.title'), err.message), 404);
      if (err instanceof Conflict) return html(reply, renderMessage(v, t('admin.conflict'), err.message), 409);
      if (err instanceof ValidationError) return html(reply, renderMessage(v, t('admin.errors.title'), err.message), 422);
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) req.log.error({ err }, 'admin request failed');
      return html(reply, renderMessage(v, t('admin.error'), status >= 500 ? t('admin.error') : (err as Error).message), status);
    });
    registerRoutes(frame);
    const ctx: AdminContext = { deps, auth, workflow, view, html, me };
    registerTranslationRoutes(frame, ctx);
    registerXliffRoutes(frame, ctx);
    registerSheetRoutes(frame, ctx);
    registerEadRoutes(frame, ctx);
  });

  function registerRoutes(f: AdminFrame): void {
    // ---- first administrator, sign-in ---------------------------------------------------
    f.route({ method: 'GET', url: '/admin/setup', access: 'anyone' }, async (req, reply) => {
      if (!(await auth.needsSetup())) return html(reply, renderMessage(view(req), view(req).ctx.t('notFound.title'), view(req).ctx.t('admin.setup.done')), 404);
      return html(reply, renderSetup(view(req), {}));
    });

    f.route({ method: 'POST', url: '/admin/setup', access: 'anyone' }, async (req, reply) => {
      if (!(await auth.needsSetup())) return html(reply, renderMessage(view(req), view(req).ctx.t('notFound.title'), view(req).ctx.t('admin.setup.done')), 404);
      const body = req.body as Body;
      const input = { email: one(body, 'email') ?? '', name: one(body, 'name') ?? '', password: one(body, 'password') ?? '' };
      try {
        await auth.createUser({ ...input, isAdmin: true });
      } catch (err) {
        if (err instanceof ValidationError) return html(reply, renderSetup(view(req), { email: input.email, name: input.name, errors: err.errors }), 422);
        throw err;
      }
      const { token } = await auth.signIn(input.email, input.password, req.ip);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_DAYS * 86400));
      // Not a credential: tells the public pages' script that asking for translator links is worth a request.
      reply.setCookie(WORKSPACE_HINT_COOKIE, '1', { ...cookieOptions(req, SESSION_DAYS * 86400), httpOnly: false });
      return reply.redirect('/admin', 303);
    });

    f.route({ method: 'GET', url: '/admin/login', access: 'anyone' }, async (req, reply) => {
      if (await auth.needsSetup()) return reply.redirect('/admin/setup', 303);
      const next = (req.query as Record<string, string | undefined>)['next'];
      return html(reply, renderLogin(view(req), next ? { next } : {}));
    });

    f.route({ method: 'POST', url: '/admin/login', access: 'anyone' }, async (req, reply) => {
      const body = req.body as Body;
      const email = one(body, 'email') ?? '';
      const next = one(body, 'next');
      try {
        const { token } = await auth.signIn(email, one(body, 'password') ?? '', req.ip);
        reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_DAYS * 86400));
      // Not a credential: tells the public pages' script that asking for translator links is worth a request.
      reply.setCookie(WORKSPACE_HINT_COOKIE, '1', { ...cookieOptions(req, SESSION_DAYS * 86400), httpOnly: false });
        // Only a path inside the workspace: never an open redirect.
        return reply.redirect(next && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/admin', 303);
      } catch (err) {
        if (!(err instanceof SignInRefused)) throw err;
        return html(reply, renderLogin(view(req), { email, error: err.message, ...(next ? { next } : {}) }), err.throttled ? 429 : 401);
      }
    });

    f.route({ method: 'POST', url: '/admin/logout', access: 'anyone' }, async (req, reply) => {
      await auth.signOut(req.cookies[SESSION_COOKIE], req.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(WORKSPACE_HINT_COOKIE, { path: '/' });
      return reply.redirect('/admin/login', 303);
    });

    // ---- dashboard -------------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const open = [...(await storage.workspace.openRevisions('item')), ...(await storage.workspace.openRevisions('exhibition'))];
      const mine = open.filter((r) => r.authorId === p.userId);
      const queue = canReview(p) ? await workflow.queue(p) : [];
      const titles = new Map<string, string>();
      const v = view(req);
      for (const r of [...mine, ...queue]) titles.set(`${r.entity}:${r.entityId}`, plain(v.ctx, (r.data as { heading?: LocalizedText; title?: LocalizedText }).heading ?? (r.data as { title?: LocalizedText }).title, r.entityId));
      return html(reply, renderDashboard(v, { mine, queue, titles }));
    });

    // ---- items -----------------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin/items', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const q = req.query as Record<string, string | undefined>;
      const filter = { institution: q['institution'] ?? '', state: q['state'] ?? '', q: (q['q'] ?? '').slice(0, 200) };
      const page = Math.max(1, Math.min(10_000, Number.parseInt(q['page'] ?? '1', 10) || 1));
      const institutions = await site.institutionMap();
      const openRevs = new Map((await storage.workspace.openRevisions('item')).map((r) => [r.entityId, r]));
      const liveIds = await storage.store.listItemIds();
      const draftOnly = [...openRevs.keys()].filter((id) => !liveIds.includes(id));
      const all = [...(await storage.store.getItems(liveIds)), ...draftOnly.map((id) => openRevs.get(id)?.data as Item)];
      const v = view(req);
      const needle = filter.q.toLowerCase();
      const rows = all
        .map((item) => ({ item: (openRevs.get(item.id)?.data as Item | undefined) ?? item, live: item, open: openRevs.get(item.id) ?? null }))
        .filter((r) => !filter.institution || r.item.institutionId === filter.institution)
        .filter((r) => {
          if (filter.state === 'published') return r.live.state === 'published' && liveIds.includes(r.live.id);
          if (filter.state === 'unpublished') return r.live.state !== 'published' || !liveIds.includes(r.live.id);
          if (filter.state === 'open') return r.open !== null;
          if (filter.state === 'submitted') return r.open?.state === 'submitted';
          return true;
        })
        .filter((r) => !needle || r.item.id.includes(needle) || (r.item.referenceCode ?? '').toLowerCase().includes(needle) || plain(v.ctx, r.item.heading).toLowerCase().includes(needle))
        .map((r) => ({ item: r.item, open: r.open, editable: canCurateItem(p, r.item.institutionId) || p.translatorOf.length > 0 }));
      const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
      return html(
        reply,
        renderItemsList(v, {
          rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
          institutions,
          filter,
          page,
          pages,
          total: rows.length,
          canCreate: p.isAdmin || p.curatorOf.length > 0,
        }),
      );
    });

    const itemForm = async (req: FastifyRequest, item: Item, opts: { isNew: boolean; errors?: FormError[]; saved?: boolean }) => {
      const p = me(req);
      const copy = opts.isNew ? null : await workflow.item(item.id);
      const curate = canCurateItem(p, copy?.current.institutionId ?? item.institutionId) || (opts.isNew && (p.isAdmin || p.curatorOf.length > 0));
      const people = await storage.store.getPeople(await storage.store.listPersonIds());
      const places = await storage.store.getPlaces(await storage.store.listPlaceIds());
      const institutions = await site.institutionMap();
      const shown = opts.isNew && !p.isAdmin ? new Map([...institutions].filter(([id]) => p.curatorOf.includes(id))) : institutions;
      const langs = state.languages.map((l) => l.tag);
      return renderItemForm(view(req), {
        item,
        copy,
        isNew: opts.isNew,
        institutions: shown,
        people,
        places,
        errors: opts.errors ?? [],
        editableLangs: editableLangs(p, langs, curate),
        curate,
        ...(opts.saved ? { saved: true } : {}),
      });
    };

    f.route({ method: 'GET', url: '/admin/items/new', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      if (!p.isAdmin && p.curatorOf.length === 0) throw new Forbidden('only curators create records');
      return html(reply, await itemForm(req, emptyItem(p.curatorOf[0] ?? ''), { isNew: true }));
    });

    f.route({ method: 'POST', url: '/admin/items/new', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const body = req.body as Body;
      const id = (one(body, 'id') ?? '').trim();
      const next = { ...itemFromForm(body, emptyItem(p.curatorOf[0] ?? '')), id };
      const errors: FormError[] = [];
      if (!ID.test(id)) errors.push({ where: 'id', why: 'use 1–80 lower-case letters, digits and hyphens' });
      else if ((await workflow.item(id)) !== null) errors.push({ where: 'id', why: 'a record with this id exists already' });
      if (errors.length) return html(reply, await itemForm(req, next, { isNew: true, errors }), 422);
      try {
        await workflow.saveItemDraft(p, next, req.ip);
      } catch (err) {
        if (err instanceof ValidationError) return html(reply, await itemForm(req, next, { isNew: true, errors: err.errors }), 422);
        throw err;
      }
      if (one(body, 'action') === 'submit') await workflow.submit(p, 'item', id, req.ip);
      return reply.redirect(`/admin/items/${id}?saved=1`, 303);
    });

    const importForm = async (req: FastifyRequest, values: { url: string; id: string; institution: string; referenceCode: string }, errors: FormError[] = []) => {
      const p = me(req);
      const all = await site.institutionMap();
      const institutions = p.isAdmin ? all : new Map([...all].filter(([id]) => p.curatorOf.includes(id)));
      return renderImportIiif(view(req), { institutions, values, errors, notes: [] });
    };

    f.route({ method: 'GET', url: '/admin/items/import-iiif', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      if (!p.isAdmin && p.curatorOf.length === 0) throw new Forbidden('only curators create records');
      return html(reply, await importForm(req, { url: '', id: '', institution: p.curatorOf[0] ?? '', referenceCode: '' }));
    });

    f.route({ method: 'POST', url: '/admin/items/import-iiif', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const body = (req.body ?? {}) as Record<string, MultipartValue | undefined>;
      const field = (k: string) => String(body[k]?.value ?? '').trim();
      const values = { url: field('url'), id: field('id'), institution: field('institution'), referenceCode: field('referenceCode') };
      if (!canCurateItem(p, values.institution)) throw new Forbidden(`you do not curate records of ${values.institution || 'that archive'}`);
      const errors: FormError[] = [];
      if (!ID.test(values.id)) errors.push({ where: 'id', why: 'use 1–80 lower-case letters, digits and hyphens' });
      else if ((await workflow.item(values.id)) !== null) errors.push({ where: 'id', why: 'a record with this id exists already' });
      const institution = await storage.store.getInstitution(values.institution);
      if (!institution) errors.push({ where: 'institution', why: 'choose the holding archive' });
      const file = body['file'];
      const hasFile = file && typeof file.toBuffer === 'function' && file.filename;
      if (!values.url && !hasFile) errors.push({ where: 'url', why: 'give the manifest’s address or choose its file' });
      if (errors.length || !institution) return html(reply, await importForm(req, values, errors), 422);
      try {
        const source = hasFile && file.toBuffer ? { file: await file.toBuffer(), name: file.filename ?? 'manifest.json' } : { url: values.url };
        const result = await importManifest(source, {
          itemId: values.id,
          institution,
          ...(values.referenceCode ? { referenceCode: values.referenceCode } : {}),
          fetch: { allowPrivate: process.env['TSUZURI_IIIF_ALLOW_PRIVATE'] === '1' },
        });
        // One record per reference code in an archive: say so rather than fail in the database.
        const code = result.item.referenceCode;
        const clash = code ? (await storage.store.getItems(await storage.store.itemIdsByInstitution(institution.id, false))).find((i) => i.referenceCode === code) : undefined;
        if (clash) return html(reply, await importForm(req, values, [{ where: 'referenceCode', why: `record ${clash.id} of this archive already has the reference code ${code}` }]), 422);
        await workflow.saveItemDraft(p, result.item, req.ip);
      } catch (err) {
        if (err instanceof ImportError) return html(reply, await importForm(req, values, [{ where: err.code, why: err.message }]), 422);
        if (err instanceof ValidationError) return html(reply, await importForm(req, values, err.errors), 422);
        throw err;
      }
      return reply.redirect(`/admin/items/${values.id}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/items/:id', access: 'workspace' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      const saved = (req.query as Record<string, string | undefined>)['saved'] === '1';
      return html(reply, await itemForm(req, copy.current, { isNew: false, saved }));
    });

    f.route({ method: 'POST', url: '/admin/items/:id', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      const body = req.body as Body;
      const next = itemFromForm(body, copy.current);
      try {
        await workflow.saveItemDraft(p, next, req.ip);
      } catch (err) {
        if (err instanceof ValidationError) return html(reply, await itemForm(req, next, { isNew: false, errors: err.errors }), 422);
        throw err;
      }
      if (one(body, 'action') === 'submit') await workflow.submit(p, 'item', id, req.ip);
      return reply.redirect(`/admin/items/${id}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/items/:id/preview', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      if (!canReadDrafts(p)) throw new Forbidden('you may not read drafts');
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      const v = view(req);
      const lang = (req.query as Record<string, string | undefined>)['lang'];
      const l = lang && state.has(lang) ? lang : v.ctx.lang;
      const ctx = { ...state.context(l, `/items/${id}`, assets.urls), banner: v.ctx.t('admin.previewBanner', { rev: copy.open?.rev ?? 0 }) };
      // Exactly the visitor's page, rendered from the draft; never cached, never indexed.
      reply.header('x-robots-tag', 'noindex');
      return html(reply, renderItem(ctx, await site.itemModel({ ...copy.current, state: 'published' })));
    });

    f.route({ method: 'GET', url: '/admin/items/:id/history', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      const entries = await workflow.history(p, 'item', id);
      const users = new Map((await storage.workspace.listUsers()).map((u) => [u.id, u.name]));
      const v = view(req);
      return html(reply, renderHistory(v, { title: plain(v.ctx, copy.current.heading, id), entries, users, base: `/admin/items/${id}`, canRestore: canCurateItem(p, copy.current.institutionId) || p.translatorOf.length > 0 }));
    });

    f.route({ method: 'POST', url: '/admin/items/:id/media', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      if (!canCurateItem(p, copy.current.institutionId)) throw new Forbidden(`you do not curate records of ${copy.current.institutionId}`);
      const body = (req.body ?? {}) as Record<string, MultipartValue | undefined>;
      const file = body['file'];
      if (!file || typeof file.toBuffer !== 'function' || !file.filename) {
        return html(reply, await itemForm(req, copy.current, { isNew: false, errors: [{ where: 'file', why: 'choose a file to upload' }] }), 422);
      }
      const mediaId = randomUUID().slice(0, 12);
      const base = `items/${id}/${mediaId}`;
      try {
        const stored = await ingestUpload({ data: await file.toBuffer(), filename: file.filename, declaredType: file.mimetype }, deps.media, base);
        // Cut the deep-zoom tiles once, now, so visitors' tile requests are served like files.
        if (stored.kind === 'image') await prepareImage(deps.media, mediaId, stored.path);
        const captionsFile = body['captions'];
        const captionsLang = String(body['captionsLang']?.value ?? '');
        const captions: NonNullable<Media['captions']> = [];
        if (captionsFile && typeof captionsFile.toBuffer === 'function' && captionsFile.filename) {
          if (!state.has(captionsLang)) throw new UploadRejected('Choose the language of the captions.', 'bad-captions');
          const c = await ingestCaptions(await captionsFile.toBuffer(), deps.media, `${base}.${captionsLang.toLowerCase()}.vtt`);
          captions.push({ lang: captionsLang, kind: 'captions', path: c.path });
        }
        const alt = String(body['alt']?.value ?? '').trim();
        const medium: Media = {
          id: mediaId,
          kind: stored.kind,
          role: body['role']?.value === 'poster' ? 'poster' : 'primary',
          path: stored.path,
          mime: stored.mime,
          width: stored.width,
          height: stored.height,
          duration: stored.duration,
          placeholder: false,
          alt: alt ? { [state.negotiate(req.headers['accept-language'])]: { value: alt, status: 'draft' } } : {},
          ...(captions.length ? { captions } : {}),
        };
        // A real image replaces the generated placeholder.
        const kept = copy.current.media.filter((m) => !m.placeholder);
        await workflow.saveItemDraft(p, { ...copy.current, media: [...kept, medium] }, req.ip);
      } catch (err) {
        if (err instanceof UploadRejected) {
          return html(reply, await itemForm(req, copy.current, { isNew: false, errors: [{ where: 'file', why: err.reason }] }), err.code === 'too-large' ? 413 : 422);
        }
        throw err;
      }
      return reply.redirect(`/admin/items/${id}?saved=1`, 303);
    });

    f.route({ method: 'POST', url: '/admin/items/:id/media/:mid/remove', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id, mid } = req.params as { id: string; mid: string };
      const copy = ID.test(id) ? await workflow.item(id) : null;
      if (!copy) throw new NotFound('no such record');
      if (!canCurateItem(p, copy.current.institutionId)) throw new Forbidden(`you do not curate records of ${copy.current.institutionId}`);
      if (!copy.current.media.some((m) => m.id === mid)) throw new NotFound('no such medium');
      await workflow.saveItemDraft(p, { ...copy.current, media: copy.current.media.filter((m) => m.id !== mid) }, req.ip);
      return reply.redirect(`/admin/items/${id}?saved=1`, 303);
    });

    f.route({ method: 'POST', url: '/admin/items/:id/unpublish', access: 'workspace' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!ID.test(id)) throw new NotFound('no such record');
      await workflow.unpublish(me(req), 'item', id, req.ip);
      return reply.redirect(`/admin/items/${id}?saved=1`, 303);
    });

    // ---- exhibitions -----------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin/exhibitions', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const rows = [];
      for (const id of await storage.store.listExhibitionIds(false)) {
        const copy = await workflow.exhibition(id);
        if (copy) rows.push({ ex: copy.current, open: copy.open, editable: canCurateExhibition(p, copy.current) });
      }
      return html(reply, renderExhibitionsList(view(req), { rows }));
    });

    const exhibitionForm = async (req: FastifyRequest, id: string, current: Exhibition | null, errors: FormError[] = [], saved = false) => {
      const p = me(req);
      const copy = await workflow.exhibition(id);
      if (!copy) throw new NotFound('no such exhibition');
      const shown = current ? { ...copy, current } : copy;
      const items = new Map((await storage.store.getItems(shown.current.chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds)))).map((i) => [i.id, i]));
      const curate = canCurateExhibition(p, copy.current);
      return renderExhibitionForm(view(req), { copy: shown, items, errors, editableLangs: editableLangs(p, state.languages.map((l) => l.tag), curate), curate, saved });
    };

    f.route({ method: 'GET', url: '/admin/exhibitions/:id', access: 'workspace' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!ID.test(id)) throw new NotFound('no such exhibition');
      return html(reply, await exhibitionForm(req, id, null, [], (req.query as Record<string, string | undefined>)['saved'] === '1'));
    });

    f.route({ method: 'POST', url: '/admin/exhibitions/:id', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.exhibition(id) : null;
      if (!copy) throw new NotFound('no such exhibition');
      const body = req.body as Body;
      const next = exhibitionFromForm(body, copy.current);
      try {
        await workflow.saveExhibitionDraft(p, next, req.ip);
      } catch (err) {
        if (err instanceof ValidationError) return html(reply, await exhibitionForm(req, id, next, err.errors), 422);
        throw err;
      }
      if (one(body, 'action') === 'submit') await workflow.submit(p, 'exhibition', id, req.ip);
      return reply.redirect(`/admin/exhibitions/${id}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/exhibitions/:id/preview/:chapter', access: 'workspace' }, async (req, reply) => {
      const { id, chapter } = req.params as { id: string; chapter: string };
      const copy = ID.test(id) ? await workflow.exhibition(id) : null;
      if (!copy) throw new NotFound('no such exhibition');
      const model = await site.chapterModel(copy.current, chapter);
      if (!model) throw new NotFound('no such chapter');
      const v = view(req);
      const lang = (req.query as Record<string, string | undefined>)['lang'];
      const l = lang && state.has(lang) ? lang : v.ctx.lang;
      const ctx = { ...state.context(l, `/exhibitions/${copy.current.slug}/${chapter}`, assets.urls), banner: v.ctx.t('admin.previewBanner', { rev: copy.open?.rev ?? 0 }) };
      reply.header('x-robots-tag', 'noindex');
      return html(reply, renderChapter(ctx, model));
    });

    f.route({ method: 'GET', url: '/admin/exhibitions/:id/history', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const copy = ID.test(id) ? await workflow.exhibition(id) : null;
      if (!copy) throw new NotFound('no such exhibition');
      const entries = await workflow.history(p, 'exhibition', id);
      const users = new Map((await storage.workspace.listUsers()).map((u) => [u.id, u.name]));
      const v = view(req);
      return html(reply, renderHistory(v, { title: plain(v.ctx, copy.current.title, id), entries, users, base: `/admin/exhibitions/${id}`, canRestore: canCurateExhibition(p, copy.current) }));
    });

    // ---- review ------------------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin/review', access: 'review' }, async (req, reply) => {
      const p = me(req);
      const v = view(req);
      const users = new Map((await storage.workspace.listUsers()).map((u) => [u.id, u.name]));
      const entries = [];
      for (const revision of await workflow.queue(p)) {
        const live = revision.entity === 'item' ? await storage.store.getItem(revision.entityId) : await storage.store.getExhibition(revision.entityId);
        const data = revision.data as { heading?: LocalizedText; title?: LocalizedText };
        entries.push({
          revision,
          title: plain(v.ctx, data.heading ?? data.title, revision.entityId),
          changes: diffSnapshots(live ?? {}, revision.data),
          author: users.get(revision.authorId ?? '') ?? '—',
        });
      }
      return html(reply, renderReview(v, { entries }));
    });

    f.route({ method: 'POST', url: '/admin/revisions/:rid/approve', access: 'review' }, async (req, reply) => {
      const { rid } = req.params as { rid: string };
      await workflow.approve(me(req), rid, one(req.body as Body, 'comment') ?? null, req.ip);
      return reply.redirect('/admin/review', 303);
    });

    f.route({ method: 'POST', url: '/admin/revisions/:rid/return', access: 'review' }, async (req, reply) => {
      const { rid } = req.params as { rid: string };
      await workflow.returnRevision(me(req), rid, one(req.body as Body, 'comment') ?? '', req.ip);
      return reply.redirect('/admin/review', 303);
    });

    f.route({ method: 'POST', url: '/admin/revisions/:rid/restore', access: 'workspace' }, async (req, reply) => {
      const { rid } = req.params as { rid: string };
      const rev = await workflow.restore(me(req), rid, req.ip);
      return reply.redirect(`/admin/${rev.entity === 'item' ? 'items' : 'exhibitions'}/${rev.entityId}?saved=1`, 303);
    });

    // ---- people and places -------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin/people', access: 'workspace' }, async (req, reply) => {
      const people = await storage.store.getPeople(await storage.store.listPersonIds());
      const places = await storage.store.getPlaces(await storage.store.listPlaceIds());
      return html(reply, renderPeopleList(view(req), { people, places }));
    });

    f.route({ method: 'GET', url: '/admin/people/:id', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      if (!canEditAuthorities(p)) throw new Forbidden('only curators edit people');
      const { id } = req.params as { id: string };
      const [person] = ID.test(id) ? await storage.store.getPeople([id]) : [];
      if (!person) throw new NotFound('no such person');
      return html(reply, renderPersonForm(view(req), { person, errors: [], saved: (req.query as Record<string, string | undefined>)['saved'] === '1' }));
    });

    f.route({ method: 'POST', url: '/admin/people/:id', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      const { id } = req.params as { id: string };
      const [person] = ID.test(id) ? await storage.store.getPeople([id]) : [];
      if (!person) throw new NotFound('no such person');
      await workflow.savePerson(p, personFromForm(req.body as Body, person, state.languages.map((l) => l.tag)), req.ip);
      return reply.redirect(`/admin/people/${id}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/places/:id', access: 'workspace' }, async (req, reply) => {
      const p = me(req);
      if (!canEditAuthorities(p)) throw new Forbidden('only curators edit places');
      const { id } = req.params as { id: string };
      const [place] = ID.test(id) ? await storage.store.getPlaces([id]) : [];
      if (!place) throw new NotFound('no such place');
      return html(reply, renderPlaceForm(view(req), { place, saved: (req.query as Record<string, string | undefined>)['saved'] === '1' }));
    });

    f.route({ method: 'POST', url: '/admin/places/:id', access: 'workspace' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const [place] = ID.test(id) ? await storage.store.getPlaces([id]) : [];
      if (!place) throw new NotFound('no such place');
      await workflow.savePlace(me(req), { ...place, name: textFromForm(req.body as Body, 'name', place.name) }, req.ip);
      return reply.redirect(`/admin/places/${id}?saved=1`, 303);
    });

    // ---- institutions and terms of use (administrators) ----------------------------------------
    f.route({ method: 'GET', url: '/admin/institutions', access: 'admin' }, async (req, reply) => {
      return html(reply, renderInstitutionsAdmin(view(req), { institutions: await site.institutionMap() }));
    });

    const institutionForm = async (req: FastifyRequest, inst: Institution, errors: FormError[] = [], saved = false) =>
      renderInstitutionForm(view(req), { inst, institutions: await site.institutionMap(), schemes: SCHEMES.map((x) => ({ id: x.id, label: x.label, example: x.example })), errors, saved });

    f.route({ method: 'GET', url: '/admin/institutions/:id', access: 'admin' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const inst = ID.test(id) ? await storage.store.getInstitution(id) : null;
      if (!inst) throw new NotFound('no such institution');
      return html(reply, await institutionForm(req, inst, [], (req.query as Record<string, string | undefined>)['saved'] === '1'));
    });

    f.route({ method: 'POST', url: '/admin/institutions/:id', access: 'admin' }, async (req, reply) => {
      const { id } = req.params as { id: string };
      const inst = ID.test(id) ? await storage.store.getInstitution(id) : null;
      if (!inst) throw new NotFound('no such institution');
      const body = req.body as Body;
      const homepage = one(body, 'homepage')?.trim() || null;
      const next: Institution = {
        ...inst,
        name: textFromForm(body, 'name', inst.name),
        parentId: one(body, 'parentId') || null,
        scheme: one(body, 'scheme') ?? inst.scheme,
        homepage,
        country: one(body, 'country')?.trim().toUpperCase() || null,
      };
      const errors: FormError[] = [];
      if (homepage && !/^https?:\/\/[^\s]+$/.test(homepage)) errors.push({ where: 'homepage', why: 'enter a web address starting with https://' });
      if (!getScheme(next.scheme)) errors.push({ where: 'scheme', why: 'choose a scheme from the list' });
      if (errors.length) return html(reply, await institutionForm(req, next, errors), 422);
      try {
        await workflow.saveInstitution(me(req), next, req.ip);
      } catch (err) {
        if (err instanceof ValidationError) return html(reply, await institutionForm(req, next, err.errors), 422);
        throw err;
      }
      return reply.redirect(`/admin/institutions/${id}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/terms', access: 'admin' }, async (req, reply) => {
      const page = (await storage.store.getSitePage('terms')) ?? { id: 'terms', title: {}, body: {} };
      return html(reply, renderTermsForm(view(req), { page, saved: (req.query as Record<string, string | undefined>)['saved'] === '1' }));
    });

    f.route({ method: 'POST', url: '/admin/terms', access: 'admin' }, async (req, reply) => {
      const page = (await storage.store.getSitePage('terms')) ?? { id: 'terms', title: {}, body: {} };
      const body = req.body as Body;
      await workflow.saveSitePage(me(req), { ...page, title: textFromForm(body, 'title', page.title), body: textFromForm(body, 'body', page.body) }, req.ip);
      return reply.redirect('/admin/terms?saved=1', 303);
    });

    // ---- users and audit -----------------------------------------------------------------------
    f.route({ method: 'GET', url: '/admin/users', access: 'admin' }, async (req, reply) => {
      return html(reply, renderUsers(view(req), { users: await storage.workspace.listUsers(), institutions: await site.institutionMap(), errors: [] }));
    });

    f.route({ method: 'POST', url: '/admin/users', access: 'admin' }, async (req, reply) => {
      const p = me(req);
      const body = req.body as Body;
      const { roles, isAdmin } = rolesFromForm(body);
      try {
        await auth.createUser({ email: one(body, 'email') ?? '', name: one(body, 'name') ?? '', password: one(body, 'password') ?? '', isAdmin, roles }, p.userId);
      } catch (err) {
        if (err instanceof ValidationError) {
          return html(reply, renderUsers(view(req), { users: await storage.workspace.listUsers(), institutions: await site.institutionMap(), errors: err.errors }), 422);
        }
        throw err;
      }
      return reply.redirect('/admin/users', 303);
    });

    f.route({ method: 'GET', url: '/admin/users/:uid', access: 'admin' }, async (req, reply) => {
      const { uid } = req.params as { uid: string };
      const user = await storage.workspace.userById(uid);
      if (!user) throw new NotFound('no such account');
      return html(reply, renderUserForm(view(req), { user, institutions: await site.institutionMap(), errors: [], saved: (req.query as Record<string, string | undefined>)['saved'] === '1' }));
    });

    f.route({ method: 'POST', url: '/admin/users/:uid', access: 'admin' }, async (req, reply) => {
      const p = me(req);
      const { uid } = req.params as { uid: string };
      const user = await storage.workspace.userById(uid);
      if (!user) throw new NotFound('no such account');
      const body = req.body as Body;
      const { roles, isAdmin } = rolesFromForm(body);
      if (uid === p.userId && !isAdmin) throw new Conflict('you cannot take away your own administrator role');
      await auth.setRoles(uid, roles, isAdmin, p.userId, req.ip);
      const disabled = one(body, 'disabled') === '1';
      if (disabled !== user.disabled) {
        if (uid === p.userId) throw new Conflict('you cannot disable your own account');
        await auth.setDisabled(user.email, disabled, p.userId);
      }
      return reply.redirect(`/admin/users/${uid}?saved=1`, 303);
    });

    f.route({ method: 'GET', url: '/admin/audit', access: 'admin' }, async (req, reply) => {
      const page = Math.max(1, Math.min(10_000, Number.parseInt((req.query as Record<string, string | undefined>)['page'] ?? '1', 10) || 1));
      const entries = await storage.workspace.auditLog(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
      const users = new Map((await storage.workspace.listUsers()).map((u) => [u.id, u.name]));
      return html(reply, renderAudit(view(req), { entries: entries.slice(0, PAGE_SIZE), users, page, more: entries.length > PAGE_SIZE }));
    });
  }

  return { frame, workflow, auth };
}
