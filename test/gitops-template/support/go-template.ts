import { createHash } from 'node:crypto';

/*
 * The part of Go's text/template (with sprig) the Luster ApplicationSets use, so tests and the fleet
 * model render names as Argo CD would: `{{ if … }}…{{ else }}…{{ end }}`, field chains (`.path.path`),
 * string and integer literals, parentheses, and the functions index, len, le, trunc, printf (%s) and
 * sha256sum. Anything else throws, like missingkey=error.
 */
type Value = string | number | boolean | readonly string[] | Record<string, unknown>;

const functions: Record<string, (...args: Value[]) => Value> = {
  index: (list, i) => {
    const item = (list as readonly string[])[i as number];
    if (item === undefined) throw new Error(`index ${i} out of range`);
    return item;
  },
  len: (v) => (v as string | readonly string[]).length,
  le: (a, b) => (a as number) <= (b as number),
  trunc: (n, s) => (s as string).slice(0, n as number),
  printf: (format, ...args) => {
    let i = 0;
    return (format as string).replace(/%s/g, () => String(args[i++]));
  },
  sha256sum: (s) =>
    createHash('sha256')
      .update(s as string)
      .digest('hex'),
};

const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|-?\d+|[^\s()]+)/y;

function tokens(expression: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    const m = TOKEN.exec(expression);
    if (!m) {
      if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
      throw new Error(`cannot read {{${expression}}}`);
    }
    out.push(m[1] as string);
  }
  return out;
}

function evaluate(expression: string, data: Record<string, unknown>): Value {
  const list = tokens(expression);
  let at = 0;
  const operand = (): Value => {
    const token = list[at++];
    if (token === undefined) throw new Error(`unexpected end of {{${expression}}}`);
    if (token === '(') {
      const value = command(')');
      at++;
      return value;
    }
    if (token.startsWith('"')) return JSON.parse(token) as string;
    if (/^-?\d+$/.test(token)) return Number(token);
    if (token.startsWith('.')) {
      let value: unknown = data;
      for (const key of token.slice(1).split('.')) {
        if (value === null || typeof value !== 'object' || !(key in value))
          throw new Error(`map has no entry for key ${token}`);
        value = (value as Record<string, unknown>)[key];
      }
      return value as Value;
    }
    throw new Error(`unsupported operand ${token} in {{${expression}}}`);
  };
  const command = (end: string | undefined): Value => {
    const head = list[at];
    if (head !== undefined && head in functions) {
      at++;
      const args: Value[] = [];
      while (at < list.length && list[at] !== end) args.push(operand());
      return (functions[head] as (...a: Value[]) => Value)(...args);
    }
    const value = operand();
    if (at < list.length && list[at] !== end) throw new Error(`unsupported function in {{${expression}}}`);
    return value;
  };
  const value = command(undefined);
  if (at !== list.length) throw new Error(`trailing words in {{${expression}}}`);
  return value;
}

/** Renders `text` with `data` (Argo CD's generator parameters, e.g. `{ path: { path, segments } }`). */
export function renderGoTemplate(text: string, data: Record<string, unknown>): string {
  const parts = text.split(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/);
  let i = 0;
  // Renders until an `else` or `end` at this depth, which it returns.
  const block = (emit: boolean): { out: string; stop: string | undefined } => {
    let out = '';
    while (i < parts.length) {
      const literal = parts[i++] as string;
      if (emit) out += literal;
      if (i >= parts.length) break;
      const action = parts[i++] as string;
      if (action === 'else' || action === 'end') return { out, stop: action };
      if (action.startsWith('if ')) {
        const condition = emit ? Boolean(evaluate(action.slice(3), data)) : false;
        const then = block(emit && condition);
        let chosen = then.out;
        if (then.stop === 'else') {
          const otherwise = block(emit && !condition);
          if (!condition) chosen = otherwise.out;
          if (otherwise.stop !== 'end') throw new Error('{{ if }} without {{ end }}');
        } else if (then.stop !== 'end') throw new Error('{{ if }} without {{ end }}');
        if (emit) out += chosen;
        continue;
      }
      if (emit) out += String(evaluate(action, data));
    }
    return { out, stop: undefined };
  };
  const { out, stop } = block(true);
  if (stop !== undefined) throw new Error(`{{ ${stop} }} without {{ if }}`);
  return out;
}
