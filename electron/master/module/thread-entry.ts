// Which script a module thread starts on. The build compiles the host to thread-host.js beside
// this file; running from TypeScript sources (tests) there is only thread-host.ts, which a
// Worker cannot start on, so a small .mjs bootstrap loads it through tsx instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function threadHostEntry(): URL {
  const compiled = new URL('./thread-host.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return compiled;
  return new URL('./thread-bootstrap.mjs', import.meta.url);
}
