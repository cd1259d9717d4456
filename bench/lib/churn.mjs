// Keeps workers changing state: every tick, the next slice of them (round robin) is restarted.
// A worker whose previous restart has not finished is skipped, so a slow master shows up as a
// lower achieved rate rather than a growing queue.

export class RestartChurn {
  #timer = null;
  #next = 0;
  #busy = new Set();
  #inFlight = new Set();
  requested = 0;
  skipped = 0;
  done = 0;
  failed = 0;

  constructor(master, ids, { perTick, tickMs }) {
    this.master = master;
    this.ids = ids;
    this.perTick = perTick;
    this.tickMs = tickMs;
  }

  start() {
    this.#timer = setInterval(() => this.#tick(), this.tickMs);
  }

  /** Stops ticking and waits for the restarts in flight. */
  async stop() {
    clearInterval(this.#timer);
    this.#timer = null;
    await Promise.all(this.#inFlight);
  }

  #tick() {
    for (let i = 0; i < this.perTick; i++) {
      const id = this.ids[this.#next];
      this.#next = (this.#next + 1) % this.ids.length;
      this.requested += 1;
      if (this.#busy.has(id)) {
        this.skipped += 1;
        continue;
      }
      this.#busy.add(id);
      const restart = this.master
        .restartWorker(id, false)
        .then(
          () => (this.done += 1),
          () => (this.failed += 1),
        )
        .finally(() => {
          this.#busy.delete(id);
          this.#inFlight.delete(restart);
        });
      this.#inFlight.add(restart);
    }
  }
}
