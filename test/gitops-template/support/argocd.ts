import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { renderGoTemplate } from './go-template.js';

/**
 * Argo CD's git directory generator, for the patterns used here: every directory of the repo
 * whose path matches the pattern segment by segment (`*` = one whole segment, as Go's path.Match).
 */
export async function argoDirectories(repo: string, pattern: string): Promise<string[]> {
  const segments = pattern.split('/');
  const matches: string[] = [];
  async function walk(relative: string[], depth: number): Promise<void> {
    if (depth === segments.length) {
      matches.push(relative.join('/'));
      return;
    }
    const entries = await readdir(path.join(repo, ...relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const segment = segments[depth];
      if (segment === '*' || segment === entry.name) await walk([...relative, entry.name], depth + 1);
    }
  }
  await walk([], 0);
  return matches;
}

/** The parameters the git directory generator gives a goTemplate for one directory. */
export function directoryParams(dir: string) {
  return { path: dir, basename: path.posix.basename(dir), segments: dir.split('/') };
}

/**
 * Renders every string of an ApplicationSet template as Argo CD's goTemplate would for one
 * directory (support/go-template.ts); an expression it does not know is an error, like missingkey=error.
 */
export function renderAppTemplate<T>(template: T, params: ReturnType<typeof directoryParams>): T {
  return JSON.parse(JSON.stringify(template), (_key, value) =>
    typeof value === 'string' ? renderGoTemplate(value, { path: params }) : value,
  );
}

function dig(source: unknown, keys: string[], fallback: unknown): unknown {
  let current = source;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !(key in current)) return fallback;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Renders a notification body the way notifications-engine's Go text/template + sprig would, for
 * the two forms the template uses: `{{toJson .app.a.b}}` and
 * `{{toJson (dig "a" "b" "default" .app)}}`. Anything else is an error, so a body that is not
 * entirely made of toJson-escaped values is caught.
 */
export function renderNotificationBody(body: string, vars: { app: unknown }): string {
  return body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_m, expression: string) => {
    const field = /^toJson \.app((?:\.[A-Za-z0-9_]+)+)$/.exec(expression);
    if (field) {
      const keys = (field[1] ?? '').split('.').slice(1);
      const value = dig(vars.app, keys, undefined);
      if (value === undefined) throw new Error(`template: nil pointer evaluating ${expression}`);
      return JSON.stringify(value);
    }
    // sprig's `dig "k1" "k2" <default> .app`, the default a string or `(list)` (an empty list).
    const digged = /^toJson \(dig((?: "[^"]*")+) (\(list\)|"[^"]*") \.app\)$/.exec(expression);
    if (digged) {
      const args = [...(digged[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
      const fallback = digged[2] === '(list)' ? [] : (digged[2] ?? '').slice(1, -1);
      return JSON.stringify(dig(vars.app, args, fallback));
    }
    throw new Error(`unsupported template expression {{${expression}}}`);
  });
}
