import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress-bar.js';

function drive(total: number, interactive: boolean): string {
  let written = '';
  const bar = new ProgressBar(total, { out: () => undefined, err: (t) => (written += t), interactive });
  for (let i = 0; i < total; i++) bar.tick();
  bar.finish();
  return written;
}

describe('ProgressBar', () => {
  it('prints one line per tenth when stderr is not a terminal', () => {
    const lines = drive(200, false).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^\[###\.{27}\] 20\/200 tenants 10% \d+\.\ds$/);
    expect(lines[9]).toMatch(/^\[#{30}\] 200\/200 tenants 100% /);
  });

  it('redraws one line on a terminal and ends it when done', () => {
    const written = drive(5, true);
    expect(written.startsWith('\r[')).toBe(true);
    expect(written).toMatch(/5\/5 tenants 100% [\d.]+s\n$/);
    expect(written.split('\n')).toHaveLength(2);
  });
});
