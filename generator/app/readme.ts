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
wscat -c "$(aws cloudformation describe-stacks --stack-name ${stackName} --query "Stacks[0].Outputs[?OutputKey=='APIEndpoint'].OutputValue" --output text)"
> ${tryIt.send}
\`\`\`

What comes back: ${tryIt.expect}.

To try it on this machine before deploying: \`npx wskit local . --watch\` and \`wscat -c ws://127.0.0.1:3001\`.
With \`--watch\`, changes to ${watchedFiles(app)} apply as you save them.

## Access logs

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
  return integration.kind === 'lambda'
    ? `Lambda \`${integration.function.id}\``
    : `Step Functions \`${integration.stateMachine.id}\` (StartSyncExecution)`;
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
