/** API Gateway's WebSocket quotas, and how the emulator enforces the frame limit on a ws socket. */
import type { WebSocket } from 'ws';

export {
  FRAME_LIMIT_BYTES,
  IDLE_TIMEOUT_MS,
  INTEGRATION_TIMEOUT_MS,
  MAX_CONNECTION_MS,
  MESSAGE_LIMIT_BYTES,
} from '../../api-gateway-quotas';

interface ReceiverInternals {
  _payloadLength: number;
  _opcode: number;
  haveLength(cb: (error?: Error) => void): void;
  createError(type: typeof RangeError, message: string, prefix: boolean, status: number, code: string): Error;
}

/**
 * ws limits whole messages (maxPayload) but not single frames; API Gateway closes with 1009 on a data
 * frame over 32 KB too. This wraps the socket's frame parser, if its shape is the one we know.
 */
export function limitFrameSize(socket: WebSocket, limitBytes: number): boolean {
  const receiver = (socket as unknown as { _receiver?: ReceiverInternals })._receiver;
  const original = receiver?.haveLength;
  if (!receiver || typeof original !== 'function' || typeof receiver.createError !== 'function') return false;
  receiver.haveLength = function (this: ReceiverInternals, cb) {
    if (this._opcode < 0x08 && this._payloadLength > limitBytes) {
      cb(
        this.createError(RangeError, 'Frame size exceeded', false, 1009, 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'),
      );
      return;
    }
    original.call(this, cb);
  };
  return true;
}
