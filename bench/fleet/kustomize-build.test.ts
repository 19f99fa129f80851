import { describe, expect, it } from 'vitest';
import { ArtifactView, copyRule } from './artifact-view.js';
import { BuildCache, buildFiles, builds, normalize, summarize } from './kustomize-build.js';
import { MapTree } from './tree.js';

const object = (kind: string, name: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;

const tree = new MapTree(
  new Map([
    ['top/a.yaml', object('ConfigMap', 'a')],
    ['top/notes.md', 'not yaml'],
    ['top/plain/b.yaml', `${object('ConfigMap', 'b')}---\n${object('ConfigMap', 'c')}`],
    ['top/unit/kustomization.yaml', 'resources:\n  - listed.yaml\n'],
    ['top/unit/listed.yaml', object('ConfigMap', 'listed')],
    ['top/unit/unlisted.yaml', object('ConfigMap', 'unlisted')],
  ]),
);

describe('kustomize builds as Flux and Argo CD run them', () => {
  it('Flux generates a kustomization: every YAML file, a folder with its own kustomization.yaml as listed', () => {
    expect(buildFiles(tree, './top', 'flux')).toEqual([
      'top/a.yaml',
      'top/plain/b.yaml',
      'top/unit/listed.yaml',
    ]);
    expect(summarize(tree, 'top', 'flux').objects).toBe(4);
    expect(builds(tree, 'top', 'top/unit/unlisted.yaml', 'flux')).toBe(false);
    expect(builds(tree, 'top', 'top/plain/b.yaml', 'flux')).toBe(true);
  });

  it('Argo CD reads a folder without kustomization.yaml as a directory: its own files only', () => {
    expect(buildFiles(tree, 'top', 'argocd')).toEqual(['top/a.yaml']);
  });

  it('keeps folder builds between commits until a file below them changes', () => {
    const cache = new BuildCache();
    summarize(tree, 'top', 'flux', cache);
    expect(cache.get('flux:top/plain')?.objects).toBe(2);
    cache.invalidate(['top/plain/b.yaml']);
    expect(cache.get('flux:top/plain')).toBeUndefined();
    expect(cache.get('flux:top')).toBeUndefined();
    expect(cache.get('flux:top/unit')?.objects).toBe(1);
  });

  it('normalizes paths the way kustomize resolves them', () => {
    expect(normalize('./a/./b/../c/')).toBe('a/c');
  });
});

describe('ExternalArtifact content and revision', () => {
  it("copies below the glob's fixed prefix, and its revision follows the content only", () => {
    const view = new ArtifactView(tree, [copyRule('@repo/top/plain/**', '@artifact/')]);
    expect([...view.files().keys()]).toEqual(['b.yaml']);
    const same = new ArtifactView(
      new MapTree(
        new Map([
          ['top/plain/b.yaml', tree.read('top/plain/b.yaml') as string],
          ['elsewhere.yaml', 'x'],
        ]),
      ),
      view.rules,
    );
    expect(same.revision().revision).toBe(view.revision().revision);
    expect(view.revision().revision).toMatch(/^latest@sha256:[0-9a-f]{64}$/);
    const changed = new ArtifactView(
      new MapTree(new Map([['top/plain/b.yaml', object('ConfigMap', 'd')]])),
      view.rules,
    );
    expect(changed.revision().revision).not.toBe(view.revision().revision);
  });
});
