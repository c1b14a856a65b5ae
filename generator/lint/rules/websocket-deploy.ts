/**
 * Rule 4, deployment: a Deployment must depend on every route of its API (else a stack update can
 * snapshot the API before its routes exist, or never redeploy), unless the stage auto-deploys; a
 * stage needs a deployment; stages get throttling and a way to turn access logging on.
 */
import type { LintContext } from '../types';
import { isObject } from '../values';
import { dependencyGraph } from './intrinsics';
import { targetOf, type WebSocketApi, webSocketApis } from './websocket-model';

export function checkWebSocketDeployment(ctx: LintContext): void {
  const apis = webSocketApis(ctx);
  if (apis.length === 0) return;
  const graph = dependencyGraph(ctx);
  for (const ws of apis) {
    const autoDeploys = ws.stages.some(
      (s) => s.properties.AutoDeploy === true || s.properties.AutoDeploy === 'true',
    );
    if (!autoDeploys) checkDeploymentDependencies(ctx, ws, graph);
    for (const stage of ws.stages) {
      const at = ['Resources', stage.id];
      const deploymentId = stage.properties.DeploymentId;
      const deployedByDeployment = ws.deployments.some((d) => targetOf(d.properties.StageName) === stage.id);
      if (deploymentId === undefined && !autoDeploys && !deployedByDeployment) {
        ctx.report(
          'W9009',
          at,
          `${stage.id}: the stage has no DeploymentId and AutoDeploy is off, so it never serves the API's routes`,
        );
      }
      checkStageHygiene(ctx, stage.id, stage.properties);
    }
    if (ws.stages.length === 0 && ws.routes.length > 0) {
      ctx.report(
        'W9009',
        ['Resources', ws.api.id],
        `${ws.api.id}: the API has routes but no AWS::ApiGatewayV2::Stage, so clients cannot connect`,
      );
    }
  }
}

function checkDeploymentDependencies(
  ctx: LintContext,
  ws: WebSocketApi,
  graph: Map<string, Set<string>>,
): void {
  for (const deployment of ws.deployments) {
    const reachable = closure(graph, deployment.id);
    const missingRoutes = ws.routes.filter((r) => !reachable.has(r.id)).map((r) => r.id);
    const at =
      deployment.raw.DependsOn === undefined
        ? ['Resources', deployment.id]
        : ['Resources', deployment.id, 'DependsOn'];
    // With no route among its dependencies, CloudFormation may make the deployment first, and an
    // API with no route cannot be deployed: the stack fails. With some, it deploys; the routes left
    // out are served only once a later deployment includes them.
    const reachesNoRoute = missingRoutes.length === ws.routes.length;
    if (missingRoutes.length > 0) {
      ctx.report(
        reachesNoRoute ? 'E9008' : 'W9016',
        at,
        `${deployment.id}: the Deployment does not depend on route${missingRoutes.length > 1 ? 's' : ''} ${missingRoutes.join(', ')}; add ${missingRoutes.length > 1 ? 'them' : 'it'} to DependsOn (or set AutoDeploy on the stage) so the deployment includes every route${reachesNoRoute ? '' : ' (without it, a deployment made first leaves it out until the next one)'}`,
      );
    }
    const missingResponses = [...ws.routeResponses, ...ws.integrationResponses]
      .filter((r) => !reachable.has(r.id))
      .map((r) => r.id);
    if (missingResponses.length > 0) {
      ctx.report(
        'W9008',
        at,
        `${deployment.id}: the Deployment does not depend on ${missingResponses.join(', ')}; a deployment made before ${missingResponses.length > 1 ? 'they exist' : 'it exists'} answers without ${missingResponses.length > 1 ? 'them' : 'it'}`,
      );
    }
  }
}

function closure(graph: Map<string, Set<string>>, start: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...(graph.get(start) ?? [])];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(graph.get(id) ?? []));
  }
  return seen;
}

function checkStageHygiene(ctx: LintContext, id: string, props: Record<string, unknown>): void {
  const defaults = props.DefaultRouteSettings;
  const throttled =
    (isObject(defaults) &&
      (defaults.ThrottlingBurstLimit !== undefined || defaults.ThrottlingRateLimit !== undefined)) ||
    (isObject(props.RouteSettings) && Object.keys(props.RouteSettings).length > 0);
  if (!throttled) {
    ctx.report(
      'I9201',
      ['Resources', id],
      `${id}: the stage sets no throttling (DefaultRouteSettings ThrottlingBurstLimit/ThrottlingRateLimit), so it takes the account-wide limits`,
    );
  }
  if (props.AccessLogSettings === undefined) {
    ctx.report(
      'I9202',
      ['Resources', id],
      `${id}: the stage has no AccessLogSettings, not even behind a condition, so access logging cannot be turned on without editing the template`,
    );
  }
}
