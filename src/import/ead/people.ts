// Names in a finding aid matched against the people already recorded, in any script: the exact
// form of each name (both orders of its parts) and its loose Latin reading (Cyrillic by MNS 5217,
// kana by Hepburn), from the search module's name keys. A name that matches nobody becomes a new
// person whose name parts are marked unreviewed (people have no draft state of their own).
import { createHash } from 'node:crypto';
import type { Lang, NamingCulture, Person, PersonNameParts } from '../../domain/types.ts';
import { formKey, latinKey } from '../../search/names.ts';
import type { EadName } from './reader.ts';

function variants(parts: PersonNameParts): string[] {
  const f = parts.family?.trim() ?? '';
  const g = parts.given?.trim() ?? '';
  const pat = parts.patronymic?.trim() ?? '';
  const out = new Set<string>();
  if (f && g) {
    out.add(`${f} ${g}`);
    out.add(`${g} ${f}`);
  } else if (f || g) out.add(f || g);
  if (pat && g) {
    out.add(`${pat} ${g}`);
    out.add(`${g} ${pat}`);
  }
  return [...out];
}

function candidates(name: EadName): string[] {
  if (name.surname && name.forename) return [`${name.surname} ${name.forename}`, `${name.forename} ${name.surname}`];
  return [name.surname ?? name.forename ?? name.text];
}

export class PeopleIndex {
  private readonly byForm = new Map<string, string>();
  private readonly byLatin = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(people: readonly Person[]) {
    for (const p of people) this.add(p);
  }

  add(p: Person): void {
    this.ids.add(p.id);
    for (const parts of Object.values(p.names)) {
      if (!parts) continue;
      for (const v of variants(parts)) {
        const form = formKey(v);
        if (form && !this.byForm.has(form)) this.byForm.set(form, p.id);
        const latin = latinKey(v);
        if (latin && !this.byLatin.has(latin)) this.byLatin.set(latin, p.id);
      }
    }
  }

  find(name: EadName): string | null {
    const c = candidates(name);
    for (const v of c) {
      const hit = this.byForm.get(formKey(v));
      if (hit) return hit;
    }
    for (const v of c) {
      const latin = latinKey(v);
      const hit = latin ? this.byLatin.get(latin) : undefined;
      if (hit) return hit;
    }
    return null;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A new person for a name nobody has: the id is made from the name, so a re-import finds it. */
export function personFromName(name: EadName, lang: Lang, index: PeopleIndex): Person {
  const written = name.surname && name.forename ? `${name.surname} ${name.forename}` : name.text;
  const culture: NamingCulture = name.kind === 'person' && CJK.test(written) ? 'japanese' : name.kind === 'person' && CYRILLIC.test(written) ? 'mongolian' : 'western';
  const slug = written
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(formKey(written)).digest('hex').slice(0, 8);
  let id = `ead-${slug ? `${slug}-` : ''}${hash}`;
  for (let n = 2; index.has(id); n++) id = `ead-${slug ? `${slug}-` : ''}${hash}-${n}`;
  const parts: PersonNameParts =
    name.kind === 'person' && name.surname
      ? culture === 'mongolian'
        ? { patronymic: name.surname, ...(name.forename ? { given: name.forename } : {}), status: 'draft' }
        : { family: name.surname, ...(name.forename ? { given: name.forename } : {}), status: 'draft' }
      : // One part only: a corporate body, or a personal name the finding aid does not divide.
        { family: name.text, status: 'draft' };
  return { id, culture, names: { [lang]: parts }, role: {} };
}
