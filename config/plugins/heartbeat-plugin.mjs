// An example plugin module in plain ESM JavaScript: it counts heartbeats and logs every one.
// Load it with module_type: plugin, module_path: plugins/heartbeat-plugin.mjs and
// entry_point: createModule. Its lines reach the worker's log through context.log when the
// master passes one, else through console (a thread's console output is forwarded too).
import { clearInterval, setInterval } from 'node:timers';

export function createModule() {
  let intervalMs = 2000;
  let timer = null;
  let beats = 0;
  let lastBeat = 0;
  let log = (line) => console.log(line);

  return {
    initialize(config, _signal, context) {
      const value = config.interval_ms ?? intervalMs;
      if (!Number.isInteger(value) || value < 10) {
        throw new Error(`heartbeat: interval_ms must be an integer of at least 10, got ${value}`);
      }
      intervalMs = value;
      if (context) log = (line) => context.log(line);
    },
    start() {
      timer = setInterval(() => {
        beats += 1;
        lastBeat = Date.now();
        log(`heartbeat ${beats}`);
      }, intervalMs);
      log(`heartbeat started, one beat every ${intervalMs} ms`);
    },
    stop() {
      clearInterval(timer);
      timer = null;
      log(`heartbeat stopped after ${beats} beats`);
    },
    // Healthy while beating on time: a stalled event loop shows up as a late beat.
    isHealthy() {
      return timer !== null && (beats === 0 || Date.now() - lastBeat < intervalMs * 3);
    },
    getInfo() {
      return {
        name: 'heartbeat-plugin',
        version: '1.0.0',
        description: `Logs a heartbeat every ${intervalMs} ms (${beats} so far)`,
        author: 'HSU Master',
        endpoints: [],
      };
    },
  };
}
