import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlModules } from '../app/graphql-schema.js';
import type { Services } from '../app/services.js';
import type { DomainError } from '../errors/index.js';
import { fieldCosts } from './field-costs.js';
import { queryLimits, queryLimitsRule } from './query-limits.js';

// The limits read only the schema and which fields have a resolver; no resolver runs here, so the
// modules are made from services that are all empty.
const modules = graphqlModules(new Proxy({}, { get: () => ({}) }) as Services);
const schema = buildSchema(modules.map((m) => m.typeDefs).join('\n'));
const rule = queryLimitsRule(fieldCosts(modules));
const id = '00000000-0000-4000-8000-000000000000';

/** The limits a query is refused for, with the measured values. */
function refusals(query: string, on = schema, limitsRule = rule) {
  return validate(on, parse(query), [limitsRule]).map((e) => ({
    code: (e.originalError as DomainError).code,
    ...(e.originalError as DomainError).data,
  }));
}

function aliases(n: number, selection: string) {
  return Array.from({ length: n }, (_, i) => `o${i}: ${selection}`).join('\n');
}

describe('the GraphQL query limits', () => {
  it('lets ordinary queries through, including every tool’s introspection query', () => {
    for (const query of [
      '{ me { email memberships { slug role } } }',
      '{ organizations { total items { id slug state sync { status } lastChange { sha } } } }',
      '{ organizations(limit: 20) { items { slug manifests { files { path } } history { sha author { name } trailers { key value } } changes { id state } users { email } } } }',
      `{ organization(id: "${id}") { manifests { files { path content } } history(limit: 200) { sha } sync { status } } }`,
      `{ changeRequests(pageSize: 200) { total items { id title approvals { user { email } } } } changeRequest(id: "${id}") { files { patch } } }`,
      getIntrospectionQuery(),
    ]) {
      expect(validate(schema, parse(query), specifiedRules)).toEqual([]);
      expect(refusals(query)).toEqual([]);
    }
  });

  it('refuses 600 aliases of an organization’s manifests and history on every limit they break', () => {
    const query = `{ ${aliases(600, `organization(id: "${id}") { manifests { files { path } } history { sha } }`)} }`;
    expect(refusals(query)).toEqual([
      { code: 'query_too_complex', limit: 'rootFields', max: 20, actual: 600 },
      { code: 'query_too_complex', limit: 'aliases', max: 30, actual: 600 },
      // organization 1 + manifests 10 + history of 50 entries 11, 600 times
      { code: 'query_too_complex', limit: 'cost', max: 1000, actual: 600 * 22 },
    ]);
  });

  it('counts root fields and aliases inside fragments, as they execute', () => {
    const query = `query { ...A ...A2 }
      fragment A on Query { ${aliases(12, 'health { ready }')} }
      fragment A2 on Query { ... on Query { ${aliases(12, 'me { id }').replaceAll('o', 'p')} } }`;
    expect(refusals(query)).toEqual([
      { code: 'query_too_complex', limit: 'rootFields', max: 20, actual: 24 },
    ]);
  });

  it('charges every organization of a page for what is asked of each', () => {
    expect(refusals('{ organizations(limit: 100) { items { manifests { ref } } } }')).toEqual([
      { code: 'query_too_complex', limit: 'cost', max: 1000, actual: 1 + 100 * 10 },
    ]);
    expect(refusals('{ organizations(limit: 99) { items { manifests { ref } } } }')).toEqual([]);
  });

  it('counts a page size passed as a variable at the largest page', () => {
    expect(refusals('query ($n: Int) { organizations(limit: $n) { items { manifests { ref } } } }')).toEqual([
      { code: 'query_too_complex', limit: 'cost', max: 1000, actual: 1 + 500 * 10 },
    ]);
  });

  it('refuses a query nested deeper than the limit', () => {
    const cyclic = buildSchema('type Query { node: Node } type Node { id: ID child: Node }');
    const deepRule = queryLimitsRule(() => 0);
    const nested = (depth: number) =>
      `{ node ${'{ child '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;
    expect(refusals(nested(queryLimits.maxDepth), cyclic, deepRule)).toEqual([]);
    expect(refusals(nested(queryLimits.maxDepth + 1), cyclic, deepRule)).toEqual([
      { code: 'query_too_complex', limit: 'depth', max: 8, actual: 9 },
    ]);
  });

  it('measures fragments spread into each other once each, and refuses their product', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { health { ready } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = Date.now();
    const found = refusals(`{ ...F0 }\n${fragments}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(found).toContainEqual({
      code: 'query_too_complex',
      limit: 'cost',
      max: 1000,
      actual: 2 ** (levels - 1),
    });
  });
});
