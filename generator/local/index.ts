/**
 * `wskit/local`: the emulator behind `wskit local`, for an app's own tests. A subpath of its own, so
 * `import 'wskit'` (models, synthesis, lint) never loads the WebSocket server or the table server.
 *
 * @example
 * import { startLocal } from 'wskit/local';
 * const local = await startLocal({ appDir: 'my-api', port: 0, waitScale: 0 });
 * // connect a WebSocket client to local.url, then:
 * await local.close();
 */

export type { ConsoleOptions } from './console/options';
export { type LocalServer, type StartLocalOptions, startLocal } from './start-local';
export type { LocalApp } from './types';
