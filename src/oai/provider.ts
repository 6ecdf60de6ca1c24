// Answers OAI-PMH 2.0 requests with response documents. Records are read from the OAI tables
// (kept in step by OaiSync), sets from published content; nothing unpublished is read.
import type { Exhibition, Lang } from '../domain/types.ts';
import { resolveText } from '../i18n/fallback.ts';
import type { Storage } from '../storage/index.ts';
import type { DcField } from './dc.ts';
import { isUri, parseRequest, type Args, type DateArg, type OaiError } from './protocol.ts';
import { allSets, type OaiSet } from './sets.ts';
import { isDomainName, isEmail, type OaiSettings } from './settings.ts';
import { utcSeconds, type OaiSync } from './sync.ts';
import type { OaiRecordsTable } from './tables.ts';
import { decodeToken, encodeToken, tokenExpiry, type TokenState } from './token.ts';
import { el, empty, escapeAttr, escapeText, wrap, type Attrs } from './xml.ts';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
const OAI_DC_XSD = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const OAI_ID_NS = 'http://www.openarchives.org/OAI/2.0/oai-identifier';

/** The one metadata format: every record, deleted or not, can be given in it. */
export const FORMATS = [{ prefix: 'oai_dc', schema: OAI_DC_XSD, namespace: OAI_DC_NS }] as const;

/** What a request knows about where it was made. */
export interface RequestSite {
  /** The site's base URL, no trailing slash. */
  base: string;
  /** The repository identifier in record identifiers. */
  repositoryId: string;
  /** The response date (taken before the records are brought up to date). */
  now: Date;
}

export interface ProviderSiteInfo {
  /** The site's name, for Identify when none is configured. */
  siteName(): string;
  /** Language order for set names (the site's default language first). */
  order(): readonly Lang[];
}

type Row = Pick<OaiRecordsTable, 'item_id' | 'datestamp' | 'deleted' | 'set_specs' | 'metadata'>;

interface ListQuery {
  from?: string;
  until?: string;
  set?: string;
}

class Failure {
  constructor(readonly errors: OaiError[]) {}
}

function fail(code: OaiError['code'], message: string): never {
  throw new Failure([{ code, message }]);
}

export function itemIdentifier(repositoryId: string, itemId: string): string {
  return `oai:${repositoryId}:item/${itemId}`;
}

export class OaiProvider {
  constructor(
    private readonly storage: Storage,
    private readonly sync: OaiSync,
    private readonly settings: OaiSettings,
    private readonly info: ProviderSiteInfo,
  ) {}

  private get db() {
    return this.sync.db;
  }

  /** The response to a request given as name/value pairs (every occurrence, in order). */
  async respond(pairs: readonly (readonly [string, string])[], site: RequestSite): Promise<string> {
    const parsed = parseRequest(pairs);
    if (!parsed.ok) return this.document(site, null, errorsXml(parsed.errors));
    const { verb, args } = parsed;
    try {
      await this.sync.ensureCurrent();
      let body: string;
      switch (verb) {
        case 'Identify':
          body = await this.identify(site);
          break;
        case 'ListMetadataFormats':
          body = await this.listMetadataFormats(args, site);
          break;
        case 'ListSets':
          body = await this.listSets(args);
          break;
        case 'GetRecord':
          body = await this.getRecord(args, site);
          break;
        case 'ListIdentifiers':
        case 'ListRecords':
          body = await this.list(verb, args, parsed.from, parsed.until, site);
          break;
      }
      return this.document(site, { verb, ...args }, wrap(verb, body));
    } catch (err) {
      if (!(err instanceof Failure)) throw err;
      // An identifier that is no URI cannot be echoed (the schema types it anyURI).
      const echo: Attrs = { verb, ...args };
      if (args.identifier !== undefined && !isUri(args.identifier)) delete echo['identifier'];
      return this.document(site, echo, errorsXml(err.errors));
    }
  }

