import type { Branding, TenantPatch } from './tenants.entities.js';

interface Current {
  displayName: string;
  tier: string;
  themeName: string;
  themeVersion: string;
  plugins: string[];
  branding: Branding;
}

/** Branding compared field by field, whatever the key order. */
function sameBranding(a: Branding, b: Branding): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Branding>;
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * One line saying what an update changes, for the commit subject after `tenant(<slug>): `, e.g.
 * `switch theme luster-starter 1.4.0 → luster-ecommerce-starter 2.0.1; plugins +forms −calendar`.
 */
export function describePatch(current: Current, patch: TenantPatch): string {
  const parts: string[] = [];
  if (patch.displayName !== undefined) parts.push(`rename '${current.displayName}' → '${patch.displayName}'`);
  if (patch.tier !== undefined) parts.push(`tier ${current.tier} → ${patch.tier}`);
  if (patch.themeName !== undefined || patch.themeVersion !== undefined) {
    const name = patch.themeName ?? current.themeName;
    const version = patch.themeVersion ?? current.themeVersion;
    parts.push(`switch theme ${current.themeName} ${current.themeVersion} → ${name} ${version}`);
  }
  if (patch.plugins !== undefined) {
    const added = patch.plugins.filter((p) => !current.plugins.includes(p)).map((p) => `+${p}`);
    const removed = current.plugins.filter((p) => !patch.plugins?.includes(p)).map((p) => `−${p}`);
    parts.push(`plugins ${[...added, ...removed].join(' ')}`);
  }
  if (patch.branding !== undefined) {
    const keys = Object.keys(patch.branding);
    parts.push(keys.length ? `branding ${keys.sort().join(', ')}` : 'remove branding');
  }
  return parts.join('; ');
}

/** Only the fields that differ from the current state (an update that changes nothing commits nothing). */
export function effectivePatch(current: Current, wanted: TenantPatch): TenantPatch {
  const patch: TenantPatch = {};
  if (wanted.displayName !== undefined && wanted.displayName !== current.displayName)
    patch.displayName = wanted.displayName;
  if (wanted.tier !== undefined && wanted.tier !== current.tier) patch.tier = wanted.tier;
  if (
    (wanted.themeName !== undefined && wanted.themeName !== current.themeName) ||
    (wanted.themeVersion !== undefined && wanted.themeVersion !== current.themeVersion)
  ) {
    patch.themeName = wanted.themeName ?? current.themeName;
    patch.themeVersion = wanted.themeVersion ?? current.themeVersion;
  }
  if (wanted.plugins !== undefined) {
    const next = [...new Set(wanted.plugins)].sort();
    const now = [...current.plugins].sort();
    if (next.join(',') !== now.join(',')) patch.plugins = next;
  }
  if (wanted.branding !== undefined && !sameBranding(wanted.branding, current.branding ?? {})) {
    patch.branding = wanted.branding;
  }
  return patch;
}
