/**
 * Which news items the map pins and the number each carries. The map shows small numbered pins instead of the
 * news text (text over the map hid Pyongyang and Seoul); the news panel numbers the same items, so both read this
 * one list and a reader can match a pin to its story.
 */
import type { GameState, NewsItem } from '../game/state';

/** The current round's news, in the order it happened; item i carries the number i + 1. */
export function pinnedNews(view: GameState): NewsItem[] {
  return view.news.filter((item) => item.round === view.round);
}

/** The pin number of a news item, or null when the map does not pin it (an earlier year's news). */
export function pinNumber(view: GameState, item: NewsItem): number | null {
  const index = pinnedNews(view).indexOf(item);
  return index < 0 ? null : index + 1;
}
