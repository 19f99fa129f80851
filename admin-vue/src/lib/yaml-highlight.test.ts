import { describe, expect, it } from 'vitest';
import { highlightYaml, highlightYamlLine } from './yaml-highlight';

const kinds = (line: string) => highlightYamlLine(line).map((t) => [t.kind, t.text]);

describe('the YAML highlighter', () => {
  it('marks keys, punctuation and scalar kinds', () => {
    expect(kinds('  replicas: 2')).toEqual([
      ['plain', '  '],
      ['key', 'replicas'],
      ['punct', ':'],
      ['plain', ' '],
      ['number', '2'],
    ]);
    expect(kinds('enabled: true')).toContainEqual(['bool', 'true']);
    expect(kinds("image: 'ghcr.io/luster/theme:1.5.0'")).toContainEqual([
      'string',
      "'ghcr.io/luster/theme:1.5.0'",
    ]);
  });

  it('splits a trailing comment but not a # inside quotes', () => {
    expect(kinds('a: b # why')).toContainEqual(['comment', '# why']);
    expect(kinds('a: "b # not a comment"')).not.toContainEqual(expect.arrayContaining(['comment']));
  });

  it('marks list items and document separators', () => {
    expect(kinds('- name: web')[0]).toEqual(['punct', '- ']);
    expect(kinds('---')).toEqual([['doc', '---']]);
  });

  it('keeps block scalars as plain strings, even when a line looks like a key', () => {
    const lines = highlightYaml('script: |\n  echo: hi\n  done\nnext: 1\n');
    expect(lines[1]).toEqual([{ kind: 'string', text: '  echo: hi' }]);
    expect(lines[3]?.[0]).toEqual({ kind: 'key', text: 'next' });
  });

  it('loses no character of the input', () => {
    const text = 'apiVersion: v1\nkind: Namespace # ns\nmetadata:\n  labels:\n    - "a: b"\n';
    const joined = highlightYaml(text)
      .map((tokens) => tokens.map((t) => t.text).join(''))
      .join('\n');
    expect(`${joined}\n`).toBe(text);
  });
});
