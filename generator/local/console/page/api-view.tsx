/** The API page: stage, selection expression, endpoints, routes with what runs them, functions. */
import type { AppInfo } from './store';
import { Pairs, Panel } from './ui';

export function ApiView({ app }: { app: AppInfo }) {
  return (
    <div class="stack">
      <Panel title="Endpoints">
        <Pairs
          rows={[
            ['WebSocket', <code>{app.endpoints.url}</code>],
            ['@connections', <code>{app.endpoints.connections}</code>],
            ['AWS SDK endpoint', <code>{app.endpoints.sdk}</code>],
            ...(app.endpoints.dynamodb
              ? [['DynamoDB', <code>{app.endpoints.dynamodb}</code>] as [string, preact.ComponentChildren]]
              : []),
            ['stage', app.stage],
            ['route selection', <code>{app.routeSelectionExpression}</code>],
            ['API id / region', `${app.apiId} / ${app.region}`],
          ]}
        />
      </Panel>
      <Panel title={`Routes (${app.routes.length})`}>
        <table class="grid">
          <thead>
            <tr>
              <th>route</th>
              <th>integration</th>
              <th>target</th>
              <th>answers</th>
              <th>authorizer</th>
            </tr>
          </thead>
          <tbody>
            {app.routes.map((route) => (
              <tr key={route.routeKey}>
                <td>
                  <code>{route.routeKey}</code>
                </td>
                <td>
                  <span class={`kind ${route.integration.kind}`}>{route.integration.kind}</span>
                </td>
                <td>{route.integration.target}</td>
                <td>{route.twoWay ? 'two-way' : 'one-way'}</td>
                <td>
                  {route.authorizer
                    ? `${route.authorizer.name} (${route.authorizer.identitySource.join(', ')})`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      {app.functions.length > 0 && (
        <Panel title={`Functions (${app.functions.length})`}>
          {app.functions.map((fn) => (
            <details key={fn.id}>
              <summary>
                <b>{fn.id}</b>{' '}
                <span class="muted">
                  {fn.runtime} · {fn.handler} · {fn.timeoutSeconds}s
                </span>
              </summary>
              <Pairs
                rows={Object.entries(fn.environment).map(([name, value]) => [name, <code>{value}</code>])}
              />
            </details>
          ))}
        </Panel>
      )}
    </div>
  );
}
