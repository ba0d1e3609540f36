// Copies the language data files and the store's SQL migrations next to the compiled code so that `dist/` finds them at the same relative paths.
import { cpSync, chmodSync, existsSync } from 'node:fs';
cpSync('src/lang', 'dist/lang', { recursive: true, filter: (p) => !p.endsWith('.ts') });
cpSync('src/ontology', 'dist/ontology', { recursive: true, filter: (p) => !p.endsWith('.ts') });
cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true, filter: (p) => !p.endsWith('.ts') });
if (existsSync('dist/cli/main.js')) chmodSync('dist/cli/main.js', 0o755);
