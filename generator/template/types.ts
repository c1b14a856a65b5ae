/**
 * The CloudFormation template as plain data: what the emitter produces and what the linter, the
 * local emulator and the deploy client read. Intrinsics are the long form (`{ Ref: 'X' }`); the
 * YAML writer prints them in short form.
 */
/** The transform every SAM template declares. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface Template {
  AWSTemplateFormatVersion?: '2010-09-09';
  Transform?: string | string[];
  Description?: string;
  Metadata?: Record<string, Json>;
  Parameters?: Record<string, Parameter>;
  Mappings?: Record<string, Json>;
  Conditions?: Record<string, Json>;
  Globals?: Record<string, Json>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, Output>;
}

export interface Parameter {
  Type: string;
  Description?: string;
  Default?: string | number;
  AllowedValues?: (string | number)[];
  AllowedPattern?: string;
  ConstraintDescription?: string;
  MinLength?: number;
  NoEcho?: boolean;
  MaxLength?: number;
}

export interface Resource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, Json>;
  Properties?: Record<string, Json>;
}

export interface Output {
  Description?: string;
  Value: Json;
  Condition?: string;
  Export?: { Name: Json };
}
