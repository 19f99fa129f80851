// Worker thread of `render-all`: renders its share of the spec files and reports each outcome.
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderOptions } from '../options/render-options.js';
import { renderSpecFile } from './render-spec-file.js';

export interface RenderWorkerData {
  readonly files: readonly string[];
  readonly out: string;
  readonly options: RenderOptions;
}

const { files, out, options } = workerData as RenderWorkerData;
for (const file of files) parentPort?.postMessage(renderSpecFile(file, out, options));
