// Accounts, sign-in and sessions. Passwords are argon2id hashes; sessions live in the
// database (any app server can serve any request) under a hash of the cookie's token.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { principalFrom, ROLES, type Principal, type RoleGrant } from '../domain/permissions.ts';
import type { UserRecord, WorkspaceStore } from '../storage/index.ts';
import { ValidationError, type FieldError } from './content.ts';

export const SESSION_DAYS = 14;
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10;

export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly throttled = false,
  ) {
    super(message);
  }
}

export interface SessionInfo {
  principal: Principal;
  user: UserRecord;
  csrf: string;
  sessionId: string;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function validateAccount(input: { email: string; name: string; password?: string; roles?: readonly RoleGrant[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (!EMAIL.test(input.email)) errors.push({ where: 'email', why: 'enter an e-mail address like name@archive.example' });
  if (input.name.trim() === '') errors.push({ where: 'name', why: 'enter a name' });
  if (input.password !== undefined && [...input.password].length < MIN_PASSWORD) {
    errors.push({ where: 'password', why: `use at least ${MIN_PASSWORD} characters` });
  }
  for (const r of input.roles ?? []) {
    if (!ROLES.includes(r.role)) errors.push({ where: 'roles', why: `unknown role "${r.role}"` });
    if ((r.role === 'curator' || r.role === 'translator') && r.scope === '') errors.push({ where: 'roles', why: `a ${r.role} needs a scope` });
  }
  return errors;
}

export class AuthService {
  // Verifying against this when an account does not exist keeps the answer time the same.
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly ws: WorkspaceStore) {}

  async createUser(input: { email: string; name: string; password: string; isAdmin: boolean; roles?: RoleGrant[] }, actorId: string | null = null): Promise<string> {
    const errors = validateAccount(input);
    if (await this.ws.userByEmail(input.email)) errors.push({ where: 'email', why: 'an account with this e-mail exists already' });
    if (errors.length) throw new ValidationError(errors);
    const passwordHash = await hash(input.password);
    return this.ws.transaction(async (ws) => {
      const id = await ws.createUser({ email: input.email, name: input.name.trim(), passwordHash, isAdmin: input.isAdmin });
      if (input.roles?.length) await ws.setRoles(id, input.roles);
      await ws.audit({ userId: actorId, action: 'user-add', detail: { user: input.email, admin: input.isAdmin, roles: input.roles ?? [] }, address: null });
      return id;
    });
  }

  async setPassword(email: string, password: string, actorId: string | null = null): Promise<void> {
    const user = await this.ws.userByEmail(email);
    if (!user) throw new ValidationError([{ where: 'email', why: `no account ${email}` }]);
    const errors = validateAccount({ email, name: user.name, password });
    if (errors.length) throw new ValidationError(errors);
    const passwordHash = await hash(password);
    await this.ws.transaction(async (ws) => {
      await ws.updateUser(user.id, { passwordHash });
      // A new password ends every session made with the old one.
      await ws.deleteSessionsOf(user.id);
      await ws.audit({ userId: actorId, action: 'password-set', detail: { user: email }, address: null });
    });
  }

  async setDisabled(email: string, disabled: boolean, actorId: string | null = null): Promise<void> {
    const user = await this.ws.userByEmail(email);
    if (!user) throw new ValidationError([{ where: 'email', why: `no account ${email}` }]);
    await this.ws.transaction(async (ws) => {
      await ws.updateUser(user.id, { disabled });
      if (disabled) await ws.deleteSessionsOf(user.id);
      await ws.audit({ userId: actorId, action: disabled ? 'user-disable' : 'user-enable', detail: { user: email }, address: null });
    });
  }

  async setRoles(userId: string, roles: RoleGrant[], isAdmin: boolean, actorId: string, address: string | null): Promise<void> {
    const user = await this.ws.userById(userId);
    if (!user) throw new ValidationError([{ where: 'user', why: 'no such account' }]);
    const errors = validateAccount({ email: user.email, name: user.name, roles });
    if (errors.length) throw new ValidationError(errors);
    await this.ws.transaction(async (ws) => {
      await ws.setRoles(userId, roles);
      await ws.updateUser(userId, { isAdmin });
      await ws.audit({ userId: actorId, action: 'role-change', detail: { user: user.email, admin: isAdmin, roles }, address });
    });
  }

  /** Checks the password, throttled per account and per address; returns a new session token. */
  async signIn(email: string, password: string, address: string): Promise<{ token: string; user: UserRecord }> {
    const now = Date.now();
    const since = new Date(now - WINDOW_MS).toISOString();
    const accountKey = `account:${email.toLowerCase()}`;
    const addressKey = `address:${address}`;
    if (
      (await this.ws.failuresSince(accountKey, since)) >= MAX_FAILURES_PER_ACCOUNT ||
      (await this.ws.failuresSince(addressKey, since)) >= MAX_FAILURES_PER_ADDRESS
    ) {
      await this.ws.audit({ userId: null, action: 'sign-in-throttled', detail: { email }, address });
      throw new SignInRefused('Too many failed sign-ins. Wait 15 minutes and try again.', true);
    }
    const user = await this.ws.userByEmail(email);
    this.dummyHash ??= hash(randomBytes(16).toString('hex'));
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok || user.disabled) {
      const at = new Date(now).toISOString();
      await this.ws.recordFailure(accountKey, at);
      await this.ws.recordFailure(addressKey, at);
      await this.ws.audit({ userId: user?.id ?? null, action: 'sign-in-failed', detail: { email }, address });
      throw new SignInRefused('The e-mail address or password is not right.');
    }
    await this.ws.clearFailures(accountKey);
    const token = randomBytes(32).toString('base64url');
    await this.ws.createSession({
      id: tokenHash(token),
      userId: user.id,
      csrf: randomBytes(24).toString('base64url'),
      expiresAt: new Date(now + SESSION_DAYS * 86400_000).toISOString(),
    });
    await this.ws.audit({ userId: user.id, action: 'sign-in', detail: { email: user.email }, address });
    return { token, user };
  }

  async session(token: string | undefined): Promise<SessionInfo | null> {
    if (!token || token.length > 100) return null;
    const id = tokenHash(token);
    const s = await this.ws.session(id);
    if (!s || s.expiresAt < new Date().toISOString()) return null;
    const user = await this.ws.userById(s.userId);
    if (!user || user.disabled) return null;
    return { principal: principalFrom(user, user.roles), user, csrf: s.csrf, sessionId: id };
  }

  async signOut(token: string | undefined, address: string | null): Promise<void> {
    if (!token) return;
    const id = tokenHash(token);
    const s = await this.ws.session(id);
    await this.ws.deleteSession(id);
    if (s) await this.ws.audit({ userId: s.userId, action: 'sign-out', detail: {}, address });
  }

  async needsSetup(): Promise<boolean> {
    return !(await this.ws.hasAdministrator());
  }
}
