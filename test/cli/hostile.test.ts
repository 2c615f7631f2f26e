/**
 * Hostile input through the command line (issue 14): every case exits 2 with a message naming
 * the file, the path or the limit, never a stack trace and never a runtime warning, and nothing
 * blocks.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
/** Exit 2, the message, no stack trace, no Node warning. */
const refused = (r: { code: number | null; stderr: string }, ...messages: ReadonlyArray<string | RegExp>) => {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(r.stderr).not.toMatch(/\(node:\d+\) Warning/)
  for (const m of messages) expect(r.stderr).toMatch(m)
  expect(r.code).toBe(2)
}

const dir = mkdtempSync(join(tmpdir(), "catcluster-hostile-"))
const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const nodes = write("nodes.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: '8', memory: 16Gi, pods: '110', hugepages-2Mi: 1Gi}\n")

describe("hostile manifests: exit 2 at the path", () => {
  it("a complex YAML key (? [a, b] : c), in schedule and check", () => {
    const pods = write("complex.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: k\n  labels:\n    ? [a, b]\n    : c\nspec: {containers: [{name: c, image: x}]}\n")
    const message = `${pods}:6:5: document 0, metadata.labels: a mapping key is a sequence`
    refused(cli("schedule", "--nodes", nodes, "--pods", pods), message)
    refused(cli("check", "--nodes", nodes, "--workloads", pods), message)
  })
})
