import type { RawBuilder } from 'kysely';
import type { ParsedQuery } from '../analyzer.ts';
import type { SearchDb } from './tables.ts';

/** The analyzed terms of one entry, field by field, in text order. */
export interface EntryTerms {
  title: string[];
  names: string[];
  body: string[];
}

/** The index tables a planner needs fresh statistics on after a rebuild. */
export const INDEX_TABLES = ['search_index_docs', 'search_index_entries', 'search_index_facets', 'search_index_names'] as const;

/** An entry's key is its document's key times SLOTS plus the slot of its language. */
export const SLOTS = 64;

export function entryKey(docKey: number, slot: number): number {
  return docKey * SLOTS + slot;
}

/**
 * The part of the search index that differs between engines. Each engine folder has a file of
 * the same name implementing this; `index-writer.ts` and `index-reader.ts` are written once
 * against it. Field weights are the same on both: title 10, names 5, body 1.
 */
export interface FtsEngine {
  /** Extra values of an entry row (PostgreSQL keeps its tsvector there). */
  entryValues(terms: EntryTerms): Record<string, RawBuilder<unknown>>;
  /** Writes entries to an index kept outside the entry rows (SQLite's FTS5 table). */
  insert(db: SearchDb, entries: readonly { key: number; terms: EntryTerms }[]): Promise<void>;
  /** Takes entries out of that outside index; the entry rows are deleted by the caller. */
  remove(db: SearchDb, keys: readonly number[]): Promise<void>;
  clear(db: SearchDb): Promise<void>;
  /**
   * A subquery selecting `doc_key`, `slot` (the language) and `score` (higher is better) of
   * every entry that matches all clauses of `query`.
   */
  matches(query: ParsedQuery): RawBuilder<unknown>;
  /** Brings the planner's statistics (and PostgreSQL's visibility map) up to date after a rebuild. */
  afterRebuild(db: SearchDb): Promise<void>;
  /** Whether `err` is the engine cancelling a statement that ran past its time limit. */
  isTimeout(err: unknown): boolean;
  /** Bytes on disk: the full-text index alone, and every search_index table with its indexes. */
  sizes(db: SearchDb): Promise<{ fullText: number; total: number }>;
}
