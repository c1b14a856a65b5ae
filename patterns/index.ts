/** The built-in patterns, by name. */
import type { Pattern } from '../generator/pattern';
import { lambdaPattern } from './lambda/pattern';
import { sfnSyncPattern } from './sfn-sync/pattern';

export const PATTERNS: Readonly<Record<string, Pattern>> = {
  [lambdaPattern.name]: lambdaPattern,
  [sfnSyncPattern.name]: sfnSyncPattern,
};
