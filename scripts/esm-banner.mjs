// Bundled ES modules lack two CommonJS globals the sources rely on: `require` (for CommonJS
// dependencies) and `__dirname` (to find wskit's own files). This banner defines both.
export const esmBanner = [
  "import { createRequire as __wskitRequire } from 'node:module';",
  "import { fileURLToPath as __wskitPath } from 'node:url';",
  "import { dirname as __wskitDir } from 'node:path';",
  'const require = __wskitRequire(import.meta.url);',
  'const __dirname = __wskitDir(__wskitPath(import.meta.url));',
].join(' ');
