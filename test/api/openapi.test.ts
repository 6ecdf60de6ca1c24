// The OpenAPI document itself: structurally sound, every response schema compiles with the
// 2020-12 draft, and the checks used on responses do catch what they are meant to.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openApiDocument } from '../../src/api/openapi.ts';
import { OpenApiCheck } from './openapi-check.ts';

type Json = Record<string, unknown>;

const doc = () => openApiDocument('https://archives.example') as Json;

describe('the OpenAPI document', () => {
  it('is sound: 3.1, refs resolve, operations are unique and every response has a schema', () => {
    const check = new OpenApiCheck(doc());
    assert.deepEqual(check.structureErrors(), []);
    const d = doc();
    assert.equal(d['jsonSchemaDialect'], 'https://json-schema.org/draft/2020-12/schema');
    const paths = Object.keys(d['paths'] as Json);
    for (const p of ['/exhibitions', '/exhibitions/{id}', '/exhibitions/{id}/chapters/{chapterId}', '/items', '/items/{id}', '/people', '/people/{id}', '/institutions', '/institutions/{id}', '/search', '/openapi.json']) {
      assert.ok(paths.includes(p), `documents ${p}`);
    }
  });

  it('compiles every response schema with the JSON Schema 2020-12 draft', () => {
    const check = new OpenApiCheck(doc());
    const schemas = check.responseSchemas();
    assert.ok(schemas.length >= 25, `${schemas.length} response schemas`);
    for (const s of schemas) assert.doesNotThrow(() => check.validator(s.pointer), s.where);
    for (const name of Object.keys((doc()['components'] as { schemas: Json }).schemas)) {
      assert.doesNotThrow(() => check.validator(`#/components/schemas/${name}`), name);
    }
  });

  it('finds what is wrong with a broken document', () => {
    const broken = doc();
    const paths = broken['paths'] as Record<string, { get: Json }>;
    const items = paths['/items/{id}'];
    const people = paths['/people'];
    assert.ok(items && people);
    items.get['parameters'] = [];
    items.get['responses'] = { ...(items.get['responses'] as Json), '200': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nothing' } } } } };
    people.get['operationId'] = 'listItems';
    broken['openapi'] = '3.0.3';
    const errors = new OpenApiCheck(broken).structureErrors();
    assert.ok(errors.some((e) => e.includes('#/components/schemas/Nothing does not resolve')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('{id} is not declared')));
    assert.ok(errors.some((e) => e.includes('operationId listItems is used twice')));
    assert.ok(errors.some((e) => e.startsWith('openapi:')));
  });

  it('matches request paths to templates and refuses undocumented fields, statuses and media types', () => {
    const check = new OpenApiCheck(doc());
    assert.equal(check.templateOf('/items/abc'), '/items/{id}');
    assert.equal(check.templateOf('/exhibitions/a/chapters/b'), '/exhibitions/{id}/chapters/{chapterId}');
    assert.equal(check.templateOf('/items'), '/items');
    assert.equal(check.templateOf('/items/a/b'), null);
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'x', instance: '/api/v1/items/a' };
    const res = (status: number, body: unknown, type = 'application/problem+json') => ({ statusCode: status, headers: { 'content-type': type }, body: JSON.stringify(body) });
    assert.deepEqual(check.responseErrors('/api/v1', '/api/v1/items/a', res(404, problem)), []);
    assert.notDeepEqual(check.responseErrors('/api/v1', '/api/v1/items/a', res(404, { ...problem, secret: 1 })), []);
    assert.notDeepEqual(check.responseErrors('/api/v1', '/api/v1/items/a', res(404, problem, 'text/html')), []);
    assert.notDeepEqual(check.responseErrors('/api/v1', '/api/v1/items', res(404, problem)), [], '/items has no 404');
    assert.notDeepEqual(check.responseErrors('/api/v1', '/api/v1/items/a', res(500, problem)), []);
    // A language map value with what only the workspace knows is refused.
    const text = { en: { value: 'x', status: 'reviewed', by: 'u-1' } };
    assert.notDeepEqual(check.componentErrors('LocalizedText', text), []);
    assert.deepEqual(check.componentErrors('LocalizedText', { en: { value: 'x', status: 'reviewed' } }), []);
  });
});
