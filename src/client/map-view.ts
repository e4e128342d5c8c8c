/**
 * Starts Phaser with the map scene. Kept apart (and imported lazily) so Phaser loads as its own chunk after the
 * start screen is up.
 */
import * as Phaser from 'phaser';
import { MapScene, type MapSceneDeps } from './scenes/MapScene';

export interface MapView {
  game: Phaser.Game;
  scene: MapScene;
}

/**
 * The map scene sends the loop to sleep between changes, and Phaser destroys a game only in its next step: wake the
 * loop so a destroyed map lets go of its WebGL context, canvas and listeners at once.
 */
class OnDemandGame extends Phaser.Game {
  override destroy(removeCanvas: boolean, noReturn?: boolean): void {
    super.destroy(removeCanvas, noReturn);
    // Before the game has started, its first step destroys it.
    if (this.isRunning) this.loop.wake();
  }
}

/** Creates the WebGL game in `parent`, sized to the projected map and scaled to fit its box. */
export function createMapView(parent: HTMLElement, deps: MapSceneDeps): MapView {
  const scene = new MapScene(deps);
  const game = new OnDemandGame({
    type: Phaser.WEBGL,
    parent,
    width: deps.map.width,
    height: deps.map.height,
    backgroundColor: '#142a40',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    scene: [scene],
  });
  return { game, scene };
}
