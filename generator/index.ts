/**
 * wskit's library API: build a WebSocket API app model in TypeScript, synthesize its SAM template.
 *
 * @example
 * import { lambdaFunction, lambdaIntegration, route, webSocketApp } from 'wskit';
 * const echo = lambdaFunction('Echo', { entry: 'functions/echo.ts' });
 * export default webSocketApp({ name: 'echo', routes: [route('$default', lambdaIntegration(echo), { twoWay: true })] });
 */
export * from './errors';
export { type Finding, lintTemplateText, type Severity } from './lint/index';
export * from './model/build';
export type * from './model/types';
export { RUNTIMES } from './model/types';
export { type SynthResult, synthesize } from './synth/synth';
export type { Template } from './template/types';
export { toYaml } from './template/yaml';
