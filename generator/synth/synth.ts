/**
 * App model → CloudFormation template, plus the files the template points at. Pure: the same app
 * gives the same result; bundling and writing happen in ../app.
 */

import type { App, LambdaFunction } from '../model/types';
import { collectParts } from '../model/validate-app';
import { SAM_TRANSFORM, type Template } from '../template/types';
import { addApi, addStageAndDeployment, apiConditions, apiParameters } from './api';
import { addAuthorizer } from './authorizers';
import { ResourceCollector } from './collector';
import { addFunction, secretParameters } from './functions';
import { functionIds, stateMachineIds } from './ids';
import { addEventBus, addQueue, addTopic, alarmConditions, alarmParameters } from './messaging';
import { outputs } from './outputs';
import { addRoute } from './routes';
import { toSamForm } from './sam-form';
import { addStateMachine } from './state-machines';
import { addTable } from './tables';

export interface SynthResult {
  readonly template: Template;
  /** Comment banners to print above resources, keyed by logical id. */
  readonly banners: Readonly<Record<string, string>>;
  /** Files written verbatim next to the template (state machine definitions). */
  readonly files: readonly { readonly path: string; readonly content: string }[];
  /** Functions to bundle, each into the folder its CodeUri names. */
  readonly bundles: readonly { readonly fn: LambdaFunction; readonly codeDir: string }[];
}

export function synthesize(app: App): SynthResult {
  const parts = collectParts(app);
  const retention = app.stage.accessLogRetentionDays;
  // Routes are built first because the deployment's id hashes them; they are placed after it.
  const routes = new ResourceCollector();
  const deploymentDependencies = app.routes.flatMap((route) => addRoute(routes, route, app.authorizer));

  const out = new ResourceCollector();
  addApi(out, app);
  addStageAndDeployment(out, app, routes.resources, deploymentDependencies);
  out.addAll(routes);
  if (app.authorizer) addAuthorizer(out, app.authorizer);
  for (const fn of parts.functions) addFunction(out, fn, retention);
  for (const table of parts.tables) addTable(out, table);
  const startedSynchronously = new Set(
    app.routes.flatMap((route) =>
      route.integration.kind === 'stepFunctionsSync' ? [route.integration.stateMachine.id] : [],
    ),
  );
  for (const machine of parts.stateMachines) {
    addStateMachine(out, machine, retention, startedSynchronously.has(machine.id));
  }
  for (const queue of parts.queues) addQueue(out, queue);
  for (const topic of parts.topics) addTopic(out, topic);
  for (const bus of parts.eventBuses) addEventBus(out, bus);

  const template: Template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: SAM_TRANSFORM,
    Description: app.description,
    Parameters: {
      ...apiParameters(app),
      ...secretParameters(parts.functions),
      ...(parts.queues.length > 0 ? alarmParameters() : {}),
    },
    Conditions: { ...apiConditions(), ...(parts.queues.length > 0 ? alarmConditions() : {}) },
    Resources: out.resources,
    Outputs: outputs(parts),
  };
  return {
    template: app.form === 'sam' ? toSamForm(app, template) : template,
    banners: out.banners,
    files: parts.stateMachines.map((machine) => ({
      path: stateMachineIds(machine).definitionPath,
      content: `${JSON.stringify(machine.definition, null, 2)}\n`,
    })),
    bundles: parts.functions.map((fn) => ({ fn, codeDir: functionIds(fn).codeDir })),
  };
}
