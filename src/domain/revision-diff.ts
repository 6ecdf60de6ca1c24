// Field-by-field differences between two snapshots of an entity, for the history view.

export interface FieldChange {
  /** "caption", "caption@mn", "chapters[0].sections[1].itemIds" … */
  path: string;
  before: unknown;
  after: unknown;
}

// A translation may also carry the source text it was made from and its author (see translation.ts).
const VALUE_KEYS = new Set(['value', 'status', 'source', 'by']);

function isLocalizedValue(v: unknown): v is { value: string; status: string } {
  return typeof v === 'object' && v !== null && 'value' in v && 'status' in v && Object.keys(v).every((k) => VALUE_KEYS.has(k));
}

function isLangMapKey(key: string): boolean {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key);
}

/**
 * Walks both snapshots together. A translated value ({value, status}) is one leaf, shown as
 * `field@lang`; arrays of plain values (ids, order) compare whole; arrays of objects go by index.
 */
export function diffSnapshots(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const objA = typeof before === 'object' && before !== null && !Array.isArray(before);
  const objB = typeof after === 'object' && after !== null && !Array.isArray(after);
  if (isLocalizedValue(before) || isLocalizedValue(after) || (!objA && !objB && !(Array.isArray(before) && Array.isArray(after)))) {
    return [{ path, before, after }];
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const objects = [...before, ...after].every((x) => typeof x === 'object' && x !== null);
    if (!objects) return [{ path, before, after }];
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...diffSnapshots(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  const a = (objA ? before : {}) as Record<string, unknown>;
  const b = (objB ? after : {}) as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const langKey = isLangMapKey(key) && (isLocalizedValue(a[key]) || isLocalizedValue(b[key]));
    const sub = path === '' ? key : langKey ? `${path}@${key}` : `${path}.${key}`;
    out.push(...diffSnapshots(a[key], b[key], sub));
  }
  return out;
}

/** The value shown in a diff: a translated value's text with its status, anything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (isLocalizedValue(v)) return v.status === 'draft' ? `${v.value} (draft)` : v.value;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
