import { availableParallelism } from "node:os"
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
    // vitest's run-mode default is one worker per core less one, which on the 2-core CI machine
    // runs the files one at a time; most of them wait on spawned CLIs, so every core pays
    // (measured on this project's suite: 494 s with one worker, 269 s with two)
    maxWorkers: availableParallelism(),
    reporters: ["default"],
  },
})
