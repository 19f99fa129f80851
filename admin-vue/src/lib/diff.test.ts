import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './diff';

const patch = `Index: tenants/production/acme/deployment.yaml
===================================================================
--- tenants/production/acme/deployment.yaml
+++ tenants/production/acme/deployment.yaml
@@ -3,4 +3,4 @@
 metadata:
   name: theme
-  replicas: 1
+  replicas: 2
 spec:
\\ No newline at end of file
`;

describe('parseUnifiedDiff', () => {
  it('keeps hunks, added, removed and context lines with their line numbers, and drops file headers', () => {
    const { lines, added, removed } = parseUnifiedDiff(patch);
    expect(added).toBe(1);
    expect(removed).toBe(1);
    expect(lines.map((l) => [l.kind, l.text, l.oldNo, l.newNo])).toEqual([
      ['hunk', '@@ -3,4 +3,4 @@', null, null],
      ['ctx', 'metadata:', 3, 3],
      ['ctx', '  name: theme', 4, 4],
      ['del', '  replicas: 1', 5, null],
      ['add', '  replicas: 2', null, 5],
      ['ctx', 'spec:', 6, 6],
      ['note', '\\ No newline at end of file', null, null],
    ]);
  });

  it('counts a new file as all additions', () => {
    const { added, removed, lines } = parseUnifiedDiff(
      '--- /dev/null\n+++ b/a.yaml\n@@ -0,0 +1,2 @@\n+a: 1\n+b: 2\n',
    );
    expect([added, removed]).toEqual([2, 0]);
    expect(lines.filter((l) => l.kind === 'add').map((l) => l.newNo)).toEqual([1, 2]);
  });

  it('does not mistake a removed YAML document separator for a file header', () => {
    const { removed, lines } = parseUnifiedDiff('@@ -1,2 +1,1 @@\n----\n a: 1\n');
    expect(removed).toBe(1);
    expect(lines[1]).toMatchObject({ kind: 'del', text: '---' });
  });
});
