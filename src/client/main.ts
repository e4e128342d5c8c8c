/** The browser entry point. */
import './style.css';
import { startApp } from './app';

const root = document.getElementById('root');
if (root) startApp(root);
