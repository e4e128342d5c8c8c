/**
 * Keyboard access (issue 13): the shortcuts dialog ("?" or the top bar's button), the single-key shortcuts that move
 * focus to the seat, the map as text, the map features and the news, and Escape to close the detail panel. Single
 * keys never fire in a text field or with a modifier held, and can be turned off in the dialog (WCAG 2.1.4); the
 * choice is remembered.
 */
import { t } from '../../i18n';
import { el, replace } from '../dom';

const STORAGE_KEY = 'oil-and-water.shortcuts';

/** Where each shortcut takes the keyboard, supplied by the app's layout. */
export interface ShortcutTargets {
  /** Whether a match is on screen (the shortcuts other than "?" do nothing on the start screen). */
  active(): boolean;
  seat(): void;
  mapText(): void;
  features(): void;
  news(): void;
  /** Escape outside the dialog: closes the detail panel; returns whether it did anything. */
  escape(): boolean;
}

/** The keys, in the order the dialog lists them; `key` is KeyboardEvent.key. */
const KEYS: { key: string; label: string; id: keyof ShortcutTargets | 'help' }[] = [
  { key: '?', label: '?', id: 'help' },
  { key: 's', label: 'S', id: 'seat' },
  { key: 't', label: 'T', id: 'mapText' },
  { key: 'f', label: 'F', id: 'features' },
  { key: 'n', label: 'N', id: 'news' },
  { key: 'Escape', label: 'Esc', id: 'escape' },
];

function enabled(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

function setEnabled(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
}

/** Fills the dialog with the current language's list (called on open, so a language switch shows at once). */
function fill(dialog: HTMLDialogElement): void {
  const toggle = el('input', {
    type: 'checkbox',
    'data-test': 'shortcuts-on',
    checked: enabled(),
    onchange: () => setEnabled(toggle.checked),
  });
  replace(
    dialog,
    el('h2', { id: 'shortcuts-heading', text: t('a11y.shortcutsHeading') }),
    el('p', { text: t('a11y.shortcutsIntro') }),
    el(
      'dl',
      { 'data-test': 'shortcut-list' },
      ...KEYS.flatMap(({ label, id }) => [
        el('dt', {}, el('kbd', { text: label })),
        el('dd', { text: t(`a11y.keys.${id}`) }),
      ]),
    ),
    el('label', {}, toggle, ` ${t('a11y.shortcutsOn')}`),
    el(
      'form',
      { method: 'dialog' },
      el('button', { 'data-test': 'shortcuts-close', value: 'close', text: t('a11y.close') }),
    ),
  );
}

/** A text field, a list box or an editable element: typing there is text, never a shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  );
}

/**
 * Creates the dialog (appended to `root`) and listens for the keys on the document; returns the dialog's opener
 * (for the top bar's button) and the teardown.
 */
export function installShortcuts(
  root: HTMLElement,
  targets: ShortcutTargets,
): { open(): void; dispose(): void } {
  const dialog = el('dialog', {
    id: 'shortcuts',
    'data-test': 'shortcuts',
    'aria-labelledby': 'shortcuts-heading',
  });
  root.append(dialog);
  const open = () => {
    if (dialog.open) return;
    fill(dialog);
    dialog.showModal();
  };
  const onKey = (event: KeyboardEvent) => {
    if (dialog.open || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === 'Escape') {
      if (targets.active() && targets.escape()) event.preventDefault();
      return;
    }
    if (!enabled()) return;
    const shortcut = KEYS.find((k) => k.key === event.key || k.key === event.key.toLowerCase());
    if (!shortcut) return;
    if (shortcut.id === 'help') open();
    else if (!targets.active()) return;
    else if (shortcut.id !== 'escape') targets[shortcut.id]();
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return {
    open,
    dispose: () => {
      document.removeEventListener('keydown', onKey);
      dialog.remove();
    },
  };
}
