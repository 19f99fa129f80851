import { roles } from './organization.entities.js';
import { actions, type Permission, permissionTable, platformPermissionTable } from './permissions.js';

/** The permission table as Markdown (docs/rbac.md is generated from it). */
export function permissionTableMarkdown(): string {
  const header = `| action | ${roles.join(' | ')} | gate | what it allows |`;
  const rule = `|---|${roles.map(() => ':-:').join('|')}|---|---|`;
  const gates: Record<Permission['gate'], string> = {
    none: '–',
    chain: 'chain',
    parent: 'chain + parent',
  };
  const rows = actions.map((action) => {
    const p: Permission = permissionTable[action];
    const cells = roles.map((r) => (p.roles.includes(r) ? (p.reach === 'below' ? 'below' : '✓') : '–'));
    return `| \`${action}\` | ${cells.join(' | ')} | ${gates[p.gate]} | ${p.doc} |`;
  });
  const platform = Object.entries(platformPermissionTable).map(
    ([action, p]) => `| \`${action}\` | ${p.who} | ${p.doc} |`,
  );
  return [
    header,
    rule,
    ...rows,
    '',
    '| platform action | who | what it allows |',
    '|---|---|---|',
    ...platform,
  ].join('\n');
}
