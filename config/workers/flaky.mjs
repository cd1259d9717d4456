// Example process worker: does some work and crashes now and then, so restarts and back-off
// can be watched in the panel.
const minMs = Number(process.env.MIN_LIFE_MS ?? 5000);
const maxMs = Number(process.env.MAX_LIFE_MS ?? 20000);
const life = minMs + Math.random() * (maxMs - minMs);

console.log(`working; will crash in ${(life / 1000).toFixed(1)}s`);
const work = setInterval(() => console.log('working...'), 2000);

setTimeout(() => {
  clearInterval(work);
  console.error('something went wrong: crashing with exit code 1');
  process.exit(1);
}, life);

process.on('SIGTERM', () => {
  clearInterval(work);
  process.exit(0);
});
