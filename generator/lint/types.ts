/** What a lint run produces and what each rule sees. */
import type { Position } from './parse';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule code: E… error, W… warning, I… information. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where in the template, e.g. `Resources/Api/Properties/ProtocolType`. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export type Path = readonly (string | number)[];

/** A resource as the rules see it: its logical id, type and properties (never undefined). */
export interface ResourceEntry {
  readonly id: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
  readonly raw: Record<string, unknown>;
}

export interface LintContext {
  readonly template: Record<string, unknown>;
  readonly resources: readonly ResourceEntry[];
  readonly byId: ReadonlyMap<string, ResourceEntry>;
  readonly fileName: string;
  /** Folder that relative file references (DefinitionUri) resolve against, when known. */
  readonly baseDir: string | undefined;
  /** `now` for date-dependent rules (runtime deprecation). */
  readonly now: Date;
  /** Also validate state machine definitions with the asl-validator package (thorough, ~0.1–0.4 s each). */
  readonly aslValidator: boolean;
  report(code: string, path: Path, message: string): void;
  positionOf(path: Path): Position;
}

export type Rule = (context: LintContext) => void;
