/** Errors of the deploy client: what went wrong on the way to (or inside) CloudFormation, in one line. */
import { WskitError } from '../errors';

/** A deploy, delete or outputs command that cannot go on: bad configuration, a missing file, a stack state. */
export class DeployError extends WskitError {}

/** No region or no credentials: found before any call to AWS. */
export class AwsSetupError extends WskitError {}

/** Ctrl-C while waiting: the stack operation goes on; only wskit stopped watching. */
export class InterruptedError extends WskitError {
  override readonly exitCode = 130;
}
