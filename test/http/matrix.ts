// Shared shapes of the workspace's authorization matrix (see admin-matrix.test.ts).
import type { Principal } from '../../src/domain/permissions.ts';
import type { Item } from '../../src/domain/types.ts';
import type { Agent } from '../helpers/admin.ts';
import type { TestApp } from '../helpers/app.ts';

export type Persona = 'anonymous' | 'admin' | 'curatorMfa' | 'curatorNaj' | 'translatorMn' | 'reviewer' | 'viewer' | 'noRole';
export type Outcome = 'allow' | 'deny' | 'login' | 'gone';

export const PERSONAS: Persona[] = ['anonymous', 'admin', 'curatorMfa', 'curatorNaj', 'translatorMn', 'reviewer', 'viewer', 'noRole'];
export const ITEM = 'joint-communique-1972'; // held by mn-mfa-ca
export const EXHIBITION = 'japan-mongolia'; // co-curated by jp-naj and mn-nca

export interface Attempt {
  url: string;
  /** Send a multipart upload (a small JPEG unless a file is given) instead of a url-encoded form. */
  upload?: boolean | { fields: Record<string, string>; file: { filename: string; type: string; data: Buffer } };
  form?: Record<string, string | string[]>;
  /** Use this session instead of the persona's own (e.g. to sign out without losing it). */
  agent?: Agent | null;
}

export interface Rule {
  /** Outcome per persona; personas not listed get `rest`. */
  expect: Partial<Record<Persona, Outcome>>;
  rest: Outcome;
  prepare?: (persona: Persona) => Promise<Attempt>;
}

export const WORKSPACE: Pick<Rule, 'expect' | 'rest'> = { expect: { anonymous: 'login', noRole: 'deny' }, rest: 'allow' };
export const ADMIN_ONLY: Pick<Rule, 'expect' | 'rest'> = { expect: { anonymous: 'login', admin: 'allow' }, rest: 'deny' };
export const REVIEW: Pick<Rule, 'expect' | 'rest'> = { expect: { anonymous: 'login', admin: 'allow', reviewer: 'allow' }, rest: 'deny' };

/** What a module's rules may use: the app (once started), a counter for unique ids, the administrator. */
export interface MatrixEnv {
  app(): TestApp;
  next(): number;
  principal(): Principal;
  /** The demo record the matrix works on, as published. */
  liveItem(): Promise<Item>;
}
