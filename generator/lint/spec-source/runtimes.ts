/**
 * Lambda runtime identifiers CloudFormation has accepted, each with the date AWS deprecates it
 * (the date Lambda stops patching it and stops taking new functions on it).
 *
 * Source: "Lambda runtimes" in the AWS Lambda Developer Guide
 * (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), supported and deprecated tables,
 * as of 2026-11-30. No maintained package carries these dates: update this table from that page.
 * A runtime without a date has none announced (the Amazon Linux 2 ones were extended past
 * 2026-06-30 with no new date yet). Within a family, runtimes are listed oldest first; the newest
 * one not deprecated on the day of the lint is the one recommended.
 */

export interface RuntimeEntry {
  readonly id: string;
  /** `YYYY-MM-DD`, when announced. */
  readonly deprecated?: string;
}

const r = (id: string, deprecated?: string): RuntimeEntry => (deprecated ? { id, deprecated } : { id });

export const RUNTIMES_AS_OF = '2026-11-30';

/** Runtime families, oldest first. `go1.x` and `provided` are succeeded by the OS-only runtimes. */
export const RUNTIME_FAMILIES: Readonly<Record<string, readonly RuntimeEntry[]>> = {
  nodejs: [
    r('nodejs', '2016-10-31'),
    r('nodejs4.3', '2020-03-05'),
    r('nodejs4.3-edge', '2019-04-30'),
    r('nodejs6.10', '2019-08-12'),
    r('nodejs8.10', '2020-03-06'),
    r('nodejs10.x', '2021-07-30'),
    r('nodejs12.x', '2023-03-31'),
    r('nodejs14.x', '2023-12-04'),
    r('nodejs16.x', '2024-06-12'),
    r('nodejs18.x', '2025-09-01'),
    r('nodejs20.x', '2026-04-30'),
    r('nodejs22.x', '2027-04-30'),
    r('nodejs24.x', '2028-04-30'),
  ],
  python: [
    r('python2.7', '2021-07-15'),
    r('python3.6', '2022-07-18'),
    r('python3.7', '2023-12-04'),
    r('python3.8', '2024-10-14'),
    r('python3.9', '2025-12-15'),
    r('python3.10'),
    r('python3.11'),
    r('python3.12', '2028-10-31'),
    r('python3.13', '2029-06-30'),
    r('python3.14', '2029-06-30'),
  ],
  java: [
    r('java8', '2024-01-08'),
    r('java8.al2'),
    r('java11'),
    r('java17'),
    r('java21'),
    r('java25', '2029-06-30'),
  ],
  dotnet: [
    r('dotnetcore1.0', '2019-07-30'),
    r('dotnetcore2.0', '2019-05-30'),
    r('dotnetcore2.1', '2022-01-05'),
    r('dotnetcore3.1', '2023-04-03'),
    r('dotnet6', '2024-12-20'),
    r('dotnet8', '2026-11-10'),
    r('dotnet10', '2028-11-14'),
  ],
  ruby: [
    r('ruby2.5', '2021-07-30'),
    r('ruby2.7', '2023-12-07'),
    r('ruby3.2', '2026-03-31'),
    r('ruby3.3', '2027-03-31'),
    r('ruby3.4', '2028-03-31'),
  ],
  provided: [r('go1.x', '2024-01-08'), r('provided', '2024-01-08'), r('provided.al2'), r('provided.al2023')],
};

/** Every runtime identifier CloudFormation has accepted, sorted. */
export const LAMBDA_RUNTIMES: readonly string[] = Object.values(RUNTIME_FAMILIES)
  .flatMap((family) => family.map((entry) => entry.id))
  .sort();

const isDeprecated = (entry: RuntimeEntry, on: Date) =>
  entry.deprecated !== undefined && new Date(entry.deprecated) <= on;

/** When `runtime` is deprecated on `on`: since when, and the newest runtime of its family that is not. */
export function runtimeDeprecation(runtime: string, on: Date): { since: string; use?: string } | undefined {
  for (const family of Object.values(RUNTIME_FAMILIES)) {
    const entry = family.find((e) => e.id === runtime);
    if (!entry) continue;
    if (!isDeprecated(entry, on)) return undefined;
    const use = family.findLast((e) => !isDeprecated(e, on))?.id;
    return { since: entry.deprecated as string, use };
  }
  return undefined;
}
