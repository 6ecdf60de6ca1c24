// The app with the demo loaded on one storage engine, and a GET that checks every response of
// /api/v1 against the OpenAPI document the app itself serves.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/http/app.ts';
import { searchServiceOf } from '../../src/http/routes/search.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import type { Engine } from '../../src/storage/index.ts';
import { testConfig } from '../helpers/app.ts';
import { freshStorage, type TestStorage } from '../helpers/engines.ts';
import { OpenApiCheck, type ResponseLike } from './openapi-check.ts';

export const HOST = 'archives.example';
export const BASE = `http://${HOST}`;
export const PREFIX = '/api/v1';

export interface ApiResponse extends ResponseLike {
  json<T = unknown>(): T;
}

export interface ApiTestApp extends App {
  engine: Engine;
  storage: TestStorage;
  check: OpenApiCheck;
  /** Every URL fetched so far with its status, for coverage assertions. */
  fetched: { url: string; status: number }[];
  /** GETs a URL (absolute or a path) and fails the test unless the answer matches the document. */
  get(url: string, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Like `get`, and the status must be 200. */
  getJson<T>(url: string): Promise<T>;
  close(): Promise<void>;
}

export async function apiApp(engine: Engine): Promise<ApiTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-api-'));
  const storage = await freshStorage(engine);
  const media = new MediaStore(join(dataDir, 'media'));
  const app = await buildApp(testConfig(dataDir), { storage, media });
  await loadDemo(app.content, media);
  await searchServiceOf(app.fastify).settled();
  const fetched: { url: string; status: number }[] = [];

  const path = (url: string) => (url.startsWith(BASE) ? url.slice(BASE.length) : url);
  const raw = async (url: string, headers: Record<string, string> = {}) => {
    assert.ok(path(url).startsWith('/'), `${url} is on this site`);
    return app.fastify.inject({ method: 'GET', url: path(url), headers: { host: HOST, ...headers } });
  };
  const docRes = await raw(`${PREFIX}/openapi.json`);
  assert.equal(docRes.statusCode, 200, 'the OpenAPI document is served');
  const check = new OpenApiCheck(docRes.json());

  const get = async (url: string, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const res = await raw(url, headers);
    fetched.push({ url, status: res.statusCode });
    if (res.statusCode !== 304) {
      assert.deepEqual(check.responseErrors(PREFIX, url, res), [], `GET ${url} answers as the document says`);
    }
    assert.equal(res.headers['access-control-allow-origin'], '*', `GET ${url} allows any origin`);
    return res;
  };

  return {
    ...app,
    engine,
    storage,
    check,
    fetched,
    get,
    getJson: async <T>(url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, `GET ${url}: ${res.body.slice(0, 300)}`);
      return res.json<T>();
    },
    close: async () => {
      await searchServiceOf(app.fastify).settled();
      await app.fastify.close();
      await storage.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
