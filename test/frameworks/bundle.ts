import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The fixture shops, each one script for the browser. */
export const APPS = {
  react: fileURLToPath(new URL('react-app.ts', import.meta.url)),
  vue: fileURLToPath(new URL('vue-app.ts', import.meta.url)),
} as const;

export type Framework = keyof typeof APPS;

/**
 * Bundles both shops in memory, as a vendor's build would: React ships CommonJS only, and a Vue
 * template compiled in the browser needs the build with the compiler. Development builds, so the
 * frameworks' own warnings reach the console the test watches.
 */
export async function bundleApps(): Promise<Record<Framework, string>> {
  const result = await build({
    entryPoints: APPS,
    outdir: 'frameworks',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  const script = (name: Framework) => {
    const file = result.outputFiles.find((output) => output.path.endsWith(`/${name}.js`));
    if (!file) throw new Error(`esbuild wrote no ${name}.js`);
    return file.text;
  };
  return { react: script('react'), vue: script('vue') };
}
