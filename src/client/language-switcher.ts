/**
 * The language menu of the top bar (and of the start screen and the classroom pages): each language named in itself.
 * Choosing one loads it (its own chunk), remembers it in localStorage and re-renders through `onLanguageChange`; the
 * match, the form being filled and the map stay as they are.
 */
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LANGUAGES, isLanguage, language, setLanguage, t } from '../i18n';
import { el } from './dom';

export function languageSwitcher(): HTMLElement {
  const select = el(
    'select',
    {
      'data-test': 'language',
      'data-key': 'language',
      'aria-label': t('language.label'),
      onchange: () => {
        if (isLanguage(select.value)) void setLanguage(select.value);
      },
    },
    ...LANGUAGES.map((lang) =>
      el('option', {
        value: lang,
        lang: LANGUAGE_TAGS[lang],
        text: LANGUAGE_NAMES[lang],
        selected: lang === language(),
      }),
    ),
  );
  return el(
    'label',
    { class: 'language' },
    el('span', { class: 'language-label', text: t('language.label') }),
    ' ',
    select,
  );
}
