/** Errors of `wskit local` the user can act on: an unreadable template, a route with no integration, ... */
import { WskitError } from '../errors';

export class LocalError extends WskitError {
  override readonly exitCode = 2;
}
