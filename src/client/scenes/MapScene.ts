/**
 * The map of Northeast Asia. Draws the projected coastlines once into a texture, then redraws the overlays from the
 * session's view after every change: trust lines between capitals, energy routes by stage, the islands' markers,
 * fishing tension, and numbered pins for the year's news (the news panel carries the same numbers). Reads state and
 * reports hover and clicks; decides nothing.
 */
import * as Phaser from 'phaser';
import { ISLANDS, SEATS, type Island, type Seat } from '../../game/vocabulary';
import type { GameState, NewsItem } from '../../game/state';
import type { GameSession } from '../session';
import { pinnedNews } from '../news-pins';
import { CITY_LABEL, ISLAND_LABEL, S, SEAT_LABEL } from '../strings';
import { t } from '../../i18n';
import type { MapSelection } from '../ui-state';
import {
  capitals,
  hitTest,
  ISLAND_LABEL_OFFSET,
  trustSegment,
  type MapCountry,
  type MapData,
} from '../map/geometry';
import {
  COAST,
  LABEL,
  LABEL_SHADOW,
  SEA,
  SEAT_COLOUR,
  STAGE_STYLE,
  css,
  dashes,
  landColour,
  trustColour,
  trustWidth,
} from '../map/palette';
import { newsText, scenarioOf } from '../display-scenario';

export interface MapSceneDeps {
  map: MapData;
  session: GameSession;
  /** The pointer moved over something (or nothing); x, y are canvas pixels of the game. */
  onHover(selection: MapSelection | null, x: number, y: number): void;
  onSelect(selection: MapSelection | null): void;
  selection(): MapSelection | null;
  /** Called once the map has drawn its first full frame of overlays. */
  onReady?(): void;
  /** Whether to draw every seat's trust lines; without it (or without a seat: replays, spectators) all are drawn. */
  allTrust?(): boolean;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/**
 * How many more frames the loop renders after the one that draws a change (the step of the next animation frame, or
 * the running loop's next step) before it sleeps again. None is needed: that step uploads relabelled texts too.
 */
const FRAMES_AFTER_CHANGE = 0;
/** Pointer events that may change what the canvas shows; a plain move only updates the DOM tooltip. */
const WAKING_POINTER_EVENTS = ['pointerdown', 'pointerup', 'pointerleave', 'wheel'] as const;

/** How much faster tweens run when the player asks for reduced motion: a tween of a second ends within a frame. */
export const REDUCED_MOTION_TIME_SCALE = 1000;

export class MapScene extends Phaser.Scene {
  /**
   * The overlays, drawn over the coastlines. They are not baked into a texture: the map renders only when something
   * changes, nearly always the state, and in software WebGL baking cost two more full-size passes per change (the
   * texture's clear and the coastlines copied into it) than the one frame it spared.
   */
  private overlay!: Phaser.GameObjects.Graphics;
  private islandLabels = new Map<string, Phaser.GameObjects.Text>();
  /** The map's fixed labels (cities, the inset, Washington) with the words each shows. */
  private labels: { text: Phaser.GameObjects.Text; words: () => string }[] = [];
  private unsubscribe: (() => void) | null = null;
  /**
   * The news pins are DOM buttons laid over the canvas, not canvas drawings, so a keyboard can focus them and the
   * title shows on focus as well as on hover.
   */
  private pinLayer: HTMLElement | null = null;
  /** How many times the overlays were redrawn (the browser test reads it to see the map follow the state). */
  redraws = 0;
  /** The trust lines drawn last, as `from>to` (the browser test reads them to check which pairs show). */
  trustDrawn: string[] = [];
  /** The news pins placed last: number, title and map point (the browser test reads them). */
  newsPins: { number: number; title: string; x: number; y: number; nth: number }[] = [];
  /**
   * The map is still between changes, so it renders on demand: the loop draws a change in the next animation frame
   * and sleeps, and keeps running only while a tween plays. A state change, a selection, a language switch (all
   * through `refresh`), a click or wheel on the canvas and a resize of its box wake it. In software WebGL (classroom
   * laptops without a GPU, headless Chromium) every rendered frame of the full-size canvas costs tens of
   * milliseconds of CPU.
   */
  private framesLeft = 0;
  /**
   * True until `create` has run and again once the scene is shut down or destroyed: a `refresh` from the page's own
   * callbacks then draws nothing. Phaser boots asynchronously, so a language switch or the era's texts arriving can
   * ask for a refresh before the overlays exist (`create` draws the first frame itself).
   */
  private gone = true;
  private readonly wake = () => {
    this.framesLeft = FRAMES_AFTER_CHANGE;
    if (!this.game.loop.running) this.game.loop.wake(true);
  };
  /**
   * The animation frame that will wake the loop for a redrawn overlay. A sleeping loop's `wake` renders at once, so
   * a burst of refreshes in one task (a selection and the panels' redraw, a page script clicking through the map's
   * features) rendered a frame each where the screen shows only the last: `refresh` waits for the next frame, and
   * any step before it (a click on the canvas, a resize) renders the new overlay and cancels it.
   */
  private wakeFrame = 0;
  /** The view drawn last: a session notice that leaves it as it was (a classroom status push) draws nothing. */
  private drawnView: GameState | null = null;
  /**
   * The overlays' drawing commands and the labels' words as last drawn: a new view that draws the same (a
   * classmate's message or ready flag) renders no frame.
   */
  private drawnOverlay = '';

