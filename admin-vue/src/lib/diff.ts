/** A unified diff (`git diff` / jsdiff `createPatch`) parsed into lines a view can colour. */

export type DiffLineKind = 'add' | 'del' | 'ctx' | 'hunk' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  oldNo: number | null;
  newNo: number | null;
}

export interface ParsedDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
const FILE_HEADER =
  /^(Index: |={10,}|--- |\+\+\+ |diff --git |index [0-9a-f]+|new file mode|deleted file mode)/;

export function parseUnifiedDiff(patch: string): ParsedDiff {
  const lines: DiffLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let added = 0;
  let removed = 0;
  let inHunk = false;
  for (const raw of patch.replace(/\r\n/g, '\n').split('\n')) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      inHunk = true;
      oldNo = Number(hunk[1]);
      newNo = Number(hunk[2]);
      lines.push({ kind: 'hunk', text: raw, oldNo: null, newNo: null });
      continue;
    }
    if (!inHunk) {
      if (!FILE_HEADER.test(raw) && raw !== '')
        lines.push({ kind: 'note', text: raw, oldNo: null, newNo: null });
      continue;
    }
    if (raw.startsWith('+')) {
      added++;
      lines.push({ kind: 'add', text: raw.slice(1), oldNo: null, newNo: newNo++ });
    } else if (raw.startsWith('-')) {
      removed++;
      lines.push({ kind: 'del', text: raw.slice(1), oldNo: oldNo++, newNo: null });
    } else if (raw.startsWith('\\')) {
      lines.push({ kind: 'note', text: raw, oldNo: null, newNo: null });
    } else if (raw.startsWith(' ') || raw === '') {
      // A trailing empty string is the split's artefact, not a context line.
      if (raw === '' && lines.length > 0 && patch.endsWith('\n')) continue;
      lines.push({ kind: 'ctx', text: raw.slice(1), oldNo: oldNo++, newNo: newNo++ });
    } else if (FILE_HEADER.test(raw)) {
      inHunk = false;
    }
  }
  return { lines, added, removed };
}
