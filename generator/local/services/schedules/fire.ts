/**
 * Firing a schedule on demand, from the library (`LocalServer.fireSchedule`) and over HTTP
 * (`POST /@schedules/<id>` on the emulator's port, so `curl` fires one from a shell or a test in
 * any language): both go through the schedules service's action.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalError } from '../../errors';
import type { Logger } from '../../log';
import type { RunningServices } from '../registry';
import { FIRE_ACTION } from './index';

const PATH = /^\/@schedules\/([^/?]+)\/?(?:\?.*)?$/;

export async function fireSchedule(services: RunningServices, id: string): Promise<void> {
  const answer = await (services.action(FIRE_ACTION) as NonNullable<ReturnType<RunningServices['action']>>)({
    id,
  });
  if (answer.statusCode !== 200) throw new LocalError('E_LOCAL_SCHEDULE', String(answer.body.message), id);
}

/** True when the request is `POST /@schedules/<id>`; the answer is then sent. */
export function handleScheduleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  services: RunningServices,
  log: Logger,
): boolean {
  const match = PATH.exec(request.url ?? '');
  if (!match) return false;
  const send = (status: number, body: unknown) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (request.method !== 'POST') {
    send(405, { message: 'Method Not Allowed: POST /@schedules/<id> fires a schedule now' });
    return true;
  }
  const id = decodeURIComponent(match[1] as string);
  request.resume();
  fireSchedule(services, id).then(
    () => {
      log.line(`POST /@schedules/${id} 200`);
      send(200, { fired: id });
    },
    (error: Error) => {
      log.line(`POST /@schedules/${id} 404 ${error.message}`);
      send(404, { message: error.message });
    },
  );
  return true;
}
