import { z } from 'zod';
import { fileDiff } from '../http/atoms.js';

/** The tenant's folder at the head of main. */
export const manifestsSchema = z.object({
  ref: z.string().nullable().meta({ description: 'The commit of main read (null before the first)' }),
  dir: z.string().nullable().meta({ description: "The tenant's folder in the GitOps repository" }),
  files: z.array(z.object({ path: z.string(), content: z.string() })),
});

const commitFields = {
  sha: z.string(),
  parentSha: z.string(),
  subject: z.string(),
  changeRequestId: z.string().nullable(),
  committedAt: z.string(),
  author: z.object({ name: z.string(), email: z.string() }),
  trailers: z.array(z.object({ key: z.string(), value: z.string() })),
};

export const historySchema = z.object({
  items: z.array(
    z.object({
      ...commitFields,
      branch: z.string(),
      mediaBucket: z
        .object({
          bucket: z.string(),
          state: z.enum(['pending', 'failed', 'deleted']),
          error: z.string().nullable(),
          deletedAt: z.string().nullable(),
        })
        .nullable()
        .meta({
          description:
            "On a purge's commits: the media bucket's deletion — deleted (with the time) only once S3 confirmed it; pending or failed (with the reason) until then",
        }),
    }),
  ),
});

export const commitSchema = z.object({ ...commitFields, body: z.string(), files: z.array(fileDiff) });
