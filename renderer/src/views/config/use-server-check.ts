// The master's own checks of the edited text (executables exist, native module names), asked
// for once the operator pauses, and kept only while the text is still the one checked.
import { useEffect } from 'react';
import { getClient } from '../../api/client.js';
import { useConfigEditor } from './editor-store.js';

export const CHECK_DELAY_MS = 400;

export function useServerCheck(text: string, wanted: boolean): void {
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      getClient()
        .call('config.validate', { text })
        .then(
          (report) => {
            if (live) useConfigEditor.getState().setCheck(text, report);
          },
          // The form's own checks still stand; the master repeats its checks on save.
          () => undefined,
        );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, wanted]);
}
