import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const workflowsDir = path.join(root, '.github/workflows');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | boolean>;
  'working-directory'?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: { include: Record<string, string>[] } } }>;
}

const workflow = async (file: string) =>
  parse(await readFile(path.join(workflowsDir, file), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

/** Repository paths a step's script or inputs name (scripts, charts, the Dockerfile, .ci). */
function pathsNamed(step: Step): string[] {
  const text = [step.run ?? '', ...Object.values(step.with ?? {}).map(String)].join('\n');
  return [...text.matchAll(/(?:^|[\s"'=])((?:\.ci|scripts|charts|test|Dockerfile)[\w./-]*)/g)].map(
    (m) => m[1] as string,
  );
}

/** GitHub cannot be run here: the workflows are held to what a reading can check. */
describe('the GitHub workflows', () => {
  it('parse as YAML, each with triggers and jobs of steps, and name only files that exist', async () => {
    const files = (await readdir(workflowsDir)).filter((f) => f.endsWith('.yml'));
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'release.yml', 'e2e-cluster.yml']));
    for (const file of files) {
      const w = await workflow(file);
      expect(Object.keys(w.on), file).not.toEqual([]);
      for (const step of steps(w)) {
        expect(step.uses ?? step.run, `${file}: a step without uses or run`).toBeTruthy();
        for (const named of pathsNamed(step))
          expect(existsSync(path.join(root, named)), `${file}: ${named}`).toBe(true);
      }
    }
  });

  it('run CI from the checkout alone: no repository variables, no paths outside it', async () => {
    const text = await readFile(path.join(workflowsDir, 'ci.yml'), 'utf8');
    expect(text).not.toMatch(/\$\{\{\s*vars\./);
    expect(text).not.toMatch(/\.\.\//);
    const ci = await workflow('ci.yml');
    const checkout = steps(ci).find((s) => s.uses?.startsWith('actions/checkout'));
    const entry = steps(ci).find((s) => s.run === 'bash .ci/run');
    // The entry point runs in the checked-out repository, wherever the checkout put it.
    expect(entry?.['working-directory'] ?? '.').toBe(checkout?.with?.path ?? '.');
  });

  it('release on version tags: a multi-arch image with an SBOM, and the chart pushed to ghcr', async () => {
    const release = await workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const all = steps(release);
    const push = all.find((s) => s.uses?.startsWith('docker/build-push-action'));
    expect(push?.with).toMatchObject({ push: true, sbom: true, file: 'Dockerfile' });
    expect(String(push?.with?.platforms).split(',')).toEqual(['linux/amd64', 'linux/arm64']);
    expect(all.some((s) => s.uses?.startsWith('anchore/sbom-action'))).toBe(true);
    expect(release.env?.IMAGE).toBe('ghcr.io/luster/control-plane');
    const scripts = all.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('helm package charts/luster');
    expect(scripts).toMatch(/helm push .* "\$CHART_REPOSITORY"/);
    expect(release.env?.CHART_REPOSITORY).toMatch(/^oci:\/\/ghcr\.io\//);
  });

  it('tag the release with the chart’s version, and refuse a tag that differs', async () => {
    const chart = parse(await readFile(path.join(root, 'charts/luster/Chart.yaml'), 'utf8'));
    expect(chart.version).toBe(chart.appVersion);
    const script = path.join(root, 'scripts/release/chart-version.mjs');
    const { stdout } = await run(process.execPath, [script, `v${chart.appVersion}`]);
    expect(stdout.trim()).toBe(chart.appVersion);
    await expect(run(process.execPath, [script, 'v999.0.0'])).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [script])).rejects.toMatchObject({ code: 1 });
  }, 60_000);

  it('run the cluster end to end from the scripts, actions pinned by commit, nothing from outside', async () => {
    const text = await readFile(path.join(workflowsDir, 'e2e-cluster.yml'), 'utf8');
    expect(text).not.toMatch(/\$\{\{\s*vars\./);
    expect(text).not.toMatch(/\.\.\//);
    const e2e = await workflow('e2e-cluster.yml');
    const all = steps(e2e);
    // A tag can be moved to other code; a commit cannot. The comment keeps the version readable.
    const uses = text.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBe(all.filter((s) => s.uses).length);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d/);
    const order = [
      'start-control-plane.mjs',
      'register.mjs',
      'bootstrap.mjs',
      'apply-bootstrap.sh',
      'wait-tenant.sh',
      'wait-sync.mjs',
    ].map((script) => all.findIndex((s) => s.run?.includes(`scripts/cluster-e2e/${script}`)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The control plane is stopped whatever happened before.
    expect(all.find((s) => s.run?.includes('stop-control-plane.mjs'))?.if).toBe('always()');
    const jobs = Object.values(e2e.jobs);
    expect(jobs.flatMap((j) => j.strategy?.matrix.include.map((m) => m.signed) ?? []).sort()).toEqual([
      '0',
      '1',
    ]);
  });

  it("parse the cluster steps' shell scripts (bash -n: they only run where a cluster is)", async () => {
    const dir = path.join(root, 'scripts/cluster-e2e');
    const scripts = (await readdir(dir)).filter((f) => f.endsWith('.sh'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) await run('bash', ['-n', path.join(dir, script)]);
  });

  it('keep npm packages, actions and the base image up to date with Dependabot', async () => {
    const config = parse(await readFile(path.join(root, '.github/dependabot.yml'), 'utf8'));
    expect(config.version).toBe(2);
    const ecosystems = config.updates.map((u: { 'package-ecosystem': string }) => u['package-ecosystem']);
    expect(ecosystems.sort()).toEqual(['docker', 'github-actions', 'npm']);
    const directories = (u: { directory?: string; directories?: string[] }) => u.directories ?? [u.directory];
    for (const update of config.updates) {
      for (const dir of directories(update)) expect(existsSync(path.join(root, `${dir}`))).toBe(true);
      expect(update.schedule.interval).toBeTruthy();
    }
    // Every Dockerfile's base image, not only the control plane's.
    const { stdout } = await run('git', ['ls-files', '--', 'Dockerfile', '**/Dockerfile'], { cwd: root });
    const docker = config.updates.find(
      (u: { 'package-ecosystem': string }) => u['package-ecosystem'] === 'docker',
    );
    const dockerfileDirs = stdout
      .trim()
      .split('\n')
      .map((file) => `/${path.dirname(file)}`.replace(/\/\.$/, '/'));
    expect(directories(docker).sort()).toEqual(dockerfileDirs.sort());
  });
});
