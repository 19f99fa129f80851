#!/usr/bin/env node
// The package's bin. npm links bins when it installs, before anything is built, and skips a bin
// whose file is missing: this file is in git, dist/ is not. The CLI is bundled by scripts/bundle-cli.mjs.
await import('../dist/bundle/main.mjs');
