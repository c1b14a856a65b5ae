/** The generated app's README: what is inside, how to deploy it, try it, and clean up. */
import type { App } from '../model/types';
import { collectParts } from '../model/validate-app';

export interface ReadmeInput {
  readonly app: App;
  readonly stackName: string;
  /** The command that generated the app, shown so it can be regenerated. */
  readonly generatedWith: string;
  readonly tryIt: { readonly send: string; readonly expect: string };
}

export function appReadme({ app, stackName, generatedWith, tryIt }: ReadmeInput): string {
  const routes = app.routes.map(
    (route) =>
      `| \`${route.routeKey}\` | ${describeIntegration(route.integration)} | ${route.twoWay ? 'yes' : 'no'} |`,
  );
  const connect = connectArguments(app);
  return `# ${app.name}

${app.description}.

Generated with \`${generatedWith}\`. The template is plain AWS SAM: edit it freely, or change the
generator's input and generate again.

| Route | Integration | Answers the sender |
| --- | --- | --- |
${routes.join('\n')}

## Deploy

Needs the AWS SAM CLI and credentials. The function bundles are already built, so there is no \`sam build\` step:

\`\`\`bash
sam deploy --guided     # the first time; later runs read samconfig.toml: sam deploy
\`\`\`

Or, with Node.js 22 or 24 and no SAM CLI: \`npx wskit deploy .\`

## Try it

Connect to the \`APIEndpoint\` URL from the stack outputs and send a message:

\`\`\`bash
wscat ${connect.before}-c "$(aws cloudformation describe-stacks --stack-name ${stackName} --query "Stacks[0].Outputs[?OutputKey=='APIEndpoint'].OutputValue" --output text)${connect.after}"
> ${tryIt.send}
\`\`\`

What comes back: ${tryIt.expect}.
${connect.note}
To try it on this machine before deploying: \`npx wskit local .${connect.local} --watch\` and \`wscat ${connect.before}-c "ws://127.0.0.1:3001${connect.after}"\`.
With \`--watch\`, changes to ${watchedFiles(app)} apply as you save them.

${app.form === 'sam' ? SAM_FORM_NOTE : ''}## Access logs

Access logging is off by default, because API Gateway needs a one-time, account-wide CloudWatch
Logs role before any stage may log. To turn it on:

1. Create a role that \`apigateway.amazonaws.com\` may assume, with the managed policy
   \`AmazonAPIGatewayPushToCloudWatchLogs\`.
2. \`aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=<role ARN>\`
3. \`sam deploy --parameter-overrides EnableAccessLogs=true\`

## Clean up

\`\`\`bash
aws cloudformation delete-stack --stack-name ${stackName}
aws cloudformation wait stack-delete-complete --stack-name ${stackName}
\`\`\`

Or: \`npx wskit delete --stack-name ${stackName}\`
`;
}

function describeIntegration(integration: App['routes'][number]['integration']): string {
  if (integration.kind === 'lambda') return `Lambda \`${integration.function.id}\``;
  if (integration.kind === 'service') return `\`${integration.action}\` on \`${integration.target.id}\``;
  if (integration.kind === 'mock') return 'API Gateway itself (MOCK, 200)';
  return `Step Functions \`${integration.stateMachine.id}\` (StartSyncExecution)`;
}

/** What `wskit local --watch` follows in this app, in words. */
function watchedFiles(app: App): string {
  const parts = collectParts(app);
  const files = [
    'template.yml',
    ...(parts.stateMachines.length > 0 ? ['the state machine definitions in statemachine/'] : []),
    ...(parts.functions.length > 0 ? ['the function bundles in functions/'] : []),
  ];
  return files.length > 2 ? `${files.slice(0, -1).join(', ')} and ${files.at(-1)}` : files.join(' and ');
}

/** How a client presents the authorizer's token: `?token=` on the URL or a header, and the secret it is. */
function connectArguments(app: App) {
  const source = app.authorizer?.identitySource[0];
  const secrets = collectParts(app).functions.flatMap((fn) =>
    Object.values(fn.environment).flatMap((value) =>
      typeof value !== 'string' && value.kind === 'secretParameter' ? [value.name] : [],
    ),
  );
  const secret = secrets[0];
  if (!source || !secret) return { before: '', after: '', local: '', note: '' };
  const name = source.split('.').at(-1) as string;
  const query = source.startsWith('route.request.querystring.');
  return {
    before: query ? '' : `-H "${name}: $TOKEN" `,
    after: query ? `?${name}=$TOKEN` : '',
    local: ` --parameter-overrides ${secret}=$TOKEN`,
    note: `\n\`$TOKEN\` is the \`${secret}\` you gave \`sam deploy --guided\` (16 characters or more); \`$connect\` refuses connections without it. Replace the comparison in the authorizer function with your own verification (a JWT, Amazon Cognito) before real use.\n`,
  };
}

const SAM_FORM_NOTE = `## How the API is written

The API is SAM's own \`AWS::Serverless::WebSocketApi\`: the transform makes the routes, their
Lambda integrations, permissions scoped to the stage, an auto-deploying stage and the authorizer.
Two things it does not make sit beside it in the template:

- the \`RouteResponse\` that lets a two-way route answer the sender, pointing at the route the
  transform names \`WebSocketApi<Key>Route\`;
- nothing else: its stage deploys itself on every change (AutoDeploy), so no Deployment has to
  wait for the routes, as it must with raw resources.

`;
