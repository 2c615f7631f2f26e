/**
 * A kubectl JSON dump read as a stream (`decodeInput.ts`): the same placements as the same
 * cluster in YAML, a bad item named by file, line and path (exit 2, no stack trace), no progress
 * bar when stderr is not a terminal, and standard input streamed the same way.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { stringify } from "yaml"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (args: ReadonlyArray<string>, input?: string) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000, ...(input === undefined ? {} : { input }) })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const node = (i: number) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: `n${i}`, labels: { "kubernetes.io/hostname": `n${i}`, "topology.kubernetes.io/zone": `z${i % 2}` } },
  status: { allocatable: { cpu: "4", memory: "8Gi", pods: "110" } },
})
const pod = (i: number, cpu = "500m") => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `p${i}`, namespace: "default", labels: { app: "web" }, creationTimestamp: `2026-12-01T10:00:${String(i).padStart(2, "0")}Z` },
  spec: { containers: [{ name: "c", image: "web:1", resources: { requests: { cpu, memory: "256Mi" } } }] },
})
const list = (items: ReadonlyArray<unknown>) => ({ apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } })

describe("a kubectl JSON dump, streamed", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-json-"))
  const nodes = Array.from({ length: 4 }, (_, i) => node(i))
  const pods = Array.from({ length: 12 }, (_, i) => pod(i))
  writeFileSync(join(dir, "nodes.json"), JSON.stringify(list(nodes), null, 4))
  writeFileSync(join(dir, "pods.json"), JSON.stringify(list(pods), null, 4))
  writeFileSync(join(dir, "nodes.yaml"), stringify(list(nodes)))
  writeFileSync(join(dir, "pods.yaml"), nodes.length > 0 ? pods.map((p) => stringify(p)).join("---\n") : "")

  it("places the pods as the same cluster in YAML, with nothing on stderr", () => {
    const json = cli(["schedule", "--nodes", join(dir, "nodes.json"), "--pods", join(dir, "pods.json"), "--json"])
    const yaml = cli(["schedule", "--nodes", join(dir, "nodes.yaml"), "--pods", join(dir, "pods.yaml"), "--json"])
    expect(json.code).toBe(0)
    expect(json.stderr).toBe("")
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(yaml.stdout))
    expect((JSON.parse(json.stdout) as { placements: Array<{ node: string | null }> }).placements.filter((p) => p.node !== null)).toHaveLength(12)
  })

  it("reads standard input as a stream too", () => {
    const piped = cli(["schedule", "--stdin", "--json"], JSON.stringify(list([...nodes, ...pods])))
    expect(piped.code).toBe(0)
    expect((JSON.parse(piped.stdout) as { placements: unknown[] }).placements).toHaveLength(12)
  })

  it("names the file, line and path of a bad item, exit 2, no stack trace", () => {
    const bad = [...pods.slice(0, 3), pod(3, "lots"), ...pods.slice(4)]
    const file = join(dir, "bad.json")
    const text = JSON.stringify(list(bad), null, 4)
    writeFileSync(file, text)
    const line = text.split("\n").findIndex((l) => l.includes('"lots"')) + 1
    const r = cli(["schedule", "--nodes", join(dir, "nodes.json"), "--pods", file])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${file}:${line}:`)
    expect(r.stderr).toContain('items[3].spec.containers[0].resources.requests.cpu: expected a quantity, got "lots"')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it("names the line of broken JSON; what YAML reads (flow style, several documents) is read as YAML", () => {
    const file = join(dir, "broken.json")
    writeFileSync(file, '{\n  "kind": "List",\n  "items": [\n    {"kind": "Pod"},\n    {"kind": "Pod" "x"}\n  ]\n}\n')
    const r = cli(["schedule", "--nodes", join(dir, "nodes.json"), "--pods", file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, "\\.")}:5:\\d+: document 0: malformed`))
    const docs = join(dir, "docs.yaml")
    writeFileSync(docs, pods.slice(0, 2).map((p) => JSON.stringify(p)).join("\n---\n"))
    const flow = join(dir, "flow.yaml")
    writeFileSync(flow, "{kind: List, items: [{kind: Pod, apiVersion: v1, metadata: {name: f, namespace: default}, spec: {containers: [{name: c}]}},],}\n")
    const read = cli(["schedule", "--nodes", join(dir, "nodes.json"), "--pods", docs, flow, "--json"])
    expect(read.code).toBe(0)
    expect((JSON.parse(read.stdout) as { placements: Array<{ pod: string }> }).placements.map((p) => p.pod)).toEqual(["default/p0", "default/p1", "default/f"])
  })
})
