import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { loadManifests } from "../../../src/domain/manifest/index.ts"

describe("loadManifests", () => {
  it("reads files and directories recursively, in name order, ignoring other files", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-load-"))
    mkdirSync(join(dir, "b"))
    writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n")
    writeFileSync(join(dir, "b", "c.json"), JSON.stringify({ apiVersion: "v1", kind: "Node", metadata: { name: "n2" } }))
    writeFileSync(join(dir, "notes.txt"), "kind: Pod")
    const r = loadManifests([dir])
    expect(E.isRight(r) && r.right.map((m) => m.metadata?.name)).toEqual(["n1", "n2"])
  })

  it("reports a missing path and a bad file together, never throws", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-load-"))
    writeFileSync(join(dir, "bad.yaml"), "apiVersion: v1\nkind: Node\nstatus: {allocatable: {cpu: 1K}}\n")
    const r = loadManifests([join(dir, "missing.yaml"), join(dir, "bad.yaml")])
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left[0]).toMatchObject({ file: join(dir, "missing.yaml"), problem: expect.stringContaining("cannot read") })
      expect(r.left[1]).toMatchObject({ file: join(dir, "bad.yaml"), path: "status.allocatable.cpu", line: 3, column: 29 })
    }
  })

  it("a symlink loop is walked once: the manifests are read, not an ELOOP error (review)", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-load-"))
    mkdirSync(join(dir, "sub"))
    writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n")
    symlinkSync("..", join(dir, "sub", "up"))
    const r = loadManifests([dir])
    expect(E.isRight(r) && r.right.map((m) => m.metadata?.name)).toEqual(["n1"])
  })
})
