/**
 * What `wskit lint` reads of a CDK cloud assembly: every stack template, those of Stages and nested
 * stacks included, each with the stack it belongs to and the construct path (`aws:cdk:path`) of
 * each resource, so a finding names what a CDK user finds in their code rather than a generated
 * logical id alone.
 */
import {
  constructPath,
  nestedStackTemplates,
  readAssembly,
  readStackTemplate,
} from '../template/cdk-assembly';
import type { Template } from '../template/types';

export interface CdkLintInput {
  readonly file: string;
  /** The stack's construct path: `Chat`, `Prod/Chat`, `Chat/Handlers` for a nested stack. */
  readonly stack: string;
  /** Each resource's construct path, by logical id. */
  readonly constructPaths: Readonly<Record<string, string>>;
}

/** The templates of the assembly in `dir`, in manifest order, each followed by its nested stacks. */
export function assemblyLintInputs(dir: string): CdkLintInput[] {
  return readAssembly(dir).flatMap((stack) => withNested(stack.templateFile, stack.displayName, stack.dir));
}

function withNested(file: string, stack: string, dir: string): CdkLintInput[] {
  const template = readStackTemplate(file);
  const nested = nestedStackTemplates(template, dir).flatMap(({ logicalId, templateFile }) =>
    withNested(templateFile, nestedStackName(template, logicalId, stack), dir),
  );
  return [{ file, stack, constructPaths: constructPaths(template) }, ...nested];
}

/** CDK's nested stack resource sits at `<Stack>/<Id>.NestedStack/<Id>.NestedStackResource`. */
function nestedStackName(parent: Template, logicalId: string, parentName: string): string {
  const path = constructPath(parent.Resources[logicalId]);
  return path?.replace(/\.NestedStack\/.*$/, '') ?? `${parentName}/${logicalId}`;
}

function constructPaths(template: Template): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.Resources).flatMap(([id, resource]) => {
      const path = constructPath(resource);
      return path ? [[id, path]] : [];
    }),
  );
}
