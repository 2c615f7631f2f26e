/**
 * An object given twice (same kind, namespace and name) is bad input: the API server holds one
 * object of a key, so reading both would answer for a cluster that cannot exist. Exit 2 naming
 * both places, before any work; a namespaced object without a namespace is the one in "default",
 * a cluster-scoped one has no namespace at all. Kinds catcluster does not read are left out.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { rejectDuplicateObjects } from "../../src/cli/input.ts"
import { UserError } from "../../src/cli/UserError.ts"
import { decodeManifests } from "../../src/domain/manifest/decode.ts"
import type { Manifest } from "../../src/domain/manifest/Manifest.ts"
import { objectKey } from "../../src/domain/manifest/objectKey.ts"

const decoded = (file: string, text: string): ReadonlyArray<Manifest> =>
  E.getOrElseW((e) => {
    throw new Error(`fixture ${file} does not decode: ${JSON.stringify(e)}`)
  })(decodeManifests(text, file))
const refusal = (manifests: ReadonlyArray<Manifest>): string | undefined => {
  try {
    rejectDuplicateObjects(manifests)
    return undefined
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    return (e as Error).message
  }
}

const service = (namespace?: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: web${namespace === undefined ? "" : `, namespace: ${namespace}`}}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n`
const pv = (namespace?: string): string =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-1${namespace === undefined ? "" : `, namespace: ${namespace}`}}\nspec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /x}}\n`

describe("objects given twice", () => {
  it("keys an object by kind, namespace (\"default\" when unset) and name; a cluster-scoped kind by kind and name", () => {
    expect(decoded("a.yaml", service()).map(objectKey)).toEqual(["Service default/web"])
    expect(decoded("a.yaml", service("shop")).map(objectKey)).toEqual(["Service shop/web"])
    expect(decoded("a.yaml", pv("shop")).map(objectKey)).toEqual(["PersistentVolume pv-1"])
  })

  it("names both places of each object given twice, across files and within one", () => {
    expect(refusal([...decoded("a.yaml", service()), ...decoded("b.yaml", `${service("default")}---\n${pv()}`), ...decoded("c.yaml", pv("shop"))])).toBe(
      [
        "2 objects are given twice (a cluster holds one object of a kind, namespace and name):",
        "Service default/web (a.yaml: document 0 and b.yaml: document 0)",
        "PersistentVolume pv-1 (b.yaml: document 1 and c.yaml: document 0)",
      ].join("\n  "),
    )
  })

  it("lets the same name stand in two namespaces, under two kinds, and objects without a name or of kinds it does not read", () => {
    const configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {}\n"
    const generated = "apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: c, image: nginx}]}\n"
    expect(refusal([...decoded("a.yaml", `${service()}---\n${service("shop")}---\n${configMap}---\n${configMap}---\n${generated}---\n${generated}`)])).toBeUndefined()
  })

  it("lists five and counts the rest", () => {
    const text = Array.from({ length: 7 }, (_, i) => service(`ns${i}`)).join("---\n")
    const message = refusal([...decoded("a.yaml", text), ...decoded("b.yaml", text)]) ?? ""
    expect(message.split("\n")).toHaveLength(7)
    expect(message).toMatch(/^7 objects are given twice/)
    expect(message.endsWith("… and 2 more")).toBe(true)
  })

  it("the CLI exits 2 naming them, before any work, with no stack trace", () => {
    const root = join(import.meta.dirname, "..", "..")
    const dir = mkdtempSync(join(tmpdir(), "catcluster-dupobjects-"))
    const nodes = join(dir, "nodes.yaml")
    writeFileSync(nodes, "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: '8', memory: 16Gi, pods: '110'}\n")
    writeFileSync(join(dir, "a.yaml"), service())
    writeFileSync(join(dir, "b.yaml"), service("default"))
    for (const args of [["schedule"], ["run", "--out", join(dir, "out")]]) {
      const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "src", "cli", "main.ts"), ...args, "--nodes", nodes, "--workloads", join(dir, "a.yaml"), join(dir, "b.yaml")], {
        encoding: "utf8",
        cwd: root,
        timeout: 60_000,
      })
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
      expect(r.stderr).toContain(`Service default/web (${join(dir, "a.yaml")}: document 0 and ${join(dir, "b.yaml")}: document 0)`)
      expect(r.status).toBe(2)
    }
    expect(existsSync(join(dir, "out"))).toBe(false)
  }, 120_000)
})
