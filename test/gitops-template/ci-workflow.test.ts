import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run as runSynthCli } from '../../synth/src/cli/run.js';
import { requireTool } from '../support/require-tool.js';
import { writeFluxGeneratedKustomization } from './support/flux-generator.js';
import { kustomize, run } from './support/kustomize.js';
import { objectId, parseObjects } from './support/objects.js';
import { templateDir } from './support/paths.js';
import { acme, addFixtureTenant, copyTemplate } from './support/template-copy.js';

const script = '.github/scripts/kustomize-build-all.sh';
/** The workflow's validate command: `luster-synth validate [options…] <every rendered file>`. */
const validateLine = /synth\/dist\/cli\/main\.js validate ((?:--\S+ \S+ )*)"\$\{files\[@\]\}"/;

type Cleanup = (fn: () => Promise<void>) => void;

/** Runs the build script in `repo` the way the workflow does; returns its exit code, output and out dir. */
async function buildAll(repo: string, cleanup: Cleanup) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'luster-rendered-'));
  cleanup(() => rm(out, { recursive: true, force: true }));
  // The script calls `kubectl` from PATH, as on a CI runner.
  const PATH = `${path.dirname(requireTool('kubectl'))}${path.delimiter}${process.env.PATH ?? ''}`;
  const result = await run('bash', [script, out], { cwd: repo, env: { ...process.env, PATH } });
  return { ...result, out };
}

async function repoWithTenant(cleanup: Cleanup) {
  const copy = await copyTemplate();
  cleanup(copy.remove);
  await addFixtureTenant(copy.dir);
  return copy.dir;
}

describe('.github/workflows/validate.yaml', () => {
  let workflow: {
    on: Record<string, unknown>;
    permissions: unknown;
    jobs: Record<string, { steps: { run?: string }[] }>;
  };
  beforeAll(async () => {
    workflow = parse(await readFile(path.join(templateDir, '.github/workflows/validate.yaml'), 'utf8'));
  });

  it('runs on every pull request with read-only access', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds every entry point, then validates every rendered object with luster-synth', () => {
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    const build = runs.findIndex((r) => r.includes(`bash ${script} "$RUNNER_TEMP/rendered"`));
    const validate = runs.findIndex((r) => validateLine.test(r));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(validate).toBeGreaterThan(build);
  });
});

// Each case runs the script, which starts a kubectl per entry point (~6 s alone). They run one after
// another: run concurrently on a shared CI machine, one case took ~18 s and some passed the 30 s default.
// The timeout still allows for a machine that npm test keeps busy with the other test files.
describe('the build script the workflow runs', { timeout: 120_000 }, () => {
  it('builds every entry point of a repository with a tenant, one readable line each', async ({
    onTestFinished,
  }) => {
    const repo = await repoWithTenant(onTestFinished);
    const { code, stdout, out } = await buildAll(repo, onTestFinished);
    expect(code, stdout).toBe(0);
    const lines = stdout.trim().split('\n').sort();
    expect(lines).toEqual(
      [
        'argocd/production',
        'clusters/production',
        'clusters/production/flux-system',
        'infrastructure/configs',
        'infrastructure/controllers',
        'tenants/production',
        acme.folder,
        `${acme.folder}/app`,
        `${acme.folder}/platform`,
      ]
        .map((dir) => `ok      ${dir}`)
        .sort(),
    );
    // Its generator agrees with the emulation the other tests use.
    const rendered = parseObjects(await readFile(path.join(out, 'tenants__production.yaml'), 'utf8'));
    await writeFluxGeneratedKustomization(path.join(repo, 'tenants/production'));
    const emulated = await kustomize(path.join(repo, 'tenants/production'));
    expect(rendered.map(objectId).sort()).toEqual(emulated.map(objectId).sort());
    expect(rendered.map(objectId)).toContain('Kustomization/flux-system/tenant-acme');
    expect(rendered.map(objectId)).not.toContain('Namespace/tenant-acme');
    expect(rendered.some((o) => o.kind === 'Deployment')).toBe(false);
  });

  it('builds the template as seeded (no tenant, no bootstrap yet)', async ({ onTestFinished }) => {
    const { code, stdout } = await buildAll(templateDir, onTestFinished);
    expect(code, stdout).toBe(0);
    expect(stdout).not.toContain('FAILED');
  });

  it("passes the workflow's luster-synth validate step on the template as seeded", async ({
    onTestFinished,
  }) => {
    const workflowText = await readFile(path.join(templateDir, '.github/workflows/validate.yaml'), 'utf8');
    const options = workflowText.match(validateLine)?.[1]?.trim().split(/\s+/) ?? [];
    const { code, out } = await buildAll(templateDir, onTestFinished);
    expect(code).toBe(0);
    const files = (await readdir(out)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(out, f));
    let printed = '';
    const exit = await runSynthCli(['validate', ...options, ...files], {
      out: (t) => {
        printed += t;
      },
      err: (t) => {
        printed += t;
      },
      interactive: false,
    });
    expect(exit, printed).toBe(0);
    expect(printed).toMatch(/ 0 problems\n$/);
  });

  it("fails naming the broken tenant folder and kubectl's reason, and still builds the rest", async ({
    onTestFinished,
  }) => {
    const repo = await repoWithTenant(onTestFinished);
    await writeFile(
      path.join(repo, acme.folder, 'app/kustomization.yaml'),
      'resources:\n  - deployment.yaml\n  - missing.yaml\n',
    );
    const { code, stdout } = await buildAll(repo, onTestFinished);
    expect(code).toBe(1);
    expect(stdout).toContain(`FAILED  ${acme.folder}/app`);
    expect(stdout).toMatch(/missing\.yaml/);
    expect(stdout).toContain(`ok      ${acme.folder}\n`);
    expect(stdout).toContain('ok      infrastructure/configs');
  });

  it('fails when two tenant folders declare the same object', async ({ onTestFinished }) => {
    const repo = await repoWithTenant(onTestFinished);
    await cp(path.join(repo, acme.folder), path.join(repo, 'tenants/production/ac/acme-copy'), {
      recursive: true,
    });
    const { code, stdout } = await buildAll(repo, onTestFinished);
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED  tenants/production\n');
    expect(stdout).toMatch(/(platform|tenant)-acme/);
  });
});
