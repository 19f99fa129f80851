/**
 * A tiny YAML tokenizer for reading rendered manifests: keys, strings,
 * numbers/booleans/null, comments, list dashes and document separators.
 * It never interprets the YAML, and views render the tokens as text (no
 * v-html), so a manifest can never inject markup.
 */

export type YamlTokenKind = 'key' | 'string' | 'number' | 'bool' | 'comment' | 'punct' | 'doc' | 'plain';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const KEY = /^(\s*(?:- )*)((?:"[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?))(:)(?=\s|$)/;

function scalarKind(value: string): YamlTokenKind {
  const v = value.trim();
  if (v === '') return 'plain';
  if (/^(['"]).*\1$/.test(v)) return 'string';
  if (/^(true|false|yes|no|on|off)$/i.test(v)) return 'bool';
  if (/^(null|~)$/.test(v)) return 'bool';
  if (/^[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/.test(v)) return 'number';
  if (/^[|>][-+]?\d*$/.test(v)) return 'punct';
  return 'string';
}

/** Splits `value  # comment` at a `#` that starts a comment (outside quotes, after a space). */
function splitComment(text: string): [string, string] {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) return [text.slice(0, i), text.slice(i)];
  }
  return [text, ''];
}

function pushValue(tokens: YamlToken[], text: string) {
  const [value, comment] = splitComment(text);
  const lead = value.match(/^\s*/)?.[0] ?? '';
  const trail = value.slice(lead.length).match(/\s*$/)?.[0] ?? '';
  const core = value.slice(lead.length, value.length - trail.length);
  if (lead) tokens.push({ kind: 'plain', text: lead });
  if (core) tokens.push({ kind: scalarKind(core), text: core });
  if (trail) tokens.push({ kind: 'plain', text: trail });
  if (comment) tokens.push({ kind: 'comment', text: comment });
}

export function highlightYamlLine(line: string): YamlToken[] {
  if (/^(---|\.\.\.)\s*$/.test(line)) return [{ kind: 'doc', text: line }];
  if (/^\s*#/.test(line)) return [{ kind: 'comment', text: line }];
  const tokens: YamlToken[] = [];
  const key = KEY.exec(line);
  if (key) {
    const [, indent = '', name = '', colon = ''] = key;
    const dash = indent.match(/^(\s*)((?:- )*)$/);
    if (dash?.[1]) tokens.push({ kind: 'plain', text: dash[1] });
    if (dash?.[2]) tokens.push({ kind: 'punct', text: dash[2] });
    tokens.push({ kind: 'key', text: name }, { kind: 'punct', text: colon });
    pushValue(tokens, line.slice(key[0].length));
    return tokens;
  }
  const item = /^(\s*)(- )(.*)$/.exec(line);
  if (item) {
    if (item[1]) tokens.push({ kind: 'plain', text: item[1] });
    tokens.push({ kind: 'punct', text: item[2] ?? '' });
    pushValue(tokens, item[3] ?? '');
    return tokens;
  }
  pushValue(tokens, line);
  return tokens;
}

const indentOf = (line: string) => line.match(/^ */)?.[0].length ?? 0;

/** Highlights a whole file; lines inside a `|` / `>` block scalar stay plain strings. */
export function highlightYaml(text: string): YamlToken[][] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  let blockIndent: number | null = null;
  return lines.map((line) => {
    if (blockIndent !== null) {
      if (line.trim() === '' || indentOf(line) > blockIndent) return [{ kind: 'string', text: line }];
      blockIndent = null;
    }
    const tokens = highlightYamlLine(line);
    const last = tokens.filter((t) => t.kind !== 'plain' && t.kind !== 'comment').at(-1);
    if (last?.kind === 'punct' && /^[|>]/.test(last.text)) blockIndent = indentOf(line);
    return tokens;
  });
}
