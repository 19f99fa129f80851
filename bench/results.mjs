// Rewrites one `## <area>` section of bench/RESULTS.md, leaving the others as they are.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
const header =
  '# Benchmark results\n\nProduced by `npm run bench` (each section says its own command). Machine of the last run per section.\n';

export async function writeSection(area, body) {
  let text = header;
  try {
    text = await readFile(file, 'utf8');
  } catch {}
  const machine = `_${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}_`;
  const section = `## ${area}\n\n${machine}\n\n${body.trim()}\n`;
  const re = new RegExp(`## ${area}\\n[\\s\\S]*?(?=\\n## |$)`);
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}`;
  await writeFile(file, `${text.trimEnd()}\n`);
}
