// Loads something once per key; a new key (another worker, a reconnect) loads it again.
import { useEffect, useEffectEvent, useState } from 'react';

export type Query<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; value: T };

const LOADING: Query<never> = { status: 'loading' };

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * With `keepPrevious`, a new key shows the last result until its own arrives (a refresh, not a
 * different thing); key the component instead when the thing itself changes.
 */
export function useApiQuery<T>(
  key: string,
  load: () => Promise<T>,
  keepPrevious = false,
): Query<T> {
  const [result, setResult] = useState<{ key: string; query: Query<T> } | null>(null);
  const run = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    run().then(
      (value) => {
        if (live) setResult({ key, query: { status: 'ok', value } });
      },
      (error: unknown) => {
        if (live) setResult({ key, query: { status: 'error', message: messageOf(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!result) return LOADING;
  return result.key === key || keepPrevious ? result.query : LOADING;
}
