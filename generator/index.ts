/**
 * wskit's library API: build a WebSocket API app model in TypeScript, synthesize its SAM template.
 * Only what is named here is public; helpers the modules share (name checks, id derivation) are not.
 *
 * @example
 * import { lambdaFunction, lambdaIntegration, route, webSocketApp } from 'wskit';
 * const echo = lambdaFunction('Echo', { entry: 'functions/echo.ts' });
 * export default webSocketApp({ name: 'echo', routes: [route('$default', lambdaIntegration(echo), { twoWay: true })] });
 */
export { BundleError, ModelError, UsageError, WskitError } from './errors';
export {
  type Finding,
  LintInputError,
  type LintOptions,
  lintTemplateText,
  type Severity,
} from './lint/index';
export { type AppProps, type RouteOptions, route, webSocketApp } from './model/app';
export { type FunctionProps, lambdaFunction } from './model/functions';
export {
  lambdaIntegration,
  type StepFunctionsSyncOptions,
  stepFunctionsSyncIntegration,
} from './model/integrations';
export { expressStateMachine, type StateMachineProps } from './model/state-machines';
export { connectionsTable, grantConnections, grantTable, type TableProps, tableName } from './model/tables';
export type * from './model/types';
export { RUNTIMES } from './model/types';
export { type SynthResult, synthesize } from './synth/synth';
export type { Json, Template } from './template/types';
export { type SectionComments, toYaml } from './template/yaml';
