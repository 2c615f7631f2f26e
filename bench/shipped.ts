/**
 * The compiled library (dist/, built by `npm run build`, which `npm run bench` runs first when a
 * source is newer): what the CLI runs and what a user's `import` loads. The scheduler lines
 * measure it, both paths alike. The same sources run 10–15 % slower under tsx, whose transform
 * keeps function names (esbuild's keepNames): every function expression gets its `name` defined
 * again when it is created, which closures made per call pay each time; that cost is the dev
 * loader's, not the product's.
 */
export const shipped = async <Module>(path: string): Promise<Module> =>
  (await import(new URL(`../dist/${path}`, import.meta.url).href)) as Module
