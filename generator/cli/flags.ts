/** Checks of command-line values shared by several commands; each error names the flag and what is allowed. */
import { show, UsageError } from '../errors';

/** API Gateway stage names: letters, digits, hyphens and underscores. */
export function checkStageFlag(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(value)) {
    throw new UsageError(
      'E_USAGE',
      `--stage ${show(value)}: use letters, digits, hyphens and underscores, 1 to 128`,
      'stage',
    );
  }
  return value;
}

/** AWS region names such as us-east-1, us-gov-west-1, cn-north-1. */
export function checkRegionFlag(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) {
    throw new UsageError(
      'E_USAGE',
      `--region ${show(value)}: expected a region name such as "us-east-1"`,
      'region',
    );
  }
  return value;
}
