import type { ReactNode } from 'react';

export type NoticeKind = 'loading' | 'empty' | 'error';

/** The empty, loading and error states every view shares. */
export function Notice({ kind, children }: { kind: NoticeKind; children: ReactNode }) {
  return (
    <div
      className={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : undefined}
      data-notice={kind}
    >
      {children}
    </div>
  );
}
