/**
 * Statements the control plane sends to PostgreSQL, counted in this process: every round trip of a
 * registration (BEGIN, COMMIT and savepoints included) waits on the event loop and the database, so
 * the report shows them per registration next to the CPU.
 */
import pg from 'pg';

const counts = new Map<string, number>();
let total = 0;

/** The statement's first words: enough to tell `INSERT INTO "user"` from `SELECT … FROM cluster`. */
function shape(sql: unknown): string {
  const text = typeof sql === 'string' ? sql : ((sql as { text?: string } | null)?.text ?? '?');
  return text.replace(/\s+/g, ' ').trim().slice(0, 90);
}

let installed = false;
/** Statements with their parameters while a `recordStatements` is open. */
let recording: RecordedStatement[] | null = null;

export interface RecordedStatement {
  text: string;
  values: unknown[];
}

/** Counts from here on (idempotent): wraps the driver's `Client.query`, which TypeORM's pool calls. */
export function countQueries(): void {
  if (installed) return;
  installed = true;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    total++;
    if (recording && typeof args[0] === 'string')
      recording.push({ text: args[0], values: Array.isArray(args[1]) ? args[1] : [] });
    const key = shape(args[0]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}

export interface QuerySample {
  total: number;
  byShape: Map<string, number>;
}

export const sampleQueries = (): QuerySample => ({ total, byShape: new Map(counts) });

/** Statements since `before`, the most frequent shapes first. */
export function queriesSince(before: QuerySample): QuerySample {
  const byShape = new Map<string, number>();
  for (const [key, n] of counts) {
    const d = n - (before.byShape.get(key) ?? 0);
    if (d > 0) byShape.set(key, d);
  }
  return { total: total - before.total, byShape: new Map([...byShape].sort((a, b) => b[1] - a[1])) };
}

/** Keeps every statement sent (text and parameters) until the returned function is called; it returns them. */
export function recordStatements(): () => RecordedStatement[] {
  countQueries();
  const kept: RecordedStatement[] = [];
  recording = kept;
  return () => {
    recording = null;
    return kept;
  };
}
