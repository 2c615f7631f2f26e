/**
 * ResourceQuotas in the input of a command that places pods without quota admission
 * (`schedule`, `drain`, `resilience`, `capacity`) are said on stderr, naming the pods (or the
 * template) they concern; `quota`, which applies them, says nothing; no quota, no warning.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { spawnCli } from "../support/spawnCli.ts"

const root = join(import.meta.dirname, "..", "..")
const nodes = join(root, "test", "fixtures", "operations", "small", "nodes.yaml")
const dir = mkdtempSync(join(tmpdir(), "catcluster-quota-warning-"))

const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const quota = write("quota.yaml", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\nspec:\n  hard: {pods: \"1\"}\n")
const deployment = (namespace: string) =>
  write(
    `web-${namespace}.yaml`,
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${namespace}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}}}]
`,
  )
const shop = deployment("shop")
const other = deployment("other")

const cli = spawnCli

describe.concurrent("a ResourceQuota a command does not apply is said", () => {
  it("schedule: the pods placed in its namespace, named; the answer unchanged", async () => {
    const r = await cli("schedule", "--nodes", nodes, "--workloads", quota, shop)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/^catcluster: warning: ResourceQuota admission is not applied here: 2 pods to place in a namespace with a ResourceQuota \(shop\/web-\w+-0, shop\/web-\w+-1\) are placed as if admitted; `catcluster quota` lists what admission would reject\n$/)
    expect(r.stdout.trim().split("\n")).toHaveLength(2)
  })

  it("drain: the same warning", async () => {
    const r = await cli("drain", "node-a", "--nodes", nodes, "--workloads", quota, shop)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("ResourceQuota admission is not applied here: 2 pods")
  })

  it("capacity: the template's namespace has a quota", async () => {
    const r = await cli("capacity", "--nodes", nodes, "--workloads", quota, "--pod", shop)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("ResourceQuota admission is not applied here: the copies of Deployment shop/web are counted against the nodes only, and namespace shop has a ResourceQuota that may admit fewer")
  })

  it("no warning when the quota is in another namespace, or when quota applies it", async () => {
    const elsewhere = await cli("schedule", "--nodes", nodes, "--workloads", quota, other)
    expect(elsewhere.code).toBe(0)
    expect(elsewhere.stderr).toBe("")
    const capacityElsewhere = await cli("capacity", "--nodes", nodes, "--workloads", quota, "--pod", other)
    expect(capacityElsewhere.stderr).toBe("")
    const applied = await cli("quota", "--workloads", quota, shop)
    expect(applied.code).toBe(0)
    expect(applied.stderr).toBe("")
    expect(applied.stdout).toContain('pods "web-')
  })
})
