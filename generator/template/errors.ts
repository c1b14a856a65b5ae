/** Errors in a template's SAM forms the user can act on: a WebSocketApi route key SAM refuses, ... */
import { WskitError } from '../errors';

export class TemplateError extends WskitError {
  override readonly exitCode = 2;

  constructor(
    code: string,
    message: string,
    path?: string,
    /** `path` as segments, for tools that point into the template (the linter). */
    readonly segments: readonly string[] = path ? path.split('.') : [],
  ) {
    super(code, message, path);
  }
}
