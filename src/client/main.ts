/** The browser entry point. */
import './style.css';
import { startApp } from './app';
import { initLanguage } from '../i18n';

// Every path but the start screen shows the map at once: fetch Phaser (the largest chunk) now, in parallel with
// building the session and the panels, rather than after them. The map itself starts only when a session asks.
void import('./map-view');

const root = document.getElementById('root');
// The page's language (?lang=, the remembered choice or the browser's) loads first: English is in this bundle, any
// other is one small chunk, fetched alongside Phaser.
if (root)
  void initLanguage()
    .catch(() => 'en')
    .then(() => startApp(root));
