/** The browser entry point. */
import './style.css';
import { startApp } from './app';

// Every path but the start screen shows the map at once: fetch Phaser (the largest chunk) now, in parallel with
// building the session and the panels, rather than after them. The map itself starts only when a session asks.
void import('./map-view');

const root = document.getElementById('root');
if (root) startApp(root);
