#!/usr/bin/env node
// Generates charts/luster/values.schema.json from values.yaml: each key's type from its default,
// its description from the `# --` comment above it, objects closed so unknown keys are refused.
//   npm run chart:schema            (write)      npm run chart:schema -- --check   (compare)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

const chartDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../luster');

/** The `# -- …` comment documenting a key (a file header before it is not part of it). */
function describe(comment) {
  const at = (comment ?? '').lastIndexOf('-- ');
  const text =
    at < 0
      ? ''
      : comment
          .slice(at + 3)
          .replace(/\n\s*/g, ' ')
          .trim();
  return text ? { description: text } : {};
}

function schemaOf(node) {
  if (isMap(node)) {
    const properties = {};
    node.items.forEach((pair, i) => {
      // The first key's comment is attached to the map itself.
      const comment = pair.key.commentBefore ?? (i === 0 ? node.commentBefore : undefined);
      properties[pair.key.value] = { ...describe(comment), ...schemaOf(pair.value) };
    });
    // An empty map in values.yaml is free-form (annotations, nodeSelector, affinity).
    if (node.items.length === 0) return { type: 'object' };
    return { type: 'object', additionalProperties: false, properties };
  }
  if (isSeq(node)) return { type: 'array' };
  if (isScalar(node)) {
    if (typeof node.value === 'boolean') return { type: 'boolean' };
    if (typeof node.value === 'number')
      return Number.isInteger(node.value) ? { type: 'integer', minimum: 0 } : { type: 'number' };
    return { type: 'string' };
  }
  return {};
}

export function valuesSchema() {
  const doc = parseDocument(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8'));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Luster chart values',
    ...schemaOf(doc.contents),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.join(chartDir, 'values.schema.json');
  const text = `${JSON.stringify(valuesSchema(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error('values.schema.json is stale: run npm run chart:schema');
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
