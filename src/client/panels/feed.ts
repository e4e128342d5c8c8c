/** The news feed (each event with its source; this year's numbered like their pins on the map), the log of what happened each year, and the messages. */
import type { GameState } from '../../game/state';
import { newsText, scenarioOf } from '../display-scenario';
import { el, replace, bounded } from '../dom';
import { eventSources } from '../details';
import { pinNumber } from '../news-pins';
import { logLine, messageText, S, SEAT_LABEL } from '../strings';

const SHOWN = 60;

/** Draws news, log and messages for the view, newest first. */
export function renderFeed(container: HTMLElement, view: GameState): void {
  const news = [...view.news].reverse().slice(0, SHOWN);
  const log = [...view.log].reverse().slice(0, SHOWN);
  const scenario = scenarioOf(view);
  const messages = [...view.messages].reverse().slice(0, SHOWN);
  replace(
    container,
    el(
      'section',
      { class: 'news', 'data-test': 'news' },
      el('h3', { text: S.feed.news }),
      news.length === 0 ? el('p', { class: 'muted', text: S.feed.empty }) : null,
      ...news.map((item) => {
        const sources = eventSources(view, item.eventId);
        // This year's items carry the number of their pin on the map, so a reader can match the two.
        const pin = pinNumber(view, item);
        const words = newsText(view, item);
        return el(
          'article',
          { class: `news-item ${item.kind}`, ...(pin === null ? {} : { 'data-pin': String(pin) }) },
          el(
            'h4',
            {},
            pin === null
              ? null
              : el('span', {
                  class: 'news-number',
                  'data-test': 'news-number',
                  'aria-label': S.feed.pinLabel(pin),
                  text: String(pin),
                }),
            `${item.year} · ${words.title}`,
          ),
          el('p', { text: words.text }),
          sources.length
            ? el(
                'details',
                {},
                el('summary', { text: `${S.feed.source} (${S.feed.kind[item.kind] ?? item.kind})` }),
                ...sources.map((s) =>
                  el('p', { class: 'source' }, s.cite, s.quote ? el('q', { text: s.quote }) : null),
                ),
              )
            : null,
        );
      }),
    ),
    el(
      'section',
      { class: 'log', 'data-test': 'log' },
      el('h3', { text: S.feed.log }),
      log.length === 0 ? el('p', { class: 'muted', text: S.feed.empty }) : null,
      el(
        'ul',
        {},
        ...log.map((entry) => el('li', { text: S.feed.logEntry(entry.year, logLine(entry, scenario)) })),
      ),
    ),
    el(
      'section',
      { class: 'messages', 'data-test': 'messages' },
      el('h3', { text: S.feed.messages }),
      messages.length === 0 ? el('p', { class: 'muted', text: S.feed.empty }) : null,
      el(
        'ul',
        {},
        ...messages.map((m) =>
          el(
            'li',
            {},
            el('strong', { text: `${SEAT_LABEL[m.from]} ` }),
            el('span', {
              class: 'muted',
              text: m.to === 'all' ? S.feed.publicTag : S.feed.privateTo(SEAT_LABEL[m.to]),
            }),
            ': ',
            // A bot's reply is data, worded now in the language shown; what a seat typed is shown as typed.
            bounded(messageText(m)),
          ),
        ),
      ),
    ),
  );
}
