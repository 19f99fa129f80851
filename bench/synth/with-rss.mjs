// Runs a Node program in this process and reports its peak RSS on stderr when it exits:
//   node with-rss.mjs <program.mjs> [args...]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [program, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], program, ...args];
process.on('exit', () => process.stderr.write(`\nmaxRssMiB=${process.resourceUsage().maxRSS / 1024}\n`));
await import(pathToFileURL(resolve(program)).href);
