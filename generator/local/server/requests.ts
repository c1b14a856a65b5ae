/**
 * Plain HTTP requests on the API's port: the `@connections` management API, `POST /@schedules/<id>`
 * (fires a schedule now), the handlers' SDK calls to the local services (services/sdk-front.ts),
 * and for anything else
 * 426 Upgrade Required, as API Gateway answers a WebSocket URL fetched without an upgrade. Every
 * request passes the access check first (a DNS-rebound Host or a foreign Origin gets 403).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleManagementRequest } from '../connections/management-api';
import { handleScheduleRequest } from '../services/schedules/fire';
import { handleSdkRequest } from '../services/sdk-front';
import { checkAccess } from './access';
import type { Gateway } from './gateway';

export function handleHttpRequest(gw: Gateway, request: IncomingMessage, response: ServerResponse): void {
  const refusal = checkAccess(request, gw.access);
  if (refusal) {
    gw.log.line(`${request.method} ${request.url} ${refusal}`);
    response
      .writeHead(403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ message: 'Forbidden' }));
    return;
  }
  if (handleManagementRequest(request, response, gw.registry, gw.log)) return;
  if (handleScheduleRequest(request, response, gw.services.aws, gw.log)) return;
  if (handleSdkRequest(request, response, gw.services.aws, gw.log)) return;
  response
    .writeHead(426, { 'content-type': 'application/json' })
    .end(JSON.stringify({ message: 'Upgrade Required' }));
}
