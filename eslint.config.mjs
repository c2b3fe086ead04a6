// Lint configuration: typescript-eslint's recommended rules, plus no console in the server (stdout is the protocol).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.test-output/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