  private document(site: RequestSite, request: Attrs | null, body: string): string {
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<OAI-PMH xmlns="${OAI_NS}" xmlns:xsi="${XSI_NS}" xsi:schemaLocation="${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">` +
      el('responseDate', utcSeconds(site.now)) +
      // badVerb and badArgument echo no arguments: they may be what is wrong.
      el('request', `${site.base}/oai`, request ?? undefined) +
      body +
      '</OAI-PMH>\n'
    );
  }

  // ---- verbs ---------------------------------------------------------------------------------

  private async identify(site: RequestSite): Promise<string> {
    const earliest = await this.db.selectFrom('oai_records').select((eb) => eb.fn.min('datestamp').as('min')).executeTakeFirst();
    const email = this.settings.adminEmail ?? defaultEmail(site.repositoryId);
    let out =
      el('repositoryName', this.settings.repositoryName ?? this.info.siteName()) +
      el('baseURL', `${site.base}/oai`) +
      el('protocolVersion', '2.0') +
      el('adminEmail', email) +
      el('earliestDatestamp', earliest?.min ?? utcSeconds(site.now)) +
      el('deletedRecord', 'persistent') +
      el('granularity', 'YYYY-MM-DDThh:mm:ssZ');
    if (isDomainName(site.repositoryId)) {
      out += wrap(
        'description',
        wrap(
          'oai-identifier',
          el('scheme', 'oai') + el('repositoryIdentifier', site.repositoryId) + el('delimiter', ':') + el('sampleIdentifier', itemIdentifier(site.repositoryId, 'example-record')),
          { xmlns: OAI_ID_NS, 'xmlns:xsi': XSI_NS, 'xsi:schemaLocation': `${OAI_ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd` },
        ),
      );
    }
    return out;
  }

  private async listMetadataFormats(args: Args, site: RequestSite): Promise<string> {
    // Every record can be disseminated as oai_dc, so noMetadataFormats never arises.
    if (args.identifier !== undefined) await this.recordOf(args.identifier, site);
    return FORMATS.map((f) => wrap('metadataFormat', el('metadataPrefix', f.prefix) + el('schema', f.schema) + el('metadataNamespace', f.namespace))).join('');
  }

  private async listSets(args: Args): Promise<string> {
    // The set list is short (exhibitions, chapters, institutions) and given whole.
    if (args.resumptionToken !== undefined) fail('badResumptionToken', 'this repository gives its set list whole and issues no resumptionToken for it');
    const sets = await this.sets();
    if (sets.length === 0) fail('noSetHierarchy', 'this repository has no sets yet');
    const order = this.info.order();
    return sets
      .map((s) => {
        const name = resolveText(s.names, order)?.value ?? s.spec;
        const titles = Object.entries(s.names).flatMap(([lang, v]) => (v && v.value.trim() !== '' ? [{ element: 'title' as const, value: v.value.trim(), lang }] : []));
        const description = titles.length ? wrap('setDescription', dcXml(titles, '')) : '';
        return wrap('set', el('setSpec', s.spec) + el('setName', name) + description);
      })
      .join('');
  }

  private async getRecord(args: Args, site: RequestSite): Promise<string> {
    const row = await this.recordOf(args.identifier ?? '', site);
    checkFormat(args.metadataPrefix ?? '');
    return recordXml(row, site, true);
  }

  private async list(verb: 'ListIdentifiers' | 'ListRecords', args: Args, from: DateArg | undefined, until: DateArg | undefined, site: RequestSite): Promise<string> {
    const secret = await this.sync.tokenSecret();
    let state: TokenState;
    if (args.resumptionToken !== undefined) {
      const decoded = decodeToken(args.resumptionToken, secret, site.now.getTime(), this.settings.tokenTtlMs);
      if (!decoded.ok) fail('badResumptionToken', decoded.reason);
      if (decoded.state.verb !== verb) fail('badResumptionToken', `the resumptionToken continues a ${decoded.state.verb} list, not ${verb}`);
      state = decoded.state;
    } else {
      checkFormat(args.metadataPrefix ?? '');
      if (args.set !== undefined && (await this.sets()).length === 0) fail('noSetHierarchy', 'this repository has no sets yet');
      state = {
        verb,
        metadataPrefix: args.metadataPrefix ?? '',
        ...(from ? { from: from.first } : {}),
        ...(until ? { until: until.last } : {}),
        ...(args.set !== undefined ? { set: args.set } : {}),
        after: '',
        cursor: 0,
        issued: site.now.getTime(),
      };
    }
    const query: ListQuery = { ...(state.from ? { from: state.from } : {}), ...(state.until ? { until: state.until } : {}), ...(state.set ? { set: state.set } : {}) };
    const size = this.settings.pageSize;
    const rows = await this.page(query, state.after, size + 1);
    if (rows.length === 0) {
      fail('noRecordsMatch', state.cursor === 0 ? 'no record matches the given arguments' : 'the records left in this list no longer match its arguments');
    }
    const page = rows.slice(0, size);
    const more = rows.length > size;
    const body = page.map((r) => (verb === 'ListRecords' ? recordXml(r, site, true) : headerXml(r, site))).join('');
    // Nothing to resume in a list given whole in its first response.
    if (!more && state.cursor === 0) return body;
    const total = await this.count(query);
    const attrs: Attrs = { cursor: state.cursor, ...(total > 0 ? { completeListSize: total } : {}) };
    if (!more) return body + empty('resumptionToken', attrs);
    const last = page.at(-1)?.item_id ?? state.after;
    const next = encodeToken({ ...state, after: last, cursor: state.cursor + page.length }, secret);
    return body + el('resumptionToken', next, { expirationDate: utcSeconds(tokenExpiry(state, this.settings.tokenTtlMs)), ...attrs });
  }

  // ---- reads ---------------------------------------------------------------------------------

  private async recordOf(identifier: string, site: RequestSite): Promise<Row> {
    const prefix = `oai:${site.repositoryId}:item/`;
    const itemId = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : null;
    const row = itemId
      ? await this.db.selectFrom('oai_records').select(['item_id', 'datestamp', 'deleted', 'set_specs', 'metadata']).where('item_id', '=', itemId).executeTakeFirst()
      : undefined;
    if (!row) fail('idDoesNotExist', `no record has the identifier "${identifier}" in this repository`);
    return row;
  }

  private filtered(query: ListQuery) {
    let q = this.db.selectFrom('oai_records as r');
    if (query.from) q = q.where('r.datestamp', '>=', query.from);
    if (query.until) q = q.where('r.datestamp', '<=', query.until);
    const set = query.set;
    // A set holds the records of its subsets too; memberships are stored with every ancestor.
    if (set !== undefined) {
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('oai_record_sets as s').select('s.item_id').whereRef('s.item_id', '=', 'r.item_id').where('s.set_spec', '=', set)),
      );
    }
    return q;
  }

  /** Records after `after` in key order: a record is in one place in the list whatever its datestamp does. */
  private page(query: ListQuery, after: string, limit: number): Promise<Row[]> {
    return this.filtered(query)
      .select(['r.item_id', 'r.datestamp', 'r.deleted', 'r.set_specs', 'r.metadata'])
      .where('r.item_id', '>', after)
      .orderBy('r.item_id')
      .limit(limit)
      .execute();
  }

  private async count(query: ListQuery): Promise<number> {
    const row = await this.filtered(query).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async sets(): Promise<OaiSet[]> {
    const store = this.storage.store;
    const exhibitions: Exhibition[] = [];
    for (const id of await store.listExhibitionIds(true)) {
      const ex = await store.getExhibition(id);
      if (ex && ex.state === 'published') exhibitions.push(ex);
    }
    return allSets(exhibitions, new Map((await store.listInstitutions()).map((i) => [i.id, i])));
  }
}

function defaultEmail(repositoryId: string): string {
  const email = `webmaster@${repositoryId}`;
  return isEmail(email) ? email : `webmaster@${repositoryId}.localdomain`;
}

function checkFormat(prefix: string): void {
  if (!FORMATS.some((f) => f.prefix === prefix)) fail('cannotDisseminateFormat', `the metadata format "${prefix}" is not given here; ListMetadataFormats names the formats`);
}

function errorsXml(errors: readonly OaiError[]): string {
  return errors.map((e) => el('error', e.message, { code: e.code })).join('');
}

function headerXml(row: Row, site: RequestSite): string {
  const sets = (JSON.parse(row.set_specs) as string[]).map((s) => el('setSpec', s)).join('');
  return wrap(
    'header',
    el('identifier', itemIdentifier(site.repositoryId, row.item_id)) + el('datestamp', row.datestamp) + sets,
    Number(row.deleted) === 1 ? { status: 'deleted' } : undefined,
  );
}

function recordXml(row: Row, site: RequestSite, withMetadata: boolean): string {
  const header = headerXml(row, site);
  if (Number(row.deleted) === 1 || row.metadata === null || !withMetadata) return wrap('record', header);
  const fields = JSON.parse(row.metadata) as DcField[];
  return wrap('record', header + wrap('metadata', dcXml(fields, site.base)));
}

function dcXml(fields: readonly DcField[], base: string): string {
  const inner = fields
    .map((f) => {
      const value = f.path ? `${base}${f.value}` : f.value;
      return `<dc:${f.element}${f.lang ? ` xml:lang="${escapeAttr(f.lang)}"` : ''}>${escapeText(value)}</dc:${f.element}>`;
    })
    .join('');
  return wrap('oai_dc:dc', inner, {
    'xmlns:oai_dc': OAI_DC_NS,
    'xmlns:dc': DC_NS,
    'xmlns:xsi': XSI_NS,
    'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_XSD}`,
  });
}

