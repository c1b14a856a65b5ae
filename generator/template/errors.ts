/** Errors in a template's SAM forms the user can act on: a WebSocketApi route key SAM refuses, ... */
import { WskitError } from '../errors';

export class TemplateError extends WskitError {
  override readonly exitCode = 2;
}
