/**
 * The classroom pages' entry (classroom.html): the teacher's new-match form at `/classroom.html`, the students' join
 * page at `#join` or `?join=<code>`, the facilitator console at `?facilitate=<id>#token=…` and the projector at
 * `?projector=<id>`, and a class's page at `?class=<id>#token=…` (class-page.ts). Everything a player or teacher typed goes in as text (dom.ts `el`).
 */
import '../style.css';
import './classroom.css';
import { el } from '../dom';
import { renderClass } from './class-page';
import { renderConsole } from './console';
import { renderJoin } from './join';
import { renderProjector } from './projector';
import { renderTeacher } from './teacher';
import { initLanguage, onLanguageChange } from '../../i18n';
import { languageSwitcher } from '../language-switcher';
import { S } from '../strings';

const root = document.getElementById('app') as HTMLElement;
const errorLine = el('p', { class: 'error', role: 'alert', 'data-test': 'error' });
const report = (error: unknown) =>
  (errorLine.textContent = error instanceof Error ? error.message : String(error));

const params = new URLSearchParams(location.search);
const hash = new URLSearchParams(location.hash.slice(1));
const facilitate = params.get('facilitate');
const token =
  hash.get('token') ?? (facilitate ? sessionStorage.getItem(`oaw-facilitate-${facilitate}`) : null);
// Read once, then kept in this tab only and out of the visible address (screen shares, history); a reload still works.
if (facilitate && token) sessionStorage.setItem(`oaw-facilitate-${facilitate}`, token);
const classID = params.get('class');
const classToken = hash.get('token') ?? (classID ? sessionStorage.getItem(`oaw-class-${classID}`) : null);
if (classID && classToken) sessionStorage.setItem(`oaw-class-${classID}`, classToken);
if (hash.has('token')) history.replaceState(null, '', location.pathname + location.search);
const projectorID = params.get('projector');
const joinCode = params.get('join');

/** Renders the page asked for, in the page's language (each student and the teacher choose their own). */
function show(): void {
  document.title = S.classroomPages.title;
  root.replaceChildren();
  if (classID && classToken) {
    root.className = 'screen';
    void renderClass(root, classID, classToken, report).catch(report);
  } else if (facilitate && token) {
    root.className = 'console';
    void renderConsole(root, facilitate, token, report).catch(report);
  } else if (projectorID) {
    root.className = 'projector-page';
    renderProjector(root, projectorID);
  } else if (joinCode !== null || hash.has('join')) {
    root.className = 'screen';
    renderJoin(root, joinCode ?? '', report);
  } else {
    root.className = 'screen';
    void renderTeacher(root, report, (m) => {
      // The token goes to this tab's sessionStorage first and never into the address (screen shares, history); a
      // reload of `?facilitate=<id>` reads it back from there.
      sessionStorage.setItem(`oaw-facilitate-${m.matchID}`, m.facilitatorToken);
      history.replaceState(null, '', `?facilitate=${encodeURIComponent(m.matchID)}`);
      root.replaceChildren();
      root.className = 'console';
      void renderConsole(root, m.matchID, m.facilitatorToken, report).catch(report);
    }).catch(report);
  }
}

// The language menu above every classroom page. A switch reloads the page in the new language: the class match,
// the seat and the facilitator's token live on the server and in this tab's storage, so nothing is lost.
void initLanguage({ everything: true })
  .catch(() => 'en')
  .then(() => {
    onLanguageChange(() => location.reload());
    document.body.prepend(el('nav', { class: 'language-bar' }, languageSwitcher()));
    show();
  });
document.body.append(errorLine);
