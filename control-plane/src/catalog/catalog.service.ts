import type { ErrorCode } from '@luster/contract';
import { isFromRegistries, isPinned, parseImageReference } from '@luster/synth';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.js';
import { authorizePlatform } from '../access/authorize.js';
import { InvalidInputError, NotFoundError, UnavailableError } from '../errors/index.js';
import { Plugin, type ProjectType, ThemeVersion } from './catalog.entities.js';
import { createCatalogDeletion } from './catalog-deletion.js';

export interface ThemeInput {
  name: string;
  version: string;
  displayName: string;
  image: string;
  projectTypes: ProjectType[];
  defaultFor?: ProjectType[] | undefined;
  available?: boolean | undefined;
}

export interface PluginInput {
  key: string;
  name: string;
  description?: string | undefined;
  defaultFor?: ProjectType[] | undefined;
  available?: boolean | undefined;
}

/** Numeric-aware semver-ish ordering, newest first. */
export function compareVersionsDesc(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const pb = b.split(/[.+-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    return String(y).localeCompare(String(x));
  }
  return 0;
}

/**
 * Refuses a theme image synth would refuse to render, by synth's own rules (so the two never
 * disagree): a default the render refuses would make every registration fail.
 */
export function checkThemeImage(image: string, allowedRegistries: readonly string[]): void {
  const issue = (message: string, code: ErrorCode) =>
    new InvalidInputError({
      code,
      message: `Theme image '${image}' ${message}`,
      issues: [{ path: 'body.image', message }],
    });
  const ref = parseImageReference(image);
  if (!ref) throw issue('is not a full image reference: <registry host>/<repository>:<tag>', 'image_invalid');
  if (!isFromRegistries(ref, allowedRegistries)) {
    throw issue(
      `is not from an allowed registry (${allowedRegistries.join(', ')})`,
      'image_registry_not_allowed',
    );
  }
  if (!isPinned(ref))
    throw issue("is not pinned: use a tag other than 'latest', or a sha256 digest", 'image_not_pinned');
}

/**
 * Catalog rows a change relies on, read inside its transaction, are held FOR SHARE until it ends:
 * a deletion (catalog-deletion.ts) waits for the change and then counts it, or wins and the change
 * finds the entry gone. Outside a transaction (a preview) nothing is held.
 */
const inTransaction = (manager: EntityManager) => manager.queryRunner?.isTransactionActive === true;
const heldInTransaction = (manager: EntityManager) =>
  inTransaction(manager) ? { lock: { mode: 'pessimistic_read' as const } } : {};

export interface CatalogDeps {
  dataSource: DataSource;
  /** Registries theme images may come from: the render's `allowedImageRegistries`. */
  allowedImageRegistries: readonly string[];
}

/** Themes (pinned images) and plugins a tenant may use; superadmins edit them. */
export function createCatalogService(deps: CatalogDeps) {
  const { dataSource } = deps;

  return {
    ...createCatalogDeletion(dataSource),

    async themes(): Promise<ThemeVersion[]> {
      const rows = await dataSource.manager.find(ThemeVersion, { order: { name: 'ASC' } });
      return rows.sort((a, b) => a.name.localeCompare(b.name) || compareVersionsDesc(a.version, b.version));
    },

    plugins: (): Promise<Plugin[]> => dataSource.manager.find(Plugin, { order: { key: 'ASC' } }),

    /** What a new tenant of `projectType` gets: the default theme's newest version and default plugins. */
    async defaultsFor(manager: EntityManager, projectType: ProjectType) {
      const themes = await manager
        .createQueryBuilder(ThemeVersion, 't')
        .where(':pt = ANY(t."defaultFor") AND t.available', { pt: projectType })
        .getMany();
      const theme = themes.sort(
        (a, b) => a.name.localeCompare(b.name) || compareVersionsDesc(a.version, b.version),
      )[0];
      if (!theme)
        throw new NotFoundError({ code: 'theme_not_found', what: 'Default theme', id: projectType });
      try {
        checkThemeImage(theme.image, deps.allowedImageRegistries);
      } catch (error) {
        // Saved before the catalog checked images: every provision would fail. Refuse it here, in
        // the registration's transaction, so no account or organization is left without a tenant.
        throw new UnavailableError({
          code: 'provision_failed',
          message: `New ${projectType} tenants cannot be provisioned: the catalog's default theme ${theme.name} ${theme.version} cannot be rendered (${(error as Error).message})`,
          data: { theme: theme.name, version: theme.version, cause: (error as InvalidInputError).code },
        });
      }
      const plugins = await manager
        .createQueryBuilder(Plugin, 'p')
        .where(':pt = ANY(p."defaultFor") AND p.available', { pt: projectType })
        .orderBy('p.key')
        .getMany();
      return { theme, plugins: plugins.map((p) => p.key) };
    },

    /**
     * Resolves a theme choice for a tenant: `version` absent = the newest available version.
     * Refuses unknown or withdrawn versions and themes not made for the project type.
     */
    async resolveTheme(
      manager: EntityManager,
      input: {
        name: string;
        version?: string | undefined;
        projectType: ProjectType;
        current?: { name: string; version: string };
      },
    ): Promise<ThemeVersion> {
      const versions = await manager.find(ThemeVersion, {
        where: { name: input.name },
        ...heldInTransaction(manager),
      });
      const candidates = versions
        .filter((v) => input.version === undefined || v.version === input.version)
        .filter(
          // A tenant may stay on a withdrawn version it already runs.
          (v) => v.available || (input.current?.name === v.name && input.current.version === v.version),
        )
        .sort((a, b) => compareVersionsDesc(a.version, b.version));
      const theme = candidates[0];
      if (!theme) {
        throw new InvalidInputError({
          code: 'unknown_theme',
          message: `No available theme '${input.name}'${input.version ? ` version ${input.version}` : ''} in the catalog`,
          issues: [{ path: 'theme', message: 'not in the catalog' }],
        });
      }
      if (!theme.projectTypes.includes(input.projectType)) {
        throw new InvalidInputError({
          code: 'theme_not_for_project_type',
          message: `Theme '${theme.name}' is not made for ${input.projectType} projects`,
          issues: [{ path: 'theme', message: `not for ${input.projectType}` }],
        });
      }
      return theme;
    },

    /** Checks plugin keys against the catalog; returns them sorted and unique. */
    async resolvePlugins(manager: EntityManager, keys: string[], current: string[] = []): Promise<string[]> {
      const unique = [...new Set(keys)].sort();
      if (unique.length === 0) return [];
      const query = manager.createQueryBuilder(Plugin, 'p').where('p.key IN (:...keys)', { keys: unique });
      if (inTransaction(manager)) query.setLock('pessimistic_read');
      const known = await query.getMany();
      const usable = new Set(known.filter((p) => p.available || current.includes(p.key)).map((p) => p.key));
      const unknown = unique.filter((k) => !usable.has(k));
      if (unknown.length > 0) {
        throw new InvalidInputError({
          code: 'unknown_plugin',
          message: `Unknown plugins: ${unknown.join(', ')}`,
          issues: unknown.map((k) => ({ path: 'plugins', message: `'${k}' is not in the catalog` })),
        });
      }
      return unique;
    },

    async upsertTheme(input: { actor: Actor; theme: ThemeInput }): Promise<ThemeVersion> {
      authorizePlatform(input.actor, 'catalog.write');
      const { theme } = input;
      checkThemeImage(theme.image, deps.allowedImageRegistries);
      await dataSource.manager.upsert(
        ThemeVersion,
        {
          ...theme,
          defaultFor: theme.defaultFor ?? [],
          available: theme.available ?? true,
        },
        ['name', 'version'],
      );
      return dataSource.manager.findOneByOrFail(ThemeVersion, { name: theme.name, version: theme.version });
    },

    async upsertPlugin(input: { actor: Actor; plugin: PluginInput }): Promise<Plugin> {
      authorizePlatform(input.actor, 'catalog.write');
      const { plugin } = input;
      await dataSource.manager.upsert(
        Plugin,
        {
          ...plugin,
          description: plugin.description ?? '',
          defaultFor: plugin.defaultFor ?? [],
          available: plugin.available ?? true,
        },
        ['key'],
      );
      return dataSource.manager.findOneByOrFail(Plugin, { key: plugin.key });
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
