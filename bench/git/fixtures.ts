// Builds benchmark repositories quickly with `git fast-import` (one commit holding N tenants), so
// the measured part is only the commits on top of them.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { tenantDir } from '@luster/synth';

export const CLUSTER = 'prod';
export const FILES_PER_TENANT = 6;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same repos. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Slugs shaped like company names: letters, a dash, a unique suffix. */
export function makeSlugs(count: number, seed = 1): string[] {
  const random = prng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const slugs: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    const length = 4 + Math.floor(random() * 8);
    for (let j = 0; j < length; j++) word += letters[Math.floor(random() * 26)];
    slugs.push(`${word}-${i.toString(36)}`);
  }
  return slugs;
}

/** flat: `<cluster>/<slug>`; sharded: by the slug's first two characters; hashed: by two hex characters of its sha256. */
export type Layout = 'flat' | 'sharded' | 'hashed';

/** The tenant's folder: synth's own `tenantDir` for both shard schemes, so fixtures sit where the control plane writes. */
export function tenantDirOf(layout: Layout, slug: string): string {
  if (layout === 'flat') return `tenants/${CLUSTER}/${slug}`;
  return tenantDir(CLUSTER, slug, layout === 'sharded' ? 'prefix' : 'hash');
}

/** What synth renders for a tenant, roughly: a handful of YAML files of a few hundred bytes. */
export function tenantFiles(slug: string, revision = 0): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  const kinds = ['namespace', 'quota', 'network-policy', 'database', 'deployment', 'ingress'];
  for (const kind of kinds.slice(0, FILES_PER_TENANT)) {
    const lines = [
      `apiVersion: v1`,
      `kind: ${kind}`,
      `metadata:`,
      `  name: ${slug}`,
      `  namespace: tenant-${slug}`,
    ];
    lines.push(`  labels:`, `    luster.io/tenant: ${slug}`, `    luster.io/tier: pro`, `spec:`);
    for (let i = 0; i < 12; i++) lines.push(`  field${i}: value-${kind}-${i}-${slug}`);
    lines.push(`  revision: "${revision}"`);
    files.push({ path: `${kind}.yaml`, content: `${lines.join('\n')}\n` });
  }
  return files;
}

const seedFiles: Record<string, string> = {
  'clusters/prod/flux-system/gotk-sync.yaml': 'kind: GitRepository\n',
  'clusters/prod/tenants.yaml': 'kind: Kustomization\n',
  'infrastructure/controllers/ingress.yaml': 'kind: HelmRelease\n',
  'tenants/prod/README.md': 'Tenant folders are written by the control plane only.\n',
};

interface RunOptions {
  cwd?: string;
  input?: (stdin: Writable) => Promise<void>;
  /** Added to the process's environment. */
  env?: Record<string, string>;
}

/*
 * glibc's malloc gives memory back to the kernel whenever the top of the heap has more than
 * M_TRIM_THRESHOLD free, and the threshold it adapts to is below what `git fast-import` allocates
 * and frees per object: strace shows ~5 `brk` calls per blob, 99 % of the import's system time. A
 * 10,000-tenant fixture took 36 s of CPU with them and 1 s without. A high threshold only keeps the
 * freed pages mapped; the repository written is byte for byte the same.
 */
const NO_HEAP_TRIM = { MALLOC_TRIM_THRESHOLD_: String(2 ** 30) };

/** The git CLI, asynchronously; resolves with stdout. */
export function git(args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : undefined,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`git ${args.join(' ')}: ${stderr}`)),
    );
    if (options.input) options.input(child.stdin).then(() => child.stdin.end(), reject);
    else child.stdin.end();
  });
}

/** A writer for a child's stdin that waits for `drain` when the pipe is full. */
function writerOf(stdin: Writable) {
  return (text: string) =>
    stdin.write(text) ? Promise.resolve() : new Promise<void>((r) => stdin.once('drain', () => r()));
}

/** Git's id of a blob holding `content`. */
function blobId(content: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex');
}

/**
 * Imports every tenant file's blob, and nothing else, into a pack under `<dir>/objects/pack`; returns
 * that folder. The layouts of one fleet differ only in their trees, so each layout's fixture links
 * this pack instead of compressing the same 6 × N files again (at 100,000 tenants that compression
 * is most of a fixture's cost).
 */
export async function importBlobs(dir: string, slugs: readonly string[]): Promise<string> {
  await git(['init', '-q', '--bare', dir]);
  await git(['--git-dir', dir, 'fast-import', '--quiet'], {
    env: NO_HEAP_TRIM,
    input: async (stdin) => {
      const write = writerOf(stdin);
      for (const slug of slugs) {
        for (const file of tenantFiles(slug))
          await write(`blob\ndata ${Buffer.byteLength(file.content)}\n${file.content}\n`);
      }
    },
  });
  return join(dir, 'objects', 'pack');
}

/** A bare repo at `<dir>/gitops.git` with the seed files and `tenants` tenants in one commit. */
export async function createFixtureRepo(input: {
  dir: string;
  tenants: number;
  layout: Layout;
  seed?: number;
  /** The tenants' slugs (default: makeSlugs(tenants, seed)). */
  slugs?: string[];
  /** A pack folder from `importBlobs` of the same slugs: linked, and the import writes only trees. */
  blobs?: string;
}): Promise<{ gitdir: string; slugs: string[] }> {
  const { dir, tenants, layout, seed = 1, blobs } = input;
  await mkdir(dir, { recursive: true });
  const gitdir = join(dir, 'gitops.git');
  await git(['init', '-q', '--bare', '-b', 'main', gitdir]);
  if (blobs) {
    for (const name of await readdir(blobs))
      await link(join(blobs, name), join(gitdir, 'objects', 'pack', name));
  }
  const slugs = input.slugs ?? makeSlugs(tenants, seed);
  await git(['--git-dir', gitdir, 'fast-import', '--quiet'], {
    env: NO_HEAP_TRIM,
    input: async (stdin) => {
      const write = writerOf(stdin);
      const msg = `Seed ${tenants} tenants\n`;
      await write(`commit refs/heads/main\ncommitter Seed <seed@example.com> 1700000000 +0000\n`);
      await write(`data ${Buffer.byteLength(msg)}\n${msg}`);
      const inline = async (path: string, content: string) => {
        await write(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
      };
      for (const [path, content] of Object.entries(seedFiles)) await inline(path, content);
      for (const slug of slugs) {
        for (const file of tenantFiles(slug)) {
          const path = `${tenantDirOf(layout, slug)}/${file.path}`;
          if (blobs) await write(`M 100644 ${blobId(file.content)} ${path}\n`);
          else await inline(path, file.content);
        }
      }
      await write('\n');
    },
  });
  return { gitdir, slugs };
}
