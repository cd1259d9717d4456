export const SHORTCUT_HELP_ID = 'workers-shortcuts';
const RESTART_TARGETS = '(the selected rows, or else the focused one)';

export function ShortcutHelp() {
  return (
    <p id={SHORTCUT_HELP_ID} className="shortcut-help">
      Keys: <kbd>↑</kbd> <kbd>↓</kbd> move between rows · <kbd>s</kbd> start · <kbd>x</kbd> stop ·{' '}
      <kbd>r</kbd> restart {RESTART_TARGETS} · <kbd>Enter</kbd> open · <kbd>Space</kbd> select
    </p>
  );
}
