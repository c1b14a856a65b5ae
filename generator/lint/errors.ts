/** Errors of `wskit lint`: a template that cannot be read or parsed is exit status 1, like cfn-lint. */
import { WskitError } from '../errors';

export class LintInputError extends WskitError {
  override readonly exitCode = 1;
}
