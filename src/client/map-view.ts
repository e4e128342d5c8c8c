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

/** Creates the WebGL game in `parent`, sized to the projected map and scaled to fit its box. */
export function createMapView(parent: HTMLElement, deps: MapSceneDeps): MapView {
  const scene = new MapScene(deps);
  const game = new Phaser.Game({
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
