/**
 * Lambda runtime identifiers CloudFormation has accepted, each with the dates of its deprecation:
 * the day Lambda stops patching it, the day it refuses new functions on it (block function create:
 * a stack that creates one fails), and the day it refuses updates to existing ones (block function
 * update).
 *
 * Source: "Lambda runtimes" in the AWS Lambda Developer Guide
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), its supported and deprecated tables
 * (columns "Deprecation date", "Block function create", "Block function update"), as of 2026-12-06;
 * the block dates as that page lists them, cross-checked against cfn-lint's LmbdRuntimeLifecycle
 * data, which is taken from the same page. No maintained npm package carries these dates: update
 * this table from that page. A date left out is not announced (the Amazon Linux 2 runtimes were
 * extended past 2026-06-30 with no new date yet); a runtime without a block-create date is treated
 * as still creatable. Within a family, runtimes are listed oldest first; the newest one not
 * deprecated on the day of the lint is the one recommended.
 */

export interface RuntimeEntry {
  readonly id: string;
  /** `YYYY-MM-DD`, when announced. */
  readonly deprecated?: string;
  /** `YYYY-MM-DD` from which Lambda refuses to create functions on it, when announced. */
  readonly createBlocked?: string;
  /** `YYYY-MM-DD` from which Lambda refuses to update functions on it, when announced. */
  readonly updateBlocked?: string;
}

const r = (
  id: string,
  deprecated?: string,
  createBlocked?: string,
  updateBlocked?: string,
): RuntimeEntry => ({
  id,
  ...(deprecated ? { deprecated } : {}),
  ...(createBlocked ? { createBlocked } : {}),
  ...(updateBlocked ? { updateBlocked } : {}),
});

export const RUNTIMES_AS_OF = '2026-12-06';

/** Runtime families, oldest first. `go1.x` and `provided` are succeeded by the OS-only runtimes. */
export const RUNTIME_FAMILIES: Readonly<Record<string, readonly RuntimeEntry[]>> = {
  nodejs: [
    r('nodejs', '2016-10-31', '2016-10-31', '2016-10-31'),
    r('nodejs4.3', '2020-03-05', '2020-03-05', '2020-03-05'),
    r('nodejs4.3-edge', '2019-04-30', '2019-04-30', '2019-04-30'),
    r('nodejs6.10', '2019-08-12', '2019-08-12', '2019-08-12'),
    r('nodejs8.10', '2020-03-06', '2020-03-06', '2020-03-06'),
    r('nodejs10.x', '2021-07-30', '2021-07-30', '2022-02-14'),
    r('nodejs12.x', '2023-03-31', '2023-03-31', '2023-04-30'),
    r('nodejs14.x', '2023-12-04', '2024-07-09', '2025-11-01'),
    r('nodejs16.x', '2024-06-12', '2025-10-01', '2026-03-09'),
    r('nodejs18.x', '2025-09-01', '2025-10-01', '2026-03-09'),
    r('nodejs20.x', '2026-04-30', '2026-08-31', '2026-09-30'),
    r('nodejs22.x', '2027-04-30', '2027-06-01', '2027-07-01'),
    r('nodejs24.x', '2028-04-30'),
  ],
  python: [
    r('python2.7', '2021-07-15', '2021-07-15', '2022-05-30'),
    r('python3.6', '2022-07-18', '2022-07-18', '2022-08-29'),
    r('python3.7', '2023-12-04', '2024-01-09', '2025-11-01'),
    r('python3.8', '2024-10-14', '2025-10-01', '2025-11-01'),
    r('python3.9', '2025-12-15', '2026-08-31', '2026-09-30'),
    r('python3.10'),
    r('python3.11'),
    r('python3.12', '2028-10-31'),
    r('python3.13', '2029-06-30'),
    r('python3.14', '2029-06-30'),
  ],
  java: [
    r('java8', '2024-01-08', '2024-02-08', '2025-11-01'),
    r('java8.al2'),
    r('java11'),
    r('java17'),
    r('java21'),
    r('java25', '2029-06-30'),
  ],
  dotnet: [
    r('dotnetcore1.0', '2019-07-30', '2019-07-30', '2019-07-30'),
    r('dotnetcore2.0', '2019-05-30', '2019-05-30', '2019-05-30'),
    r('dotnetcore2.1', '2022-01-05', '2022-01-05', '2022-04-13'),
    r('dotnetcore3.1', '2023-04-03', '2023-04-03', '2023-05-03'),
    r('dotnet6', '2024-12-20', '2025-10-01', '2025-11-01'),
    r('dotnet8', '2026-11-10'),
    r('dotnet10', '2028-11-14'),
  ],
  ruby: [
    r('ruby2.5', '2021-07-30', '2021-07-30', '2022-03-31'),
    r('ruby2.7', '2023-12-07', '2024-01-09', '2025-11-01'),
    r('ruby3.2', '2026-03-31'),
    r('ruby3.3', '2027-03-31'),
    r('ruby3.4', '2028-03-31'),
  ],
  provided: [
    r('go1.x', '2024-01-08', '2024-02-08', '2025-11-01'),
    r('provided', '2024-01-08', '2024-02-08', '2025-11-01'),
    r('provided.al2'),
    r('provided.al2023'),
  ],
};

/** Every runtime identifier CloudFormation has accepted, sorted. */
export const LAMBDA_RUNTIMES: readonly string[] = Object.values(RUNTIME_FAMILIES)
  .flatMap((family) => family.map((entry) => entry.id))
  .sort();

const isDeprecated = (entry: RuntimeEntry, on: Date) =>
  entry.deprecated !== undefined && new Date(entry.deprecated) <= on;

const isPast = (date: string | undefined, on: Date) => date !== undefined && new Date(date) <= on;

export interface RuntimeDeprecation {
  readonly since: string;
  /** The newest runtime of its family not deprecated on the day. */
  readonly use?: string;
  /** Set once Lambda refuses new functions on it: a stack that creates one fails. */
  readonly createBlocked?: string;
  readonly updateBlocked?: string;
}

/** When `runtime` is deprecated on `on`: since when, whether creating or updating is blocked, and what to use. */
export function runtimeDeprecation(runtime: string, on: Date): RuntimeDeprecation | undefined {
  for (const family of Object.values(RUNTIME_FAMILIES)) {
    const entry = family.find((e) => e.id === runtime);
    if (!entry) continue;
    if (!isDeprecated(entry, on)) return undefined;
    const use = family.findLast((e) => !isDeprecated(e, on))?.id;
    return {
      since: entry.deprecated as string,
      use,
      ...(isPast(entry.createBlocked, on) ? { createBlocked: entry.createBlocked } : {}),
      ...(isPast(entry.updateBlocked, on) ? { updateBlocked: entry.updateBlocked } : {}),
    };
  }
  return undefined;
}
