// Checks of an OpenAPI 3.1 document without the official schema (not available offline): its
// structure (every $ref resolves, every response has a schema, operationIds unique, path
// parameters declared), every response schema compiled with ajv's 2020-12 draft, and a
// validator that matches a request path to its path template and checks a response body.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

const DOC_ID = 'https://tsuzuri.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The value a local JSON pointer ("#/a/b") names in `doc`, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
    if (cur === undefined) return undefined;
  }
  return cur;
}

function walk(v: unknown, at: string, visit: (node: Json, at: string) => void): void {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`, visit));
  else if (isObject(v)) {
    visit(v, at);
    for (const [k, x] of Object.entries(v)) walk(x, `${at}/${escapePointer(k)}`, visit);
  }
}

export interface ResponseLike {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

export class OpenApiCheck {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; re: RegExp }[];

  constructor(readonly doc: Json) {
    this.ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(this.ajv);
    // The document's own members are not JSON Schema keywords; declared so, the document can be
    // added whole and its schemas reached by JSON pointer, $refs and all.
    this.ajv.addVocabulary(['openapi', 'jsonSchemaDialect', 'info', 'servers', 'tags', 'paths', 'components', 'webhooks', 'security', 'externalDocs']);
    this.ajv.addSchema({ ...doc, $id: DOC_ID });
    const paths = isObject(doc['paths']) ? Object.keys(doc['paths']) : [];
    this.templates = paths.map((template) => ({
      template,
      re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** What is wrong with the document's structure; empty when nothing is. */
  structureErrors(): string[] {
    const errors: string[] = [];
    const doc = this.doc;
    if (typeof doc['openapi'] !== 'string' || !/^3\.1\.\d+$/.test(doc['openapi'])) errors.push('openapi: must be 3.1.x');
    const info = doc['info'];
    if (!isObject(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') errors.push('info: needs title and version');
    walk(doc, '#', (node, at) => {
      const ref = node['$ref'];
      if (typeof ref === 'string' && resolvePointer(doc, ref) === undefined) errors.push(`${at}: $ref ${ref} does not resolve`);
    });
    const paths = doc['paths'];
    if (!isObject(paths)) return [...errors, 'paths: missing'];
    const operationIds = new Set<string>();
    for (const [template, item] of Object.entries(paths)) {
      if (!template.startsWith('/')) errors.push(`${template}: a path must start with /`);
      if (!isObject(item)) continue;
      const wanted = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const where = `${method.toUpperCase()} ${template}`;
        const id = op['operationId'];
        if (typeof id !== 'string') errors.push(`${where}: no operationId`);
        else if (operationIds.has(id)) errors.push(`${where}: operationId ${id} is used twice`);
        else operationIds.add(id);
        const params = (Array.isArray(op['parameters']) ? op['parameters'] : []).map((p: unknown) => this.deref(p));
        const declared = params.filter((p) => p['in'] === 'path').map((p) => p['name']);
        for (const p of params) {
          if (typeof p['name'] !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(p['in']))) errors.push(`${where}: a parameter needs name and in`);
          if (p['in'] === 'path' && p['required'] !== true) errors.push(`${where}: path parameter ${String(p['name'])} must be required`);
          if (!isObject(p['schema'])) errors.push(`${where}: parameter ${String(p['name'])} has no schema`);
        }
        for (const w of wanted) if (!declared.includes(w)) errors.push(`${where}: path parameter {${w}} is not declared`);
        for (const d of declared) if (!wanted.includes(String(d))) errors.push(`${where}: parameter ${String(d)} is not in the path`);
        const responses = op['responses'];
        if (!isObject(responses) || Object.keys(responses).length === 0) {
          errors.push(`${where}: no responses`);
          continue;
        }
        for (const [status, r] of Object.entries(responses)) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) errors.push(`${where} ${status}: not a status code`);
          const resp = this.deref(r);
          if (typeof resp['description'] !== 'string') errors.push(`${where} ${status}: no description`);
          const content = resp['content'];
          if (!isObject(content) || Object.keys(content).length === 0) {
            errors.push(`${where} ${status}: no content`);
            continue;
          }
          for (const [type, media] of Object.entries(content)) {
            if (!isObject(media) || !isObject(media['schema'])) errors.push(`${where} ${status} ${type}: no schema`);
          }
        }
      }
    }
    return errors;
  }

  private deref(v: unknown): Json {
    let cur = v;
    for (let i = 0; i < 10 && isObject(cur) && typeof cur['$ref'] === 'string'; i++) cur = resolvePointer(this.doc, cur['$ref']);
    return isObject(cur) ? cur : {};
  }

  /** Every (path, method, status, media type) with a schema, as a JSON pointer to that schema. */
  responseSchemas(): { where: string; pointer: string }[] {
    const out: { where: string; pointer: string }[] = [];
    const paths = this.doc['paths'];
    if (!isObject(paths)) return out;
    for (const [template, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op) || !isObject(op['responses'])) continue;
        for (const [status, r] of Object.entries(op['responses'])) {
          // A shared response is checked through its own pointer.
          const base = isObject(r) && typeof r['$ref'] === 'string' ? r['$ref'] : `#/paths/${escapePointer(template)}/${method}/responses/${status}`;
          const content = this.deref(r)['content'];
          if (!isObject(content)) continue;
          for (const type of Object.keys(content)) {
            out.push({ where: `${method.toUpperCase()} ${template} ${status} ${type}`, pointer: `${base}/content/${escapePointer(type)}/schema` });
          }
        }
      }
    }
    return out;
  }

  /** Compiles (once) the schema a JSON pointer into the document names. */
  validator(pointer: string): ValidateFunction {
    let v = this.validators.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.validators.set(pointer, v);
    }
    return v;
  }

  /** Errors of one body against the schema of a component, by name. */
  componentErrors(name: string, body: unknown): string[] {
    const v = this.validator(`#/components/schemas/${escapePointer(name)}`);
    return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  /** The path template a request path (under the server's prefix) matches, or null. */
  templateOf(path: string): string | null {
    return this.templates.find((t) => t.re.test(path))?.template ?? null;
  }

  /**
   * Errors of a GET response against the document: its path must match a template, its status
   * be documented there, its media type listed, and its body valid against that schema.
   */
  responseErrors(prefix: string, url: string, res: ResponseLike): string[] {
    const path = new URL(url, 'http://x').pathname;
    if (!path.startsWith(prefix)) return [`${path}: not under ${prefix}`];
    const template = this.templateOf(path.slice(prefix.length));
    if (!template) return [`${path}: matches no path of the document`];
    const op = this.deref(this.deref((this.doc['paths'] as Json)[template])['get']);
    const responses = this.deref(op['responses']);
    const status = String(res.statusCode);
    const key = status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : 'default' in responses ? 'default' : null;
    if (!key) return [`GET ${template}: status ${status} is not documented`];
    const r = responses[key];
    const base = isObject(r) && typeof r['$ref'] === 'string' ? r['$ref'] : `#/paths/${escapePointer(template)}/get/responses/${key}`;
    const content = this.deref(r)['content'];
    const type = String(res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!isObject(content) || !(type in content)) return [`GET ${template} ${status}: media type ${type} is not documented`];
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return [`GET ${template} ${status}: the body is not JSON`];
    }
    const v = this.validator(`${base}/content/${escapePointer(type)}/schema`);
    return v(body) ? [] : (v.errors ?? []).slice(0, 5).map((e) => `GET ${path} ${status}: ${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}
