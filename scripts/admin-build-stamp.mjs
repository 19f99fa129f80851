// Whether admin-vue/dist was built from the admin's inputs as they are now: `npm start` skips the
// admin's Vite build when it was, and the end-to-end tests serve that build instead of making their
// own. Every Vite build into admin-vue/dist (`npm run build`, `npm start`) records the hash of the
// inputs it read (stampAdminBuild, a plugin in admin-vue/vite.config.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const adminDistDir = path.join(root, 'admin-vue/dist');
// Kept in node_modules/.cache, so a fresh `npm ci` builds the admin again.
const stampFile = path.join(root, 'node_modules/.cache/luster/admin-build.sha256');

/** What the admin's build reads besides node_modules: its sources, config, and the contract's build. */
const ADMIN_INPUTS = [
  'admin-vue/src',
  'admin-vue/public',
  'admin-vue/index.html',
  'admin-vue/vite.config.ts',
  'admin-vue/package.json',
  'contract/dist',
  'package-lock.json',
];

/** A file itself, or every file under a folder, as paths relative to the repository. */
function filesUnder(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.tsbuildinfo'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** sha256 over the admin's input files, names and contents, in a stable order. */
function adminInputsHash() {
  const hash = createHash('sha256');
  const files = ADMIN_INPUTS.flatMap((input) => filesUnder(input)).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

export function adminDistIsFresh() {
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  return built === adminInputsHash() && existsSync(path.join(adminDistDir, 'index.html'));
}

/**
 * A Vite plugin recording, after a build into admin-vue/dist, the hash of the inputs as they were when
 * the build started (a file edited during the build leaves the stamp stale, so the next check
 * rebuilds). The stamp goes first: a build that fails half-way leaves none.
 */
export function stampAdminBuild() {
  let intoDist = false;
  let hash = '';
  return {
    name: 'luster-admin-build-stamp',
    apply: 'build',
    configResolved(config) {
      intoDist = path.resolve(config.root, config.build.outDir) === adminDistDir;
    },
    buildStart() {
      if (!intoDist) return;
      rmSync(stampFile, { force: true });
      hash = adminInputsHash();
    },
    closeBundle() {
      if (!intoDist) return;
      mkdirSync(path.dirname(stampFile), { recursive: true });
      writeFileSync(stampFile, `${hash}\n`);
    },
  };
}
