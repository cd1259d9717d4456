import type { ReactNode } from 'react';

/** One term and its value in a description list; `name` becomes data-field for tests. */
export function Field({
  name,
  label,
  children,
}: {
  name: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
