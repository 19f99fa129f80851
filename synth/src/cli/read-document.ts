import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UsageError } from './cli-io.js';

/** Reads a JSON or YAML file (JSON is YAML) into plain data. */
export function readDocument(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON or YAML: ${(error as Error).message}`);
  }
}
