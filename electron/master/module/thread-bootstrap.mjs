// Starts the thread host from TypeScript source, where no compiled thread-host.js sits beside
// it (tests run the sources). Node 20 will not start a Worker on a .ts file, and tsx passed as
// `--import tsx` in a Worker's execArgv does not reach the thread's loader, so the thread
// registers tsx itself before importing the host.
import { register } from 'tsx/esm/api';

register();
await import('./thread-host.ts');
