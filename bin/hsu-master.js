#!/usr/bin/env node
// Entry point of the hsu-master command: runs the compiled CLI from dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('hsu-master is not built yet: run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
await import(cli.href);
