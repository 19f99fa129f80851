import type { Violation } from '../../errors/validation-error.js';
import type { Manifest } from '../object-identity.js';

export interface PolicyOptions {
  /** Registries (host, optionally with a path prefix) images may come from. */
  readonly allowedImageRegistries: readonly string[];
}

/** One policy: looks at one object, reports what breaks the rule. */
export type PolicyCheck = (object: Manifest, name: string, options: PolicyOptions) => Violation[];

export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Follows `path` through nested objects; `undefined` as soon as a step is missing. */
export function dig(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    const object = asObject(current);
    if (!object) return undefined;
    current = object[key];
  }
  return current;
}
