// OAI-PMH 2.0 request arguments: which verb, which arguments it allows or needs, and their
// syntax. Pure: pairs in (every occurrence, in order), a checked request or errors out.
import { SET_SPEC } from './sets.ts';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type Verb = (typeof VERBS)[number];

export type ErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: ErrorCode;
  message: string;
}

type ArgName = 'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken';

interface VerbRule {
  required: ArgName[];
  optional: ArgName[];
  /** An argument that must come alone when given. */
  exclusive?: ArgName;
}

const RULES: Record<Verb, VerbRule> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

export type Args = Partial<Record<ArgName, string>>;

/** A from/until value at the granularity it was given in, as the first and last second it covers. */
export interface DateArg {
  granularity: 'day' | 'second';
  /** YYYY-MM-DDThh:mm:ssZ */
  first: string;
  last: string;
}

export type ParsedRequest =
  | { ok: true; verb: Verb; args: Args; from?: DateArg; until?: DateArg }
  | { ok: false; errors: OaiError[] };

const METADATA_PREFIX = /^[A-Za-z0-9\-_.!~*'()]+$/;
// An identifier must at least be a URI (scheme, colon, no spaces) to be echoed in <request>.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/** True for a value that can stand in <request identifier="…"> (an illegal one is idDoesNotExist). */
export function isUri(s: string): boolean {
  return URI.test(s);
}

/** Reads YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, checking that the day and time exist. */
export function parseDateArg(s: string): DateArg | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  if (y === undefined || mo === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, se ?? 0));
  date.setUTCFullYear(y);
  if (
    y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d ||
    (h !== undefined && (h > 23 || mi === undefined || mi > 59 || se === undefined || se > 59))
  ) {
    return null;
  }
  const day = s.slice(0, 10);
  if (h === undefined) return { granularity: 'day', first: `${day}T00:00:00Z`, last: `${day}T23:59:59Z` };
  return { granularity: 'second', first: s, last: s };
}

/** Checks a request given as name/value pairs (query string or form body, every occurrence). */
export function parseRequest(pairs: readonly (readonly [string, string])[]): ParsedRequest {
  const verbs = pairs.filter(([k]) => k === 'verb').map(([, v]) => v);
  if (verbs.length === 0) return { ok: false, errors: [{ code: 'badVerb', message: 'the verb argument is missing' }] };
  if (verbs.length > 1) return { ok: false, errors: [{ code: 'badVerb', message: 'the verb argument is given more than once' }] };
  const verb = VERBS.find((v) => v === verbs[0]);
  if (!verb) return { ok: false, errors: [{ code: 'badVerb', message: `"${verbs[0] ?? ''}" is not an OAI-PMH verb` }] };

  const rule = RULES[verb];
  const allowed = new Set<string>([...rule.required, ...rule.optional, ...(rule.exclusive ? [rule.exclusive] : [])]);
  const errors: OaiError[] = [];
  const args: Args = {};
  const seen = new Set<string>();
  for (const [name, value] of pairs) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) {
      errors.push({ code: 'badArgument', message: `${verb} does not take the argument "${name}"` });
      continue;
    }
    if (seen.has(name)) {
      if (!errors.some((e) => e.message.includes(`"${name}" is given more than once`))) {
        errors.push({ code: 'badArgument', message: `the argument "${name}" is given more than once` });
      }
      continue;
    }
    seen.add(name);
    args[name as ArgName] = value;
  }
  if (errors.length) return { ok: false, errors };

  if (rule.exclusive && args[rule.exclusive] !== undefined) {
    const others = Object.keys(args).filter((k) => k !== rule.exclusive);
    if (others.length) return { ok: false, errors: [{ code: 'badArgument', message: `${rule.exclusive} is an exclusive argument; ${others.join(', ')} may not be given with it` }] };
    if (args[rule.exclusive] === '') return { ok: false, errors: [{ code: 'badArgument', message: `${rule.exclusive} is empty` }] };
    return { ok: true, verb, args };
  }

  for (const name of rule.required) {
    if (args[name] === undefined) errors.push({ code: 'badArgument', message: `${verb} needs the argument ${name}` });
  }
  for (const [name, value] of Object.entries(args)) if (value === '') errors.push({ code: 'badArgument', message: `the argument ${name} is empty` });
  if (args.metadataPrefix && !METADATA_PREFIX.test(args.metadataPrefix)) {
    errors.push({ code: 'badArgument', message: 'metadataPrefix may only contain letters, digits and - _ . ! ~ * \' ( )' });
  }
  if (args.set && !SET_SPEC.test(args.set)) errors.push({ code: 'badArgument', message: 'set is not a setSpec (parts of letters, digits and - _ . ! ~ * \' ( ), separated by colons)' });

  let from: DateArg | undefined;
  let until: DateArg | undefined;
  for (const name of ['from', 'until'] as const) {
    const v = args[name];
    if (!v) continue;
    const d = parseDateArg(v);
    if (!d) errors.push({ code: 'badArgument', message: `${name} must be a date YYYY-MM-DD or a time YYYY-MM-DDThh:mm:ssZ that exists (got "${v}")` });
    else if (name === 'from') from = d;
    else until = d;
  }
  if (from && until) {
    if (from.granularity !== until.granularity) errors.push({ code: 'badArgument', message: 'from and until must have the same granularity' });
    else if (from.first > until.last) errors.push({ code: 'badArgument', message: 'from is later than until' });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, verb, args, ...(from ? { from } : {}), ...(until ? { until } : {}) };
}
