#!/usr/bin/env node
// `npm start`: the desktop app on config/workers.yaml. Where the Electron binary is missing it
// says so in one line and points to `npm run serve`, which serves the same panel to a browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const check = new URL('../dist/electron/main/launch-check.js', import.meta.url);
if (!existsSync(check)) {
  console.error('HSU Master is not built yet: run `npm run build` first.');
  process.exit(1);
}
const { findElectronBinary, launchProblem } = await import(check.href);
const problem = launchProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
const binary = findElectronBinary();
const main = new URL('../dist/electron/main/index.js', import.meta.url);
const args = [main.pathname, '--config', 'config/workers.yaml', ...process.argv.slice(2)];
const child = spawn(binary.path, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
