import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runtimePaths } from './runtime-paths.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** The Dockerfile as stages of instructions: continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of joined.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const keyword = (match[1] as string).toUpperCase();
    const args = (match[2] as string).trim();
    if (keyword === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ from: from as string, name, instructions: [] });
    } else stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}

const dockerfile = async () => parseDockerfile(await readFile(path.join(root, 'Dockerfile'), 'utf8'));
const runtimeStage = async () => (await dockerfile()).at(-1) as Stage;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/**
 * Docker cannot run here, so the Dockerfile is held to what can be read: its runtime stage installs
 * and copies exactly what the production-install test proves the server needs, and it matches
 * what the chart expects of the image (user, data directory, health endpoint).
 */
describe('the Dockerfile', () => {
  it('builds on Node 20 Debian slim in two stages', async () => {
    const stages = await dockerfile();
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const stage of stages) expect(stage.from).toBe('node:20-bookworm-slim');
    expect(all(stages[0] as Stage, 'RUN')).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
  });

  it('installs production dependencies only, from the manifests alone, before copying the builds', async () => {
    const stage = await runtimeStage();
    const install = stage.instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(runtimePaths.install).toMatch(/^npm ci --omit=dev\b/);
    expect(stage.instructions[install]?.args).toBe(`${runtimePaths.install} && npm cache clean --force`);
    const copied = (from: number, to: number) =>
      stage.instructions
        .slice(from, to)
        .filter((i) => i.keyword === 'COPY')
        .flatMap((i) => copySources(i.args));
    expect(copied(0, install).sort()).toEqual([...runtimePaths.manifests].sort());
    expect(copied(install, stage.instructions.length).sort()).toEqual([...runtimePaths.built].sort());
  });

  it('copies each runtime path to the same place under its working directory', async () => {
    const stage = await runtimeStage();
    expect(all(stage, 'WORKDIR')).toEqual(['/app']);
    for (const args of all(stage, 'COPY')) {
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const target = parts.pop() as string;
      for (const source of copySources(args)) {
        const landed = target.endsWith('/') ? path.posix.join(target, path.posix.basename(source)) : target;
        expect(path.posix.normalize(landed)).toBe(source);
      }
    }
  });

  it('runs as the chart’s numeric non-root user with its data directory on a volume', async () => {
    const stage = await runtimeStage();
    const deployment = await readFile(
      path.join(root, 'charts/luster/templates/control-plane-deployment.yaml'),
      'utf8',
    );
    const chartUser = /runAsUser: (\d+)/.exec(deployment)?.[1];
    const chartGroup = /runAsGroup: (\d+)/.exec(deployment)?.[1];
    expect(all(stage, 'USER')).toEqual([`${chartUser}:${chartGroup}`]);
    expect(Number(chartUser)).toBeGreaterThan(0);
    const env = all(stage, 'ENV').join(' ');
    const dataDir = /LUSTER_DATA_DIR=(\S+)/.exec(env)?.[1];
    expect(deployment).toContain(`{ name: LUSTER_DATA_DIR, value: ${dataDir} }`);
    expect(all(stage, 'VOLUME')).toEqual([JSON.stringify([dataDir])]);
    expect(env).toContain('NODE_ENV=production');
    expect(all(stage, 'CMD')).toEqual(['["node", "control-plane/dist/main.js"]']);
  });

  it('installs git, checks /healthz with node (no curl in the image) and carries the OCI labels', async () => {
    const stage = await runtimeStage();
    expect(all(stage, 'RUN').join('\n')).toMatch(/apt-get install -y --no-install-recommends git\b/);
    const [healthcheck] = all(stage, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    const labels = all(stage, 'LABEL').join(' ');
    for (const key of ['title', 'description', 'source', 'licenses', 'version', 'revision', 'created'])
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
  });

  it('has a .dockerignore that keeps host installs and builds out, and no runtime source', async () => {
    const ignored = (await readFile(path.join(root, '.dockerignore'), 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git']));
    for (const source of [
      'synth/generated',
      'gitops-repo-template',
      'control-plane/bin',
      'control-plane/src',
    ])
      expect(ignored.filter((pattern) => excludes(pattern, source))).toEqual([]);
  });

  it('is what the chart installs by default: the image the release workflow pushes, tagged appVersion', async () => {
    const values = parse(await readFile(path.join(root, 'charts/luster/values.yaml'), 'utf8'));
    const release = parse(await readFile(path.join(root, '.github/workflows/release.yml'), 'utf8'));
    expect(values.image).toMatchObject({ repository: release.env.IMAGE, tag: '' });
    const deployment = await readFile(
      path.join(root, 'charts/luster/templates/control-plane-deployment.yaml'),
      'utf8',
    );
    expect(deployment).toContain('{{ .Values.image.tag | default .Chart.AppVersion }}');
    const push = release.jobs.image.steps.find((s: { uses?: string }) =>
      s.uses?.startsWith('docker/build-push-action'),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, read as text
    expect(push.with.tags).toBe('${{ env.IMAGE }}:${{ steps.version.outputs.version }}');
  });
});

/** `COPY --from=build /src/a /src/b dest/` → ['a', 'b']: the repository paths it takes. */
function copySources(args: string): string[] {
  const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
  parts.pop();
  return parts.map((p) => path.posix.relative('/src', p));
}

/** Whether a .dockerignore pattern leaves `source` out: it matches the path or a folder above it. */
function excludes(pattern: string, source: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('**/')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('(?:.*/)?')}$`,
  );
  const segments = source.split('/');
  return segments.some((_, i) => regex.test(segments.slice(0, i + 1).join('/')));
}
