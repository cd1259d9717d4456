// The log of one worker, virtualised: only the lines in view are in the DOM, so 5000 lines
// scroll as lightly as fifty.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogLine } from '../../../../shared/types.js';
import { filterLogLines, type StreamFilter } from '../../lib/log-filter.js';
import { usePanelStore } from '../../store/store.js';
import { LogLineView } from './LogLineView.js';
import { LogToolbar } from './LogToolbar.js';

const ROW_HEIGHT = 20;
const NO_LINES: LogLine[] = [];

export function LogViewer({ workerId }: { workerId: string }) {
  const lines = usePanelStore((s) => s.logs[workerId]) ?? NO_LINES;
  const [query, setQuery] = useState('');
  const [stream, setStream] = useState<StreamFilter>('all');
  const [follow, setFollow] = useState(true);
  // While paused the viewer holds on to the lines it had, and counts what arrives meanwhile.
  const [frozen, setFrozen] = useState<LogLine[] | null>(null);
  const source = frozen ?? lines;
  const visible = useMemo(() => filterLogLines(source, query, stream), [source, query, stream]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read here only, never memoised
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  useEffect(() => {
    if (follow && visible.length > 0)
      virtualizer.scrollToIndex(visible.length - 1, { align: 'end' });
  }, [follow, visible, virtualizer]);

  const lastFrozenSeq = frozen?.at(-1)?.seq ?? -Infinity;
  const newWhilePaused = frozen ? lines.filter((line) => line.seq > lastFrozenSeq).length : 0;

  return (
    <section className="panel log-panel" aria-labelledby="log-heading">
      <h2 id="log-heading">Logs</h2>
      <LogToolbar
        workerId={workerId}
        query={query}
        onQuery={setQuery}
        stream={stream}
        onStream={setStream}
        follow={follow}
        onFollow={setFollow}
        paused={frozen !== null}
        onPause={() => setFrozen(frozen ? null : lines)}
        newWhilePaused={newWhilePaused}
        shown={visible.length}
        total={source.length}
      />
      <div
        ref={scrollRef}
        className="log-scroll"
        role="log"
        aria-label={`Logs of ${workerId}`}
        tabIndex={0}
        data-log-worker={workerId}
      >
        {visible.length === 0 ? (
          <p className="log-empty">
            {source.length === 0 ? 'No log lines yet.' : 'No lines match.'}
          </p>
        ) : (
          <div className="log-content" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = visible[item.index];
              if (!line) return null;
              return (
                <div
                  key={line.seq}
                  className={`log-line log-${line.stream}`}
                  data-stream={line.stream}
                  data-seq={line.seq}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <LogLineView line={line} />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
