#!/usr/bin/env node
// The compiled CLI when the package is built (npm pack / install); otherwise the TypeScript
// sources through tsx's loader, so a fresh clone needs no build step.
import { existsSync } from "node:fs"
const compiled = new URL("../dist/cli/main.js", import.meta.url)
if (existsSync(compiled)) {
  await import(compiled.href)
} else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("../src/cli/main.ts")
}
