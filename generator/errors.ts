/**
 * Errors the user can act on. Every subsystem throws its own subclass, with a stable code and the
 * path of the offending item, and the CLI prints them as one line with no stack trace.
 * Anything that is not a WskitError is a bug in wskit and is reported with its stack.
 */
export class WskitError extends Error {
  /** Process exit status the CLI uses for this error. */
  readonly exitCode: number = 1;

  constructor(
    /** Stable, greppable code such as `E_MODEL_ROUTE_KEY`. */
    readonly code: string,
    message: string,
    /** Where the problem is: a model item, an option, a file. */
    readonly path?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line input: unknown pattern, bad option value, non-empty output directory. */
export class UsageError extends WskitError {
  override readonly exitCode = 2;
}

/** Invalid app model: duplicate route keys, a route without an integration, a bad runtime, ... */
export class ModelError extends WskitError {
  override readonly exitCode = 2;
}

/** A function could not be bundled, or its handler export is missing. */
export class BundleError extends WskitError {
  override readonly exitCode = 2;
}

/** Formats a value for an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** "a, b or c" for lists of allowed values. */
export function oneOf(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
