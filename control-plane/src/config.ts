import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { accountVariables } from './config/account-variables.js';
import type { VariableSpec } from './config/atoms.js';
import { creditsVariables } from './config/credits-variables.js';
import { domainsVariables } from './config/domains-variables.js';
import { gitopsVariables } from './config/gitops-variables.js';
import { mediaVariables } from './config/media-variables.js';
import { serverVariables } from './config/server-variables.js';
import { stripeVariables } from './config/stripe-variables.js';

/**
 * The one typed configuration of the control plane (STYLE §7): a defaults table,
 * the environment on top, and `<NAME>_FILE` for every secret so that values can
 * come from mounted files instead of the process environment. Parsed once at
 * start-up; a bad value stops the process with the variable's name.
 *
 * Every variable, its parser and its default, by area (config/*-variables.ts); secrets are marked
 * so `<NAME>_FILE` works for them.
 */
export const configVariables = {
  ...serverVariables,
  ...accountVariables,
  ...gitopsVariables,
  ...mediaVariables,
  ...stripeVariables,
  ...creditsVariables,
  ...domainsVariables,
};

type Variables = typeof configVariables;
type RawConfig = { [K in keyof Variables]: z.output<Variables[K]['schema']> };

export interface Config extends RawConfig {
  dataDir: string;
  publicUrl: string;
  /** GRAPHQL_INTROSPECTION, its default resolved from NODE_ENV. */
  graphqlIntrospection: 'anyone' | 'signed-in';
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function rawValue(name: string, spec: VariableSpec, env: NodeJS.ProcessEnv): string | undefined {
  const fileVar = `${name}_FILE`;
  if (spec.secret && env[fileVar]) {
    try {
      return readFileSync(env[fileVar], 'utf8').trim();
    } catch (error) {
      throw new ConfigError([
        { variable: fileVar, message: `cannot read ${env[fileVar]}: ${(error as Error).message}` },
      ]);
    }
  }
  const value = env[name];
  return value === undefined || value === '' ? spec.default : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: { variable: string; message: string }[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(configVariables) as [string, VariableSpec][]) {
    const raw = rawValue(name, spec, env);
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else {
      const shown = spec.secret ? '' : ` (got ${JSON.stringify(raw)})`;
      problems.push({ variable: name, message: `${parsed.error.issues[0]?.message}${shown}` });
    }
  }
  if (problems.length === 0) problems.push(...crossChecks(values as RawConfig));
  if (problems.length > 0) throw new ConfigError(problems);
  const raw = values as RawConfig;
  return {
    ...raw,
    dataDir: path.resolve(raw.LUSTER_DATA_DIR),
    publicUrl: (raw.PUBLIC_URL ?? `http://127.0.0.1:${raw.PORT}`).replace(/\/$/, ''),
    graphqlIntrospection:
      raw.GRAPHQL_INTROSPECTION ?? (env.NODE_ENV === 'production' ? 'signed-in' : 'anyone'),
  };
}

/** Settings that only make sense together. */
function crossChecks(raw: RawConfig): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (raw.GITHUB_REPOSITORY && !raw.GITHUB_TOKEN) {
    problems.push({ variable: 'GITHUB_TOKEN', message: 'is required when GITHUB_REPOSITORY is set' });
  }
  if (raw.GITHUB_REPOSITORY && !raw.GITOPS_REMOTE_URL) {
    problems.push({
      variable: 'GITOPS_REMOTE_URL',
      message: 'is required when GITHUB_REPOSITORY is set (review branches are pushed there)',
    });
  }
  if (raw.GITHUB_REPOSITORY && !raw.GITHUB_LOGINS) {
    problems.push({
      variable: 'GITHUB_LOGINS',
      message: 'is required when GITHUB_REPOSITORY is set (without it no merge on GitHub counts as approval)',
    });
  }
  if (raw.FLUX_RECEIVER_URL && !raw.FLUX_RECEIVER_TOKEN) {
    problems.push({ variable: 'FLUX_RECEIVER_TOKEN', message: 'is required when FLUX_RECEIVER_URL is set' });
  }
  if (raw.S3_ENDPOINT && !(raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: raw.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      message: 'is required when S3_ENDPOINT is set',
    });
  }
  if (!raw.S3_ENDPOINT && (raw.S3_ACCESS_KEY_ID || raw.S3_SECRET_ACCESS_KEY)) {
    problems.push({
      variable: 'S3_ENDPOINT',
      message: 'is required when S3 keys are set (without it the embedded S3 uses its own)',
    });
  }
  // Half a setup would take money it never credits (no webhook secret) or verify events for
  // sessions it cannot create: payments are either fully configured or hidden.
  if (Boolean(raw.STRIPE_SECRET_KEY) !== Boolean(raw.STRIPE_WEBHOOK_SECRET)) {
    problems.push({
      variable: raw.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY',
      message: raw.STRIPE_SECRET_KEY
        ? 'is required when STRIPE_SECRET_KEY is set'
        : 'is required when STRIPE_WEBHOOK_SECRET is set',
    });
  }
  return problems;
}
