// Accounts, sessions, sign-in failures, revisions and the audit log, over Kysely (both engines).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role, RoleGrant } from '../../domain/permissions.ts';
import type { SqlFragments } from './fragments.ts';
import type { Database, RevisionsTable } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
  roles: RoleGrant[];
}

export type RevisionState = 'draft' | 'submitted' | 'approved' | 'returned' | 'superseded';

export interface Revision {
  id: string;
  entity: string;
  entityId: string;
  rev: number;
  state: RevisionState;
  data: unknown;
  authorId: string | null;
  createdAt: string;
  reviewerId: string | null;
  reviewedAt: string | null;
  comment: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  action: string;
  detail: Record<string, unknown>;
  address: string | null;
}

const ROLE_SET = new Set<string>(['curator', 'translator', 'reviewer', 'viewer']);

function revisionRow(r: RevisionsTable): Revision {
  return {
    id: r.id,
    entity: r.entity,
    entityId: r.entity_id,
    rev: r.rev,
    state: r.state as RevisionState,
    data: JSON.parse(r.data) as unknown,
    authorId: r.author_id,
    createdAt: r.created_at,
    reviewerId: r.reviewer_id,
    reviewedAt: r.reviewed_at,
    comment: r.comment,
  };
}

export class WorkspaceStore {
  constructor(
    private readonly db: Db,
    private readonly sqlf: SqlFragments,
  ) {}

  async transaction<T>(fn: (store: WorkspaceStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => fn(new WorkspaceStore(trx, this.sqlf)));
  }

  // ---- users ---------------------------------------------------------------------------