  constructor(private readonly deps: MapSceneDeps) {
    super({ key: 'MapScene' });
  }

  create(): void {
    const { map } = this.deps;
    // A plain image texture, not `addCanvas`: a CanvasTexture reads every pixel back (getImageData) for pixel
    // access we never use, which took most of the map's start-up (over a second) in software WebGL.
    this.textures.addImage('base-map', this.drawBase(map) as unknown as HTMLImageElement);
    // The coastlines, drawn once into a texture, under the overlays.
    this.add.image(0, 0, 'base-map').setOrigin(0, 0);
    this.overlay = this.add.graphics();
    this.addLabels(map);
    this.pinLayer = document.createElement('div');
    this.pinLayer.className = 'news-pins';
    this.pinLayer.setAttribute('role', 'group');
    this.pinLayer.setAttribute('aria-label', S.map.newsPins);
    this.pinLayer.dataset.test = 'news-pins';
    this.game.canvas.after(this.pinLayer);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.placePinLayer, this);

    this.input.on('pointermove', (pointer: Phaser.Input.Pointer) => {
      this.deps.onHover(this.pick(pointer.x, pointer.y), pointer.x, pointer.y);
    });
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) =>
      this.deps.onSelect(this.pick(pointer.x, pointer.y)),
    );
    this.input.on('gameout', () => this.deps.onHover(null, 0, 0));

    this.unsubscribe = this.deps.session.subscribe(() => {
      if (this.deps.session.view() !== this.drawnView) this.refresh();
    });
    const canvas = this.game.canvas;
    for (const type of WAKING_POINTER_EVENTS) canvas.addEventListener(type, this.wake, { passive: true });
    // The scale manager checks its parent's size only in a running step: a box that changes size while the loop
    // sleeps (the hot-seat pass screen hides the game, a panel opens) is refitted here.
    const resized = new ResizeObserver(() => {
      if (this.scale.getParentBounds()) this.scale.refresh();
      this.wake();
    });
    if (canvas.parentElement) resized.observe(canvas.parentElement);
    // A destroyed game destroys its scenes without shutting them down: a late resize or state change must not
    // wake a loop that no longer exists.
    const letGo = () => {
      this.gone = true;
      cancelAnimationFrame(this.wakeFrame);
      this.unsubscribe?.();
      this.unsubscribe = null;
      resized.disconnect();
      for (const type of WAKING_POINTER_EVENTS) canvas.removeEventListener(type, this.wake);
    };
    this.events.once(Phaser.Scenes.Events.DESTROY, letGo);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      letGo();
      this.scale.off(Phaser.Scale.Events.RESIZE, this.placePinLayer, this);
      this.pinLayer?.remove();
    });
    // prefers-reduced-motion: any tween on the map (none animates today; overlays are redrawn in place and the
    // camera never moves) completes at once rather than moving, and follows the setting if it changes.
    const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    const applyMotion = () => (this.tweens.timeScale = motion?.matches ? REDUCED_MOTION_TIME_SCALE : 1);
    applyMotion();
    motion?.addEventListener('change', applyMotion);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => motion?.removeEventListener('change', applyMotion));
    this.gone = false;
    this.refresh();
    this.deps.onReady?.();
  }

  override update(): void {
    cancelAnimationFrame(this.wakeFrame);
    this.wakeFrame = 0;
    if (this.tweens.getTweens().length > 0) this.framesLeft = FRAMES_AFTER_CHANGE;
    else if (this.framesLeft > 0) this.framesLeft -= 1;
    // The step that sleeps still renders: sleeping only stops the next frames.
    else this.game.loop.sleep();
  }

  /** What lies at a point of the canvas. */
  pick(x: number, y: number): MapSelection | null {
    return hitTest(this.deps.map, x, y, Object.keys(this.deps.session.view().projects));
  }

  /** Redraws every overlay from the current view. */
  refresh(): void {
    if (this.gone) return;
    const view = this.deps.session.view();
    const g = this.overlay;
    g.clear();
    this.drawFishing(g, view);
    this.drawProjects(g, view);
    this.drawTrust(g, view);
    this.drawIslands(g, view);
    this.relabel();
    this.labelIslands(view);
    this.drawCapitals(g);
    this.drawSelection(g, view);
    this.pinNews(view);
    this.drawnView = view;
    this.redraws += 1;
    const words = [
      ...this.labels.map((l) => l.text.text),
      ...[...this.islandLabels.values()].map((l) => l.text),
    ];
    const drawn = [g.commandBuffer.join(), ...words].join('\n');
    if (drawn === this.drawnOverlay) return;
    this.drawnOverlay = drawn;
    this.framesLeft = FRAMES_AFTER_CHANGE;
    if (!this.game.loop.running && !this.wakeFrame) this.wakeFrame = requestAnimationFrame(this.wake);
  }

  private drawBase(map: MapData): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = map.width;
    canvas.height = map.height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = css(SEA);
    ctx.fillRect(0, 0, map.width, map.height);
    const paint = (countries: MapCountry[]) => {
      for (const c of countries) {
        ctx.beginPath();
        for (const ring of c.rings) {
          ctx.moveTo(ring[0], ring[1]);
          for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i], ring[i + 1]);
          ctx.closePath();
        }
        ctx.fillStyle = css(landColour(c.seat));
        ctx.fill('evenodd');
        ctx.strokeStyle = css(COAST);
        ctx.lineWidth = 0.8;
        ctx.stroke();
      }
    };
    paint(map.countries);
    // The disputed islands are drawn in neutral land; their markers carry who holds them.
    ctx.fillStyle = css(0x8a8a80);
    for (const island of ISLANDS) {
      for (const ring of map.islands[island].rings) {
        ctx.beginPath();
        ctx.moveTo(ring[0], ring[1]);
        for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i], ring[i + 1]);
        ctx.closePath();
        ctx.fill();
      }
    }
    const box = map.inset.box;
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.width, box.height);
    ctx.clip();
    ctx.fillStyle = css(SEA);
    ctx.fillRect(box.x, box.y, box.width, box.height);
    paint(map.inset.countries);
    ctx.restore();
    ctx.strokeStyle = '#d8d8d8';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width, box.height);
    return canvas;
  }

  private text(x: number, y: number, content: string, size = 12, colour = LABEL): Phaser.GameObjects.Text {
    return this.add.text(x, y, content, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color: colour,
      stroke: LABEL_SHADOW,
      strokeThickness: 3,
    });
  }

  private addLabels(map: MapData): void {
    const skip = new Set(['tokyo', 'beijing', 'seoul', 'pyongyang']);
    // Each label reads the catalogue when drawn, so a language switch relabels the map (`relabel`).
    const label = (x: number, y: number, words: () => string, size: number) => {
      const text = this.text(x, y, words(), size);
      this.labels.push({ text, words });
      return text;
    };
    for (const [city, [x, y]] of Object.entries(map.cities)) {
      if (!skip.has(city)) this.add.circle(x, y, 2.5, 0xffffff);
      label(x + 5, y - 7, () => CITY_LABEL[city] ?? city, skip.has(city) ? 13 : 11);
    }
    for (const [city, [x, y]] of Object.entries(map.inset.cities)) {
      if (city !== 'moscow') this.add.circle(x, y, 2.5, 0xffffff);
      label(x + 6, y - 7, () => CITY_LABEL[city] ?? city, 11);
    }
    const box = map.inset.box;
    label(box.x + 6, box.y + box.height - 18, () => S.map.insetTitle, 11);
    const [ux, uy] = map.offMap.us;
    label(ux - 90, uy + 12, () => S.map.washington, 11).setWordWrapWidth(150);
    for (const island of ISLANDS) {
      const [x, y] = map.islands[island].at;
      const [dx, dy] = ISLAND_LABEL_OFFSET[island];
      // labelIslands words these on every refresh (name and holder).
      this.islandLabels.set(island, this.text(x + dx, y + dy, shortIsland(island), 11));
    }
  }

  /** Sets every fixed label to the catalogue's current words (Phaser skips a text that did not change). */
  private relabel(): void {
    for (const { text, words } of this.labels) text.setText(words());
  }

  private drawFishing(g: Phaser.GameObjects.Graphics, view: GameState): void {
    const f = this.deps.map.fishing;
    const points = [];
    for (let i = 0; i < f.length; i += 2) points.push(new Phaser.Math.Vector2(f[i], f[i + 1]));
    g.fillStyle(SEAT_COLOUR.russia, 0.08 + (0.45 * view.fishingTension) / 100);
    g.fillPoints(points, true);
    g.lineStyle(1, 0xd55e00, 0.6);
    g.strokePoints(points, true);
  }

  private drawProjects(g: Phaser.GameObjects.Graphics, view: GameState): void {
    for (const [id, state] of Object.entries(view.projects)) {
      const route = this.deps.map.projects[id];
      if (!route) continue;
      const style = STAGE_STYLE[state.stage];
      for (const line of [...route.map, ...route.inset]) {
        g.lineStyle(style.width + 2, 0x000000, 0.5);
        this.polyline(g, line);
        g.lineStyle(style.width, style.colour, 1);
        for (const dash of dashes(line, style.dash)) this.polyline(g, dash);
      }
    }
  }

  private polyline(g: Phaser.GameObjects.Graphics, flat: readonly number[]): void {
    g.beginPath();
    g.moveTo(flat[0], flat[1]);
    for (let i = 2; i < flat.length; i += 2) g.lineTo(flat[i], flat[i + 1]);
    g.strokePath();
  }

  private drawTrust(g: Phaser.GameObjects.Graphics, view: GameState): void {
    const seat = this.deps.session.activeSeat();
    const all = !seat || (this.deps.allTrust?.() ?? true);
    this.trustDrawn = [];
    for (const a of SEATS) {
      for (const b of SEATS) {
        if (a === b) continue;
        const own = !seat || a === seat || b === seat;
        if (!own && !all) continue;
        this.trustDrawn.push(`${a}>${b}`);
        // Lines that involve the player's own seat stand out; the rest of the table's stay in the background.
        const alpha = own ? 0.9 : 0.35;
        const trust = view.trust[a][b];
        const [[x1, y1], [x2, y2]] = trustSegment(this.deps.map, a, b);
        const colour = trustColour(trust);
        g.lineStyle(trustWidth(trust), colour, alpha);
        g.lineBetween(x1, y1, x2, y2);
        // The arrowhead points at the seat that is trusted.
        const angle = Math.atan2(y2 - y1, x2 - x1);
        const size = 6 + trustWidth(trust);
        g.fillStyle(colour, alpha);
        g.fillTriangle(
          x2,
          y2,
          x2 - size * Math.cos(angle - 0.45),
          y2 - size * Math.sin(angle - 0.45),
          x2 - size * Math.cos(angle + 0.45),
          y2 - size * Math.sin(angle + 0.45),
        );
      }
    }
  }

  private drawIslands(g: Phaser.GameObjects.Graphics, view: GameState): void {
    for (const island of ISLANDS) {
      const state = view.islands[island];
      const [x, y] = this.deps.map.islands[island].at;
      g.fillStyle(SEAT_COLOUR[state.administrator], 1);
      g.lineStyle(2, 0xffffff, 1);
      g.fillCircle(x, y, 7);
      g.strokeCircle(x, y, 7);
      // Garrison: one tick per level above the marker; joint activities: dots below; visa-free: an outer ring.
      g.lineStyle(2, 0xffffff, 0.95);
      for (let i = 0; i < state.garrison; i++) g.lineBetween(x - 9 + i * 2, y - 10, x - 9 + i * 2, y - 15);
      g.fillStyle(0x009e73, 1);
      for (let i = 0; i < state.jointActivities; i++) g.fillCircle(x - 5 + i * 5, y + 12, 2.2);
      if (view.visaFree) {
        g.lineStyle(1.5, 0x56b4e9, 1);
        g.strokeCircle(x, y, 11);
      }
    }
  }

  /**
   * Each island's label names its holder in words as well as by the marker's colour (issue 13: colour never carries
   * meaning alone).
   */
  private labelIslands(view: GameState): void {
    for (const island of ISLANDS) {
      this.islandLabels.get(island)?.setText(
        t('a11y.islandHeld', {
          island: shortIsland(island),
          seat: SEAT_LABEL[view.islands[island].administrator],
        }),
      );
    }
  }

  private drawCapitals(g: Phaser.GameObjects.Graphics): void {
    const caps = capitals(this.deps.map);
    for (const seat of SEATS) {
      const [x, y] = caps[seat];
      g.fillStyle(SEAT_COLOUR[seat], 1);
      g.lineStyle(2, 0xffffff, 1);
      g.fillRect(x - 5, y - 5, 10, 10);
      g.strokeRect(x - 5, y - 5, 10, 10);
    }
  }

  private drawSelection(g: Phaser.GameObjects.Graphics, view: GameState): void {
    const sel = this.deps.selection();
    if (!sel) return;
    g.lineStyle(3, 0xffff66, 1);
    const map = this.deps.map;
    if (sel.type === 'island')
      g.strokeCircle(map.islands[sel.island].at[0], map.islands[sel.island].at[1], 15);
    else if (sel.type === 'country') {
      const [x, y] = capitals(map)[sel.seat];
      g.strokeCircle(x, y, 14);
    } else if (sel.type === 'trust') {
      const [[x1, y1], [x2, y2]] = trustSegment(map, sel.from, sel.to);
      g.lineStyle(trustWidth(view.trust[sel.from][sel.to]) + 4, 0xffff66, 0.6);
      g.lineBetween(x1, y1, x2, y2);
    } else if (sel.type === 'project') {
      const route = map.projects[sel.project];
      g.lineStyle(8, 0xffff66, 0.5);
      for (const line of route ? [...route.map, ...route.inset] : []) this.polyline(g, line);
    }
  }

  /** Where a news item pops up: by the first seat its event names, else mid-map. */
  private anchor(view: GameState, item: NewsItem): [number, number] {
    const sc = scenarioOf(view);
    const event =
      sc.events.find((e) => e.id === item.eventId) ?? sc.wildcards.deck.find((e) => e.id === item.eventId);
    const caps = capitals(this.deps.map);
    const touchesIslands = event?.effects.some((e) =>
      ['garrison', 'garrison-set', 'joint-activities', 'visa-free', 'fishing-tension'].includes(e.type),
    );
    if (touchesIslands) return this.deps.map.islands.kunashiri.at;
    const seat = (event?.incident?.offender ?? event?.decision?.seat) as Seat | undefined;
    if (seat) return caps[seat];
    return [this.deps.map.width / 2, this.deps.map.height / 2];
  }

  /** Lays the pin layer exactly over the canvas, which Phaser scales to fit its box and centres. */
  private placePinLayer(): void {
    const layer = this.pinLayer;
    const canvas = this.game.canvas;
    if (!layer) return;
    layer.style.left = `${canvas.offsetLeft}px`;
    layer.style.top = `${canvas.offsetTop}px`;
    layer.style.width = `${canvas.offsetWidth}px`;
    layer.style.height = `${canvas.offsetHeight}px`;
  }

  /**
   * One small numbered pin per news item of the current year, at the place the item concerns; the title shows on
   * hover and focus only, so no news text covers the cities.
   */
  private pinNews(view: GameState): void {
    const layer = this.pinLayer;
    if (!layer) return;
    const { width, height } = this.deps.map;
    // Items about the same place sit side by side rather than on top of each other.
    const taken = new Map<string, number>();
    this.newsPins = pinnedNews(view).map((item, index) => {
      const [ax, ay] = this.anchor(view, item);
      const key = `${ax},${ay}`;
      const nth = taken.get(key) ?? 0;
      taken.set(key, nth + 1);
      const x = Phaser.Math.Clamp(ax + 14, 10, width - 10);
      const y = Phaser.Math.Clamp(ay - 14, 10, height - 10);
      return { number: index + 1, title: newsText(view, item).title, x, y, nth };
    });
    // A redraw (another seat's move) must not throw a keyboard user off the pin they are reading.
    const focused = layer.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusedPin = focused?.dataset.pin;
    layer.replaceChildren(
      ...this.newsPins.map((pin) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'news-pin';
        button.dataset.test = 'news-pin';
        button.dataset.pin = String(pin.number);
        // Side by side in page pixels, whatever the map's scale: 28 px apart keeps each pin a whole 24 px target
        // (WCAG 2.2's 2.5.8) that no neighbour covers.
        button.style.left = `calc(${(pin.x / width) * 100}% + ${pin.nth * 28}px)`;
        button.style.top = `${(pin.y / height) * 100}%`;
        const label = S.map.newsPin(pin.number, pin.title);
        button.setAttribute('aria-label', label);
        const number = document.createElement('span');
        number.textContent = String(pin.number);
        number.setAttribute('aria-hidden', 'true');
        const title = document.createElement('span');
        title.className = 'news-pin-title';
        title.dataset.test = 'news-pin-title';
        title.setAttribute('aria-hidden', 'true');
        title.textContent = label;
        button.append(number, title);
        return button;
      }),
    );
    if (focusedPin) layer.querySelector<HTMLElement>(`[data-pin="${focusedPin}"]`)?.focus();
    this.placePinLayer();
  }
}

/** An island's name on the map: the current language's name without the other side's in brackets. */
function shortIsland(island: Island): string {
  return ISLAND_LABEL[island].split(/\s*[(（]/)[0];
}
