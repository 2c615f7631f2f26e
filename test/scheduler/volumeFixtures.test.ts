/**
 * The manifest fixtures of the volume plugins (test/scheduler/fixtures/volumes/<plugin>/) through
 * the readable σ with exactly that plugin enabled: nodes from the NodeList, storage objects with
 * `storageObjectsOf`, each Pod's `spec.volumes` with `podVolumesOf` (the wiring the CLI needs),
 * then every pending pod scheduled in order against `expected.json`.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, ofKind } from "../../src/domain/manifest/index.ts"
import {
  defaultProfile,
  type FilterPluginName,
  nodesFromText,
  podVolumesOf,
  readableScheduler,
  type SchedulingPod,
  storageObjectsOf,
  workloadFromText,
} from "../../src/scheduler/index.ts"

const root = join(import.meta.dirname, "fixtures", "volumes")

interface Expected {
  readonly filters: ReadonlyArray<FilterPluginName>
  readonly placements: ReadonlyArray<{ readonly pod: string; readonly node: string | null; readonly message?: string; readonly victims?: ReadonlyArray<string> }>
}

/** Nodes, bound pods, pending pods and storage objects of one fixture directory. */
const load = (dir: string) => {
  const nodesText = readFileSync(join(dir, "nodes.yaml"), "utf8")
  const objectsText = readFileSync(join(dir, "objects.yaml"), "utf8")
  const decoded = decodeManifests(objectsText, "objects.yaml")
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  const volumes = new Map(
    ofKind("Pod")(decoded.right).map((m) => [
      `${m.metadata?.namespace ?? "default"}/${m.metadata?.name}`,
      podVolumesOf(m.spec.volumes, `objects.yaml: document ${m.source.document}, spec.volumes`),
    ]),
  )
  const withVolumes = (p: SchedulingPod): SchedulingPod => {
    const v = volumes.get(p.key)
    return v === undefined || v.length === 0 ? p : { ...p, volumes: v }
  }
  const workload = workloadFromText(objectsText, "objects.yaml")
  return {
    nodes: nodesFromText(nodesText, "nodes.yaml"),
    bound: workload.bound.map((b) => ({ ...b, pod: withVolumes(b.pod) })),
    pending: workload.pending.map(withVolumes),
    storage: storageObjectsOf(decoded.right),
  }
}

describe("volume fixtures (readable σ)", () => {
  for (const plugin of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = join(root, plugin.name)
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected
    it(`${plugin.name}: ${expected.placements.length} pods as expected`, () => {
      const { nodes, bound, pending, storage } = load(dir)
      const profile = { ...defaultProfile, filters: [...expected.filters], weights: {} }
      const sigma = readableScheduler({ nodes, bound, storage }, { profile })
      expect(pending.map((p) => p.key)).toEqual(expected.placements.map((p) => p.pod))
      const got = pending.map((p) => {
        const r = sigma.schedule(p)
        return { pod: r.pod, node: r.node, ...(r.node === null ? { message: r.message } : {}), ...(r.victims.length > 0 ? { victims: r.victims } : {}) }
      })
      expect(got).toEqual(expected.placements)
    })
    it(`${plugin.name}: the whole default profile places every pod on the same node`, () => {
      // each case has a single feasible node (or none), so the other filters and the scores change nothing
      const { nodes, bound, pending, storage } = load(dir)
      const sigma = readableScheduler({ nodes, bound, storage }, { profile: defaultProfile })
      const got = pending.map((p) => {
        const r = sigma.schedule(p)
        return { pod: r.pod, node: r.node, victims: r.victims }
      })
      expect(got).toEqual(expected.placements.map((e) => ({ pod: e.pod, node: e.node, victims: e.victims ?? [] })))
    })
  }
})