  private async withRoles(rows: Database['users'][]): Promise<UserRecord[]> {
    const ids = rows.map((r) => r.id);
    const roles = ids.length ? await this.db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).execute() : [];
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      passwordHash: r.password_hash,
      isAdmin: r.is_admin === 1,
      disabled: r.disabled === 1,
      createdAt: r.created_at,
      roles: roles
        .filter((g) => g.user_id === r.id && ROLE_SET.has(g.role))
        .map((g) => ({ role: g.role as Role, scope: g.scope }))
        .sort((a, b) => (a.role + a.scope < b.role + b.scope ? -1 : 1)),
    }));
  }

  async userByEmail(email: string): Promise<UserRecord | null> {
    const rows = await this.db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).execute();
    return (await this.withRoles(rows))[0] ?? null;
  }

  async userById(id: string): Promise<UserRecord | null> {
    const rows = await this.db.selectFrom('users').selectAll().where('id', '=', id).execute();
    return (await this.withRoles(rows))[0] ?? null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.withRoles(await this.db.selectFrom('users').selectAll().orderBy(this.sqlf.binary('email')).execute());
  }

  async hasAdministrator(): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('is_admin', '=', 1).where('disabled', '=', 0).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async createUser(u: { email: string; name: string; passwordHash: string; isAdmin: boolean }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('users')
      .values({
        id,
        email: u.email.toLowerCase(),
        name: u.name,
        password_hash: u.passwordHash,
        is_admin: u.isAdmin ? 1 : 0,
        disabled: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    return id;
  }

  async updateUser(id: string, set: { name?: string; passwordHash?: string; isAdmin?: boolean; disabled?: boolean }): Promise<void> {
    const row: Partial<Database['users']> = {};
    if (set.name !== undefined) row.name = set.name;
    if (set.passwordHash !== undefined) row.password_hash = set.passwordHash;
    if (set.isAdmin !== undefined) row.is_admin = set.isAdmin ? 1 : 0;
    if (set.disabled !== undefined) row.disabled = set.disabled ? 1 : 0;
    if (Object.keys(row).length) await this.db.updateTable('users').set(row).where('id', '=', id).execute();
  }

  async setRoles(userId: string, roles: readonly RoleGrant[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    const unique = [...new Map(roles.map((r) => [`${r.role}\u0000${r.scope}`, r])).values()];
    if (unique.length) await this.db.insertInto('user_roles').values(unique.map((r) => ({ user_id: userId, role: r.role, scope: r.scope }))).execute();
  }

  // ---- sessions ------------------------------------------------------------------------

  async createSession(s: { id: string; userId: string; csrf: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: s.id, user_id: s.userId, csrf: s.csrf, created_at: new Date().toISOString(), expires_at: s.expiresAt })
      .execute();
  }

  async session(id: string): Promise<{ userId: string; csrf: string; expiresAt: string } | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { userId: row.user_id, csrf: row.csrf, expiresAt: row.expires_at } : null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  // ---- sign-in throttling ------------------------------------------------------------------

  async recordFailure(key: string, at: string): Promise<void> {
    await this.db.insertInto('signin_failures').values({ key, at }).execute();
  }

  async failuresSince(key: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('signin_failures')
      .select(sql<string | number>`count(*)`.as('n'))
      .where('key', '=', key)
      .where('at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom('signin_failures').where('key', '=', key).execute();
  }

  async pruneFailures(before: string): Promise<void> {
    await this.db.deleteFrom('signin_failures').where('at', '<', before).execute();
  }

  // ---- revisions -----------------------------------------------------------------------

  async addRevision(r: { entity: string; entityId: string; state: RevisionState; data: unknown; authorId: string | null; comment?: string | null }): Promise<Revision> {
    const last = await this.db
      .selectFrom('revisions')
      .select(sql<number | null>`max(rev)`.as('rev'))
      .where('entity', '=', r.entity)
      .where('entity_id', '=', r.entityId)
      .executeTakeFirst();
    const row: RevisionsTable = {
      id: randomUUID(),
      entity: r.entity,
      entity_id: r.entityId,
      rev: Number(last?.rev ?? 0) + 1,
      state: r.state,
      data: JSON.stringify(r.data),
      author_id: r.authorId,
      created_at: new Date().toISOString(),
      reviewer_id: null,
      reviewed_at: null,
      comment: r.comment ?? null,
    };
    await this.db.insertInto('revisions').values(row).execute();
    return revisionRow(row);
  }

  async revision(id: string): Promise<Revision | null> {
    const row = await this.db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? revisionRow(row) : null;
  }

  /** All revisions of an entity, newest first. */
  async revisionsOf(entity: string, entityId: string): Promise<Revision[]> {
    const rows = await this.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('rev', 'desc')
      .execute();
    return rows.map(revisionRow);
  }

  async setRevisionState(id: string, state: RevisionState, review?: { reviewerId: string; comment: string | null }): Promise<void> {
    await this.db
      .updateTable('revisions')
      .set({
        state,
        ...(review ? { reviewer_id: review.reviewerId, reviewed_at: new Date().toISOString(), comment: review.comment } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Marks every open (draft, submitted or returned) revision of an entity as superseded. */
  async supersedeOpen(entity: string, entityId: string, exceptId?: string): Promise<void> {
    let q = this.db
      .updateTable('revisions')
      .set({ state: 'superseded' })
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .where('state', 'in', ['draft', 'submitted', 'returned']);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  }

  /** Revisions in a state, oldest first, optionally of one kind of entity. */
  async revisionsInState(state: RevisionState, entity?: string): Promise<Revision[]> {
    let q = this.db.selectFrom('revisions').selectAll().where('state', '=', state);
    if (entity) q = q.where('entity', '=', entity);
    return (await q.orderBy('created_at').orderBy(this.sqlf.binary('id')).execute()).map(revisionRow);
  }

  /** Entities with an open revision, with that revision (the newest per entity). */
  async openRevisions(entity: string): Promise<Revision[]> {
    const rows = await this.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity', '=', entity)
      .where('state', 'in', ['draft', 'submitted', 'returned'])
      .orderBy('rev', 'desc')
      .execute();
    const seen = new Set<string>();
    return rows.map(revisionRow).filter((r) => !seen.has(r.entityId) && seen.add(r.entityId) !== undefined);
  }

  // ---- audit ---------------------------------------------------------------------------

  async audit(e: { userId: string | null; action: string; detail: Record<string, unknown>; address: string | null }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ id: randomUUID(), at: new Date().toISOString(), user_id: e.userId, action: e.action, detail: JSON.stringify(e.detail), address: e.address })
      .execute();
  }

  async auditLog(limit: number, offset = 0): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy(this.sqlf.binary('id')).limit(limit).offset(offset).execute();
    return rows.map((r) => ({ id: r.id, at: r.at, userId: r.user_id, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>, address: r.address }));
  }
}
