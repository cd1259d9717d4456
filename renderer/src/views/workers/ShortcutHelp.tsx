export const SHORTCUT_HELP_ID = 'workers-shortcuts';

export function ShortcutHelp() {
  return (
    <p id={SHORTCUT_HELP_ID} className="shortcut-help">
      Keys: <kbd>↑</kbd> <kbd>↓</kbd> move between rows · <kbd>s</kbd> start · <kbd>x</kbd> stop ·{' '}
      <kbd>r</kbd> restart (the selected rows, or else the focused one) · <kbd>Enter</kbd> open ·{' '}
      <kbd>Space</kbd> select
    </p>
  );
}
