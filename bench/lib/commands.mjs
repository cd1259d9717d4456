// The commands the parts run as workers, resolved once to absolute paths as the loader would.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`${name} is not on PATH`);
}

export const NODE_IDLE = {
  label: 'node -e "setInterval(()=>{},1e3)"',
  command: process.execPath,
  args: ['-e', 'setInterval(()=>{},1e3)'],
};

export const SLEEP_60 = { label: 'sleep 60', command: onPath('sleep'), args: ['60'] };
export const SLEEP_3600 = { label: 'sleep 3600', command: onPath('sleep'), args: ['3600'] };
