// A YAML emitter for JSON data, written for synth's hot path (a general YAML library spent more
// time than everything else in a render). It emits block style with two-space indents and quotes
// every string a YAML 1.1 or 1.2 parser could read as something else: Kubernetes and Flux parse with
// YAML 1.1 rules, where a bare `on` or `no` is a boolean. Quoted strings use JSON escapes, which
// are valid YAML double-quoted scalars.

/** Keys in this order come first at the top level; every other key is sorted. */
export interface KeyOrder {
  readonly top: readonly string[];
  readonly metadata: readonly string[];
}

const PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_./@:,+=-]*$/;
const YAML_11_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
/**
 * Numbers of either YAML version: ints, floats, exponents, hex, octal, binary, underscores; and
 * bare exponents (`e5`), which some YAML 1.1 parsers read as floats.
 */
const NUMBER_LIKE =
  /^(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+|0[xob][0-9a-fA-F_]+)$/;
/** YAML 1.1 timestamps (`2024-01-31`) and sexagesimal numbers (`1:30`). */
const TIME_LIKE = /^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9][0-9_]*:)/;

/** True when `text` reads back as the same string without quotes. */
function isPlainSafe(text: string): boolean {
  if (!PLAIN.test(text) || text.endsWith(':') || text.includes('::')) return false;
  const first = text.charCodeAt(0);
  // Only what starts with a digit (or e/E, for bare exponents) can read as a number or a time,
  // and only words of up to five letters as booleans or null.
  if (first >= 48 && first <= 57) return !NUMBER_LIKE.test(text) && !TIME_LIKE.test(text);
  if ((first === 69 || first === 101) && NUMBER_LIKE.test(text)) return false;
  return text.length > 5 || !YAML_11_WORDS.test(text);
}

/**
 * Written form of strings seen recently. Label keys and values, names and quantities repeat in
 * every object of every tenant; the cache is emptied when it grows past its bound.
 */
const writtenStrings = new Map<string, string>();
const WRITTEN_STRINGS_BOUND = 10_000;

function stringScalar(text: string): string {
  let written = writtenStrings.get(text);
  if (written === undefined) {
    written = isPlainSafe(text) ? text : JSON.stringify(text);
    if (writtenStrings.size >= WRITTEN_STRINGS_BOUND) writtenStrings.clear();
    writtenStrings.set(text, written);
  }
  return written;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return stringScalar(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} to YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  throw new TypeError(`cannot write a ${typeof value} to YAML`);
}

type JsonMap = { readonly [key: string]: unknown };

function isMap(value: unknown): value is JsonMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isMap(value)) return '{}';
  return scalar(value);
}

function isNonEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return isMap(value) && Object.keys(value).length > 0;
}

function sortedKeys(map: JsonMap, leading: readonly string[]): string[] {
  const keys = Object.keys(map).filter((key) => map[key] !== undefined);
  if (leading.length === 0) return keys.sort();
  const first = leading.filter((key) => map[key] !== undefined);
  return [...first, ...keys.filter((key) => !leading.includes(key)).sort()];
}

class Writer {
  readonly lines: string[] = [];

  constructor(private readonly order: KeyOrder) {}

  node(value: unknown, prefix: string, indent: string): void {
    if (Array.isArray(value)) this.sequence(value, prefix, indent);
    else this.map(value as JsonMap, prefix, indent, []);
  }

  map(map: JsonMap, prefix: string, indent: string, leading: readonly string[]): void {
    let head = prefix;
    for (const key of sortedKeys(map, leading)) {
      const value = map[key];
      const line = `${head}${scalar(key)}:`;
      if (isNonEmptyCollection(value)) {
        this.lines.push(line);
        const childIndent = `${indent}  `;
        if (Array.isArray(value)) this.sequence(value, childIndent, childIndent);
        else
          this.map(
            value as JsonMap,
            childIndent,
            childIndent,
            leading === this.order.top && key === 'metadata' ? this.order.metadata : [],
          );
      } else {
        this.lines.push(`${line} ${inline(value)}`);
      }
      head = indent;
    }
  }

  sequence(items: readonly unknown[], prefix: string, indent: string): void {
    let head = prefix;
    for (const item of items) {
      if (isNonEmptyCollection(item)) this.node(item, `${head}- `, `${indent}  `);
      else this.lines.push(`${head}- ${inline(item)}`);
      head = indent;
    }
  }
}

/**
 * Writes a JSON-compatible object as a YAML document. Keys listed in `order.top` (and, under the
 * top-level `metadata`, in `order.metadata`) come first in that order; all other keys are sorted,
 * so the output never depends on how an object was built. Arrays keep their order.
 */
export function emitYaml(object: JsonMap, order: KeyOrder): string {
  const writer = new Writer(order);
  if (Object.keys(object).length === 0) return '{}\n';
  writer.map(object, '', '', order.top);
  return `${writer.lines.join('\n')}\n`;
}
