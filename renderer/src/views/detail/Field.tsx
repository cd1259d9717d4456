import type { ReactNode } from 'react';

/** One term and its value in a description list; `name` becomes data-field for tests. */
export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  /** What the term means, when its label cannot say it all; shown on hover. */
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={name}>
      <dt title={hint}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
