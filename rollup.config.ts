import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import type { RollupOptions } from 'rollup';

/**
 * Builds the loader (`dist/portico.js`, a stable name vendors link to) and one hashed chunk per
 * element plus shared chunks under `dist/chunks/`, which the server caches for a year.
 */
const config: RollupOptions = {
  input: { portico: 'elements/index.ts', staff: 'elements/staff.ts' },
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

export default config;
