import { createTwoFilesPatch } from 'diff';
import type { FileWrite, GitopsWriter } from '../../gitops/port.js';
import type { RenderedTenant } from '../../tenants/render.js';

export interface FilePreview {
  /** Repo-relative path. */
  path: string;
  status: 'added' | 'modified' | 'deleted';
  patch: string;
}

/**
 * What committing `rendered` would change under the tenant's folder on `branch` — nothing is
 * written: the folder's files on the head against the render, as unified diffs.
 */
export async function previewFolder(
  writer: GitopsWriter,
  branch: string,
  rendered: RenderedTenant,
): Promise<{ baseSha: string | null; files: FilePreview[] }> {
  const baseSha = await writer.head(branch);
  const current = new Set(baseSha ? (await writer.listFiles(baseSha, rendered.dir)).map((f) => f.path) : []);
  const next = new Map((rendered.files ?? []).map((f) => [`${rendered.dir}/${f.path}`, text(f)]));
  const files: FilePreview[] = [];
  for (const path of [...new Set([...current, ...next.keys()])].sort()) {
    const before = baseSha && current.has(path) ? await writer.readFile(baseSha, path) : null;
    const after = next.get(path) ?? null;
    if (before === after) continue;
    files.push({
      path,
      status: before === null ? 'added' : after === null ? 'deleted' : 'modified',
      patch: createTwoFilesPatch(`a/${path}`, `b/${path}`, before ?? '', after ?? '', undefined, undefined, {
        context: 3,
      }),
    });
  }
  return { baseSha, files };
}

function text(file: FileWrite): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}
