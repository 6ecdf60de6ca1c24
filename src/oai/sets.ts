// OAI-PMH sets: published exhibitions, their chapters (exhibition:{id}:chapter:{id}) and holding
// institutions with their parents (institution:{root}:…:{id}). Pure functions of content.
import type { Exhibition, Institution, Item, LocalizedText } from '../domain/types.ts';
import { institutionChain } from './dc.ts';

/** One setSpec part: the characters OAI-PMH allows, without the ':' that separates levels. */
const SPEC_PART = /^[A-Za-z0-9\-_.!~*'()]+$/;
/** A whole setSpec as the protocol allows it. */
export const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

export interface OaiSet {
  spec: string;
  /** Names per language (the setName is one of them; all go in the set description). */
  names: LocalizedText;
}

function ok(...parts: string[]): boolean {
  return parts.every((p) => SPEC_PART.test(p));
}

export function exhibitionSpec(ex: Pick<Exhibition, 'id'>): string | null {
  return ok(ex.id) ? `exhibition:${ex.id}` : null;
}

export function chapterSpec(exId: string, chapterId: string): string | null {
  return ok(exId, chapterId) ? `exhibition:${exId}:chapter:${chapterId}` : null;
}

export function institutionSpec(id: string, institutions: ReadonlyMap<string, Institution>): string | null {
  const ids = institutionChain(id, institutions).map((i) => i.id);
  return ids.length > 0 && ok(...ids) ? `institution:${ids.join(':')}` : null;
}

/** Set specs of every published item, keyed by item id: exhibitions and chapters it is placed in. */
export function placementSets(exhibitions: readonly Exhibition[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ex of exhibitions) {
    if (ex.state !== 'published') continue;
    const exSpec = exhibitionSpec(ex);
    if (!exSpec) continue;
    for (const ch of ex.chapters) {
      const chSpec = chapterSpec(ex.id, ch.id);
      for (const id of ch.sections.flatMap((s) => s.itemIds)) {
        let specs = out.get(id);
        if (!specs) out.set(id, (specs = new Set()));
        specs.add(exSpec);
        if (chSpec) specs.add(chSpec);
      }
    }
  }
  return out;
}

/** The sets an item's header lists: its placements and its holding institution with every parent. */
export function itemSets(item: Item, placements: ReadonlySet<string> | undefined, institutions: ReadonlyMap<string, Institution>): string[] {
  const specs = new Set(placements ?? []);
  const chain = institutionChain(item.institutionId, institutions);
  for (let i = 1; i <= chain.length; i++) {
    const ids = chain.slice(0, i).map((c) => c.id);
    if (ok(...ids)) specs.add(`institution:${ids.join(':')}`);
  }
  return [...specs].sort();
}

/** Every set of the repository: published exhibitions with their chapters, then institutions. */
export function allSets(exhibitions: readonly Exhibition[], institutions: ReadonlyMap<string, Institution>): OaiSet[] {
  const out: OaiSet[] = [];
  for (const ex of exhibitions) {
    if (ex.state !== 'published') continue;
    const spec = exhibitionSpec(ex);
    if (!spec) continue;
    out.push({ spec, names: ex.title });
    for (const ch of ex.chapters) {
      const chSpec = chapterSpec(ex.id, ch.id);
      if (chSpec) out.push({ spec: chSpec, names: ch.title });
    }
  }
  for (const inst of institutions.values()) {
    const spec = institutionSpec(inst.id, institutions);
    if (spec) out.push({ spec, names: inst.name });
  }
  return out;
}
