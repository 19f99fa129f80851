import { z } from 'zod';
import { projectType } from '../http/atoms.js';
import { text } from '../http/text.js';

export const themeBody = z.strictObject({
  displayName: text().trim().min(1).max(200),
  image: text().min(1).max(500).meta({ description: 'Pinned: <registry>/<repo>:<tag>@sha256:<digest>' }),
  projectTypes: z.array(projectType).min(1),
  defaultFor: z.array(projectType).optional(),
  available: z.boolean().optional(),
});
export const pluginBody = z.strictObject({
  name: text().trim().min(1).max(200),
  description: text().max(2000).optional(),
  defaultFor: z.array(projectType).optional(),
  available: z.boolean().optional(),
});
const label = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a DNS label');
const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version');
export const themeParams = z.strictObject({ name: label, version: semver });
export const pluginParams = z.strictObject({ key: label });

export const themeSchema = z.object({
  name: z.string(),
  version: z.string(),
  displayName: z.string(),
  image: z.string(),
  projectTypes: z.array(projectType),
  defaultFor: z.array(projectType).meta({ description: 'Project types that get it by default' }),
  available: z.boolean().meta({ description: 'False: kept for the tenants that use it, offered to none' }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const pluginSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  defaultFor: z.array(projectType),
  available: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
