import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/**
 * A real control-plane process (`src/main.ts` through tsx, synth from source as in the tests):
 * what proves the advisory lock and crash repair across processes, not just across connections.
 */
export async function spawnControlPlane(env: Record<string, string>): Promise<ChildServer> {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the script in a grandchild,
  // which a SIGKILL of the CLI would leave running.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'control-plane/src/main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: path.join(here, 'child-tsconfig.json'),
        PORT: '0',
        S3_EMBEDDED_PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`control plane exited (${code}) before listening:\n${output}`)));
  });
  return { url, process: child, exited };
}
