/** What a pattern is: named options with allowed values, and a function from them to an app model. */
import type { App, Runtime } from './model/types';

export interface PatternOption {
  /** CLI flag without the dashes, e.g. `response` for `--response`. */
  readonly name: string;
  readonly description: string;
  readonly values: readonly string[];
  readonly default: string;
}

export interface PatternInput {
  readonly name: string;
  readonly stageName?: string;
  readonly runtime?: Runtime;
  /** Values of the pattern's own options, already checked against their allowed values. */
  readonly options: Readonly<Record<string, string>>;
}

export interface Pattern {
  readonly name: string;
  readonly description: string;
  readonly options: readonly PatternOption[];
  readonly build: (input: PatternInput) => App;
  /** Lines for the app README: what to send after connecting, and what comes back. */
  readonly tryIt: (input: PatternInput) => { readonly send: string; readonly expect: string };
}
