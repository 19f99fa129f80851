import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTree } from './support/files.js';
import { parseObjects } from './support/objects.js';
import { templateDir } from './support/paths.js';

let files: string[];
let folders: string[];
const text = new Map<string, string>();
let readme: string;

beforeAll(async () => {
  ({ files, folders } = await listTree(templateDir));
  await Promise.all(files.map(async (f) => text.set(f, await readFile(path.join(templateDir, f), 'utf8'))));
  readme = text.get('README.md') ?? '';
});

const yamlFiles = () => files.filter((f) => /\.ya?ml$/.test(f));

describe('the template as the control plane commits it', () => {
  it('parses: every YAML file is well-formed', () => {
    for (const file of yamlFiles())
      expect(() => parseObjects(text.get(file) ?? '', file), file).not.toThrow();
  });

  it('holds no Secret object: secrets are created in the cluster or committed SOPS-encrypted', () => {
    for (const file of yamlFiles()) {
      const kinds = parseObjects(text.get(file) ?? '', file).map((o) => o.kind);
      expect(kinds, file).not.toContain('Secret');
    }
  });

  // The same pattern the repository's before-stop check uses for gitops-repo-template/.
  it('holds no literal secret value', () => {
    const literal = /(password|secret|token|apiKey)\s*[:=]\s*["']?[A-Za-z0-9+/_-]{12,}/i;
    const allowed = /secretRef|secretName|valueFrom|example|changeme|REPLACE/i;
    const hits = files.flatMap((file) =>
      (text.get(file) ?? '')
        .split('\n')
        .filter((line) => literal.test(line) && !allowed.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('documents how to create every Secret the manifests reference', () => {
    const referenced = new Set<string>();
    for (const file of yamlFiles()) {
      for (const m of (text.get(file) ?? '').matchAll(/secretRef:\s*\n\s*name:\s*(\S+)/g))
        referenced.add(m[1] ?? '');
    }
    expect([...referenced].sort()).toEqual(['luster-flux-receiver', 'luster-flux-webhook']);
    for (const name of referenced) expect(readme).toMatch(new RegExp(`create secret generic ${name}\\b`));
    expect(readme).toContain('luster-argocd-webhook-token');
  });

  it("documents the read token of the control plane's /git for Flux and Argo CD, without a value", () => {
    expect(readme).toContain('--secret-ref=luster-gitops-read');
    expect(readme).toMatch(
      /create secret git luster-gitops-read[^`]*--username=\S+ --password="\$GITOPS_READ_TOKEN"/,
    );
    expect(readme).toMatch(
      /name: luster-gitops-read\s+namespace: flux-system\s+stringData:\s+username: \S+.*\s+password: <GITOPS_READ_TOKEN>/,
    );
    expect(readme).toMatch(
      /create secret generic luster-gitops-repo[^`]*--from-literal=password="\$GITOPS_READ_TOKEN"/,
    );
    expect(readme).toContain('argocd.argoproj.io/secret-type=repository');
  });

  it('has no empty folder (the control plane seeds git trees, which cannot hold one)', () => {
    for (const folder of folders)
      expect(
        files.some((f) => f.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
  });

  it('shows its whole tree in the README', () => {
    const tree = /```\n(\.\n[\s\S]*?)```/.exec(readme)?.[1] ?? '';
    // The 256 shard files (00.yaml … ff.yaml) are one line of the tree, as their folder.
    const shardFile = /^clusters\/[^/]+\/tenant-shards\/[0-9a-f]{2}\.yaml$/;
    expect(tree).toContain('tenant-shards/');
    expect(tree).toContain('00.yaml … ff.yaml');
    for (const file of files.filter((f) => !shardFile.test(f))) {
      expect(tree, `README tree lacks ${file}`).toContain(path.posix.basename(file));
    }
  });

  it('names the settings the control plane needs in the README', () => {
    for (const setting of [
      '/git/gitops.git',
      'FLUX_WEBHOOK_TOKEN',
      'ARGOCD_WEBHOOK_TOKEN',
      '/hooks/flux',
      '/hooks/argocd',
      'webhookPath',
      'X-Luster-Token',
    ]) {
      expect(readme).toContain(setting);
    }
  });
});
