// Example process worker: logs a tick every second, and a warning to stderr now and then.
const every = Number(process.env.TICK_MS ?? 1000);
let n = 0;

const timer = setInterval(() => {
  n += 1;
  console.log(`tick ${n}`);
  if (n % 10 === 0) console.error(`tick ${n}: ten more ticks gone`);
}, every);

process.on('SIGTERM', () => {
  clearInterval(timer);
  console.log(`stopping after ${n} ticks`);
});
