// An input whose text cannot be written yet (YAML that does not parse, a key already taken)
// holds Save back for as long as it shows that text.
import { useEffect } from 'react';
import { useConfigEditor } from './editor-store.js';

export function useDraftProblem(id: string, problem: string | null): void {
  useEffect(() => {
    if (problem === null) return undefined;
    const { setDraft } = useConfigEditor.getState();
    setDraft(id, problem);
    return () => setDraft(id, null);
  }, [id, problem]);
}
