// An input's own text while the operator types: "1." or "200, " are on their way to a value,
// and showing the value back ("1", "200") would fight the typing.
import { useState } from 'react';

/**
 * `shown` is the text for the current value. `change(text, expected)` keeps the typed text as
 * long as the value stays the one that text stands for (`expected`, its own rendering); a value
 * changed elsewhere (a reload, an undo of a line) shows again.
 */
export function useDraft(shown: string): [string, (text: string, expected: string) => void] {
  const [state, setState] = useState({ shown, draft: shown });
  let current = state;
  if (state.shown !== shown) {
    current = { shown, draft: shown };
    setState(current);
  }
  return [current.draft, (draft, expected) => setState({ shown: expected, draft })];
}
