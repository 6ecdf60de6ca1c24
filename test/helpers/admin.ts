import type { RoleGrant } from '../../src/domain/permissions.ts';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { TestApp } from './app.ts';

export interface Agent {
  cookie: string;
  csrf: string;
  get(url: string): Promise<Response>;
  post(url: string, form: Record<string, string | string[]>): Promise<Response>;
  /** A multipart form with files, as a browser sends an upload. */
  upload(url: string, fields: Record<string, string>, files: Record<string, { filename: string; type: string; data: Buffer }>): Promise<Response>;
}

export function multipartBody(fields: Record<string, string>, files: Record<string, { filename: string; type: string; data: Buffer }>): { body: Buffer; type: string } {
  const boundary = `----tsuzuri${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

export const PASSWORD = 'correct horse battery';

/** Form-encodes fields; arrays repeat the key, as a browser does for multi-selects. */
export function encodeForm(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

export async function addUser(app: TestApp, email: string, roles: RoleGrant[], isAdmin = false): Promise<void> {
  await app.admin.auth.createUser({ email, name: email.split('@')[0] ?? email, password: PASSWORD, isAdmin, roles });
}

/** Signs in through the real login form (CSRF cookie, then POST) and returns a client for that session. */
export async function signIn(app: TestApp, email: string, password = PASSWORD): Promise<Agent> {
  const page = await app.fastify.inject({ method: 'GET', url: '/admin/login' });
  const anon = page.cookies.find((c) => c.name === 'tsuzuri_csrf');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!anon || !token) throw new Error('login page has no CSRF token');
  const res = await app.fastify.inject({
    method: 'POST',
    url: '/admin/login',
    headers: { cookie: `tsuzuri_csrf=${anon.value}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: token, email, password }),
  });
  const session = res.cookies.find((c) => c.name === 'tsuzuri_session');
  if (res.statusCode !== 303 || !session) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = `tsuzuri_session=${session.value}`;
  const dash = await app.fastify.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(dash.body)?.[1] ?? '';
  return {
    cookie,
    csrf,
    get: (url) => app.fastify.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, form) =>
      app.fastify.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: encodeForm({ _csrf: csrf, ...form }),
      }),
    upload: (url, fields, files) => {
      const { body, type } = multipartBody({ _csrf: csrf, ...fields }, files);
      return app.fastify.inject({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload: body });
    },
  };
}
