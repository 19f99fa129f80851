import { configVariables } from './config.js';

/** The README's configuration table, generated from the one config definition. */
export function configTableMarkdown(): string {
  const rows = Object.entries(configVariables).map(([name, spec]) => {
    const fallback = 'default' in spec && spec.default !== undefined ? `\`${spec.default}\`` : '—';
    const file = 'secret' in spec && spec.secret ? ` (also \`${name}_FILE\`)` : '';
    return `| \`${name}\`${file} | ${fallback} | ${spec.doc} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
