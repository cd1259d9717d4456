// Functions that Playwright runs inside the page (serialized as source): they may use only
// what the browser has.
/* global document, performance, requestAnimationFrame, MutationObserver, PerformanceObserver */

/** The page clock when `count` rows match `selector`; false until then. */
export function rowsShownAt([selector, count]) {
  return document.querySelectorAll(selector).length >= count ? performance.now() : false;
}

/** The start of what the page shows, for an error message. */
export function pageText() {
  return document.body.innerText.slice(0, 300);
}

/** rAF deltas over the window, long tasks, and how much the table changed meanwhile. */
export function measureFrames(durationMs) {
  return new Promise((resolve) => {
    const deltas = [];
    let longTaskMs = 0;
    let longTasks = 0;
    let mutations = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks += 1;
        longTaskMs += entry.duration;
      }
    });
    try {
      observer.observe({ type: 'longtask', buffered: false });
    } catch {
      // Long tasks are not reported by every build; the frame times still are.
    }
    const table = document.querySelector('table[aria-label="Workers"] tbody');
    const watcher = new MutationObserver((records) => (mutations += records.length));
    if (table) watcher.observe(table, { subtree: true, childList: true, characterData: true });
    let last = performance.now();
    const start = last;
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      if (now - start < durationMs) {
        requestAnimationFrame(frame);
        return;
      }
      observer.disconnect();
      watcher.disconnect();
      resolve({
        deltas,
        longTasks,
        longTaskMs,
        windowMs: durationMs,
        mutationsPerSecond: (mutations * 1000) / (now - start),
        rows: table?.children.length ?? 0,
      });
    };
    requestAnimationFrame(frame);
  });
}
