// The workspace's HTTP frame: cookies, sessions, CSRF, and an access rule on every route.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { canAdminister, canEnterWorkspace, canReview } from '../../domain/permissions.ts';
import type { SessionInfo } from '../../services/auth.ts';
import type { AuthService } from '../../services/auth.ts';

export const SESSION_COOKIE = 'tsuzuri_session';
/** Largest upload accepted (film); images have their own, smaller limit in the ingest checks. */
export const UPLOAD_LIMIT = 500 * 1024 * 1024;
export const ANON_CSRF_COOKIE = 'tsuzuri_csrf';

/**
 * Who may reach a route at all. Finer checks (which institution, which language) happen in
 * the services, which answer Forbidden; the authorization matrix test covers both.
 */
export type Access = 'anyone' | 'workspace' | 'review' | 'admin';

export interface AdminRoute {
  method: 'GET' | 'POST';
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    /** The CSRF token forms on this page must carry. */
    csrfToken: string;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function allowed(access: Access, session: SessionInfo | null): boolean {
  if (access === 'anyone') return true;
  if (!session) return false;
  const p = session.principal;
  if (access === 'workspace') return canEnterWorkspace(p);
  if (access === 'review') return canReview(p);
  return canAdminister(p);
}

export function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Only behind HTTPS (directly or, with TSUZURI_TRUST_PROXY, through a proxy saying so).
    secure: req.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export interface AdminFrame {
  route(def: AdminRoute, handler: RouteHandlerMethod): void;
  /** Every route registered through `route()`, for the authorization matrix. */
  routes: AdminRoute[];
}

/**
 * Must be called on the root instance before any admin route exists: an /admin route
 * registered anywhere without an access rule stops the app from starting.
 */
export function requireAccessRules(app: FastifyInstance): void {
  app.addHook('onRoute', (opts) => {
    const url = opts.url ?? '';
    if (url.startsWith('/admin') && !opts.config?.access) throw new Error(`admin route ${String(opts.method)} ${url} has no access rule`);
  });
}

/**
 * Registers cookies, form bodies, session loading and CSRF checks on `app` — an encapsulated
 * instance for /admin, so public pages pay for none of it — and gives a `route()` that
 * records every route with its access rule.
 */
export async function adminFrame(app: FastifyInstance, auth: AuthService, onDenied: (req: FastifyRequest, reply: FastifyReply) => FastifyReply): Promise<AdminFrame> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  // Uploads arrive as multipart forms; fields (the CSRF token among them) are on req.body.
  await app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: UPLOAD_LIMIT, files: 2, fields: 20 } });
  app.decorateRequest('session', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('preHandler', async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    reply.header('cache-control', 'no-store');
    req.session = await auth.session(req.cookies[SESSION_COOKIE]);
    if (req.session) {
      req.csrfToken = req.session.csrf;
    } else {
      // Forms shown before sign-in use a double-submit token kept in its own cookie.
      let anon = req.cookies[ANON_CSRF_COOKIE];
      if (!anon || anon.length > 64) {
        anon = randomBytes(24).toString('base64url');
        reply.setCookie(ANON_CSRF_COOKIE, anon, cookieOptions(req));
      }
      req.csrfToken = anon;
    }
    if (req.method === 'POST') {
      const raw = (req.body as Record<string, unknown> | undefined)?.['_csrf'];
      // A multipart field is an object with its value; a url-encoded one is the string itself.
      const sent = typeof raw === 'object' && raw !== null && 'value' in raw ? (raw as { value: unknown }).value : raw;
      if (typeof sent !== 'string' || !sameToken(sent, req.csrfToken)) {
        return reply.code(403).type('text/plain; charset=utf-8').send('The form has expired or did not come from this site (CSRF check failed). Go back, reload the page and try again.');
      }
    }
    if (!allowed(access, req.session)) return onDenied(req, reply);
    return undefined;
  });

  const routes: AdminRoute[] = [];
  return {
    routes,
    route(def, handler) {
      routes.push(def);
      app.route({ method: def.method, url: def.url, config: { access: def.access }, handler });
    },
  };
}
