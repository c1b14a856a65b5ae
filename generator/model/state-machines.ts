/** State machines (EXPRESS and STANDARD), defined by Amazon States Language documents. */
import { ModelError, show } from '../errors';
import type { Json } from '../template/types';
import { checkId, checkOneOf, checkPattern } from './check';
import { DEFAULTS } from './defaults';
import { kebabCase } from './names';
import {
  type Grant,
  STATE_MACHINE_LOG_LEVELS,
  type StateMachine,
  type StateMachineLogLevel,
  type StateMachineType,
} from './types';

export interface StateMachineProps {
  /** Parsed ASL definition (see `readStateMachineDefinition`). */
  readonly definition: Json;
  /** @default `<id in kebab case>.asl.json` */
  readonly definitionFileName?: string;
  /** @default 'ALL' (without execution data) */
  readonly logLevel?: StateMachineLogLevel;
  /** What its service tasks may do (e.g. grantConnections for `apigateway:invoke` to `@connections`). @default - nothing */
  readonly grants?: readonly Grant[];
}

/** An EXPRESS state machine, as StartSyncExecution requires. Makes `AWS::Serverless::StateMachine`. */
export function expressStateMachine(id: string, props: StateMachineProps): StateMachine {
  return stateMachine(id, props, 'EXPRESS');
}

/** A STANDARD state machine, for asynchronous work started with StartExecution. Makes `AWS::Serverless::StateMachine`. */
export function standardStateMachine(id: string, props: StateMachineProps): StateMachine {
  return stateMachine(id, props, 'STANDARD');
}

function stateMachine(id: string, props: StateMachineProps, type: StateMachineType): StateMachine {
  const path = `state machine ${show(id)}`;
  checkId(path, id);
  const definition = props.definition;
  if (
    !definition ||
    typeof definition !== 'object' ||
    Array.isArray(definition) ||
    !('States' in definition)
  ) {
    throw new ModelError(
      'E_MODEL_DEFINITION',
      `${path}: definition must be an ASL object with StartAt and States`,
      path,
    );
  }
  return {
    kind: 'stateMachine',
    id,
    definition,
    definitionFileName: checkPattern(
      `${path} definitionFileName`,
      props.definitionFileName ?? `${kebabCase(id)}.asl.json`,
      /^[a-z0-9][a-z0-9._-]*\.asl\.json$/,
      'a lower-case file name ending in .asl.json',
    ),
    logLevel: checkOneOf(
      `${path} logLevel`,
      props.logLevel ?? DEFAULTS.stateMachineLogLevel,
      STATE_MACHINE_LOG_LEVELS,
    ),
    type,
    grants: props.grants ?? [],
  };
}
