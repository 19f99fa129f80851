import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { RenderOptions } from '../options/render-options.js';
import { type CliIo, UsageError } from './cli-io.js';
import { EXIT_INVALID_MANIFESTS, EXIT_INVALID_SPEC, EXIT_OK } from './exit-codes.js';
import { loadOptions } from './load-options.js';
import { ProgressBar } from './progress-bar.js';
import { renderSpecFile, type SpecFileOutcome } from './render-spec-file.js';
import type { RenderWorkerData } from './render-worker.js';

export const RENDER_ALL_USAGE =
  'luster-synth render-all --specs <dir> --out <gitops repo dir> [--options <file>] [--jobs <n>]';

// The worker sits next to this module with the same extension: .ts run from source (tsx, tests),
// .js built by tsc, .mjs in the CLI bundle.
const WORKER = new URL(`./render-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function specFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.(json|ya?ml)$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    throw new UsageError(`cannot read --specs ${dir}: ${(error as Error).message}`);
  }
}

function inWorkers(
  files: readonly string[],
  jobs: number,
  data: Omit<RenderWorkerData, 'files'>,
  onOutcome: (outcome: SpecFileOutcome) => void,
): Promise<void> {
  const shares = Array.from({ length: jobs }, (_, job) => files.filter((_, index) => index % jobs === job));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER, {
            workerData: { ...data, files: share } satisfies RenderWorkerData,
          });
          worker.on('message', onOutcome);
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`render worker exited with ${code}`)),
          );
        }),
    ),
  ).then(() => undefined);
}

/** `render-all`: every spec in a folder, on every core, with a progress bar. */
export async function renderAllCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      specs: { type: 'string' },
      out: { type: 'string' },
      options: { type: 'string' },
      jobs: { type: 'string' },
    },
    strict: true,
  });
  if (!values.specs || !values.out) throw new UsageError('render-all needs --specs and --out');
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs (${values.jobs}) must be a positive integer`);
  const options: RenderOptions = loadOptions(values.options);
  const files = specFiles(values.specs);

  const progress = new ProgressBar(files.length, io);
  const outcomes: SpecFileOutcome[] = [];
  const collect = (outcome: SpecFileOutcome) => {
    outcomes.push(outcome);
    progress.tick();
  };
  const workers = Math.min(jobs, files.length);
  if (workers <= 1) {
    for (const file of files) collect(renderSpecFile(file, values.out, options));
  } else {
    await inWorkers(files, workers, { out: values.out, options }, collect);
  }
  progress.finish();

  outcomes.sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const outcome of outcomes.filter((o) => o.status !== 'rendered')) {
    io.err(
      `${outcome.file}: ${outcome.status === 'invalid-spec' ? 'invalid spec' : 'invalid objects'}\n${outcome.problems}`,
    );
  }
  const count = (status: SpecFileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const changes = outcomes.reduce((sum, o) => sum + o.changes, 0);
  io.out(
    `${count('rendered')} tenants rendered (${changes} files changed), ${count('invalid-spec')} invalid specs, ` +
      `${count('invalid-manifests')} with invalid objects\n`,
  );
  if (count('invalid-spec') > 0) return EXIT_INVALID_SPEC;
  return count('invalid-manifests') > 0 ? EXIT_INVALID_MANIFESTS : EXIT_OK;
}
