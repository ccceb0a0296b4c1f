import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import type { RollupOptions } from 'rollup';

/**
 * Two builds into one `dist/`: the customer loader (`dist/portico.js`, a stable name vendors link
 * to) and the staff console (`dist/staff.js`), each with hashed chunks under `dist/chunks/`, which
 * the server caches for a year. They are built apart on purpose: in one build Rollup would split
 * every module the console shares with a customer element into chunks of its own, and customer
 * pages would download more, smaller files because the console exists.
 */
function build(name: string, input: string): RollupOptions {
  return {
    input: { [name]: input },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      resolve({ browser: true, exportConditions: ['production'] }),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['elements/**/*.ts', 'backend/**/*.ts'],
        noEmit: false,
        declaration: false,
        sourceMap: true,
        outDir: 'dist',
      }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' &&
        warning.ids?.some((id) => id.includes('node_modules'))
      )
        return;
      warn(warning);
    },
  };
}

export default [build('portico', 'elements/index.ts'), build('staff', 'elements/staff.ts')];
