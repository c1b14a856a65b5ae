/**
 * The one js-yaml copy wskit loads: the CommonJS build yaml-cfn uses. An ES `import` would load
 * js-yaml's separate ESM build as well, twice the parsing at start-up, and types from one copy
 * are not instances of the other's.
 */
export const jsYaml: typeof import('js-yaml') = require('js-yaml');
