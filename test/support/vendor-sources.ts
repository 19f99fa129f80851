import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The vendored upstream files (CRDs, Kubernetes schemas) and their provenance table. */
export const vendorDir = fileURLToPath(new URL('../../vendor/', import.meta.url));

/** One row of the table in vendor/SOURCES.md, keyed by its column headers. */
export type VendorSource = Record<'file' | 'what' | 'tag' | 'commit' | 'blob' | 'bytes', string> &
  Record<string, string>;

const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

/** Reads the table by its header names, so a reordered column cannot silently shift a value. */
export async function vendorSources(): Promise<VendorSource[]> {
  const lines = (await readFile(path.join(vendorDir, 'SOURCES.md'), 'utf8')).split('\n');
  const start = lines.findIndex((l) => l.startsWith('| file |'));
  if (start < 0) throw new Error('vendor/SOURCES.md has no table starting with "| file |"');
  const header = cells(lines[start] ?? '');
  const rows: VendorSource[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells(line)[i] ?? ''])) as VendorSource);
  }
  return rows;
}
