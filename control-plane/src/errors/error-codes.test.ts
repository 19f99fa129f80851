import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apolloErrorCodes, errorCodes, isErrorCode } from '@luster/contract';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every non-test source file of the control plane, as text. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

describe('the closed list of error codes', () => {
  it('has no code twice', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  it('lists only codes the server can answer with: each is written in the source or comes from Apollo', () => {
    const text = sources(srcDir).join('\n');
    const unused = errorCodes.filter(
      (code) => !(apolloErrorCodes as readonly string[]).includes(code) && !text.includes(`'${code}'`),
    );
    expect(unused).toEqual([]);
  });

  it('recognises a code from the wire only when it is in the list', () => {
    expect(isErrorCode('drift')).toBe(true);
    expect(isErrorCode('Drift')).toBe(false);
    expect(isErrorCode('made_up_code')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
