#!/usr/bin/env node
// Prints the chart's appVersion — the image tag the chart installs by default — after checking that
// the release tag (argument, e.g. v0.1.0) names the same version as Chart.yaml's version and
// appVersion: the release workflow pushes the image and the chart under that one version, so a
// chart never points at an image tag nobody pushed.
import { readFileSync } from 'node:fs';

const tag = process.argv[2] ?? '';
const chart = readFileSync(new URL('../../charts/luster/Chart.yaml', import.meta.url), 'utf8');
const field = (name) => new RegExp(`^${name}:\\s*"?([^"\\s]+)"?\\s*$`, 'm').exec(chart)?.[1];
const version = field('version');
const appVersion = field('appVersion');
const wanted = tag.replace(/^v/, '');
if (!wanted || version !== wanted || appVersion !== wanted) {
  process.stderr.write(
    `release tag ${JSON.stringify(tag)} must be v<version> with charts/luster/Chart.yaml version and appVersion both equal to it (version ${version}, appVersion ${appVersion})\n`,
  );
  process.exit(1);
}
process.stdout.write(`${appVersion}\n`);
