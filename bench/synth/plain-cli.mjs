// Baseline for the cold CLI: a minimal plain-cdk8s program that renders one tenant's objects
// (given as JSON) and writes them as YAML files. node plain-cli.mjs <objects.json> <out dir>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiObject, App, Chart, Yaml } from 'cdk8s';

const [input, out] = process.argv.slice(2);
const { paths, objects } = JSON.parse(readFileSync(input, 'utf8'));
const chart = new Chart(new App(), 'tenant');
for (const [index, object] of objects.entries()) new ApiObject(chart, `o${index}`, object);
chart.toJson().forEach((object, index) => {
  const path = join(out, paths[index]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Yaml.stringify(object));
});
