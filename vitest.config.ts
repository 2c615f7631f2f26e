import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = fileURLToPath(new URL("./src/", import.meta.url))

export default defineConfig({
  resolve: {
    // The package imports itself as a user would ("catcluster/category"), resolved to the
    // sources: the same mapping as tsconfig.json "paths" (test/examples/selfReference.test.ts).
    alias: [
      { find: /^catcluster$/, replacement: `${src}index.ts` },
      { find: /^catcluster\/laws\/vitest$/, replacement: `${src}laws/vitest.ts` },
      { find: /^catcluster\/package\.json$/, replacement: fileURLToPath(new URL("./package.json", import.meta.url)) },
      { find: /^catcluster\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
})
