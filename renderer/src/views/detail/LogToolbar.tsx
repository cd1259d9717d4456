import type { StreamFilter } from '../../lib/log-filter.js';

interface LogToolbarProps {
  workerId: string;
  query: string;
  onQuery: (query: string) => void;
  stream: StreamFilter;
  onStream: (stream: StreamFilter) => void;
  follow: boolean;
  onFollow: (follow: boolean) => void;
  paused: boolean;
  onPause: () => void;
  newWhilePaused: number;
  shown: number;
  total: number;
}

export function LogToolbar(props: LogToolbarProps) {
  const { workerId, query, stream, follow, paused } = props;
  return (
    <div className="log-toolbar" role="toolbar" aria-label={`Log controls for ${workerId}`}>
      <input
        type="search"
        placeholder="Filter lines"
        aria-label="Filter log lines"
        value={query}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <select
        aria-label="Stream"
        value={stream}
        onChange={(e) => props.onStream(e.target.value as StreamFilter)}
      >
        <option value="all">all streams</option>
        <option value="stdout">stdout</option>
        <option value="stderr">stderr</option>
        <option value="system">system</option>
      </select>
      <label>
        <input
          type="checkbox"
          checked={follow}
          onChange={(e) => props.onFollow(e.target.checked)}
        />
        Follow
      </label>
      <button type="button" aria-pressed={paused} onClick={props.onPause}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <span className="log-count" aria-live="polite">
        {props.shown === props.total
          ? `${props.total} ${props.total === 1 ? 'line' : 'lines'}`
          : `${props.shown} of ${props.total} ${props.total === 1 ? 'line' : 'lines'}`}
        {paused && props.newWhilePaused > 0 ? ` · ${props.newWhilePaused} new while paused` : ''}
      </span>
    </div>
  );
}
