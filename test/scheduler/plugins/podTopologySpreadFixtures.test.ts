/**
 * The manifest fixtures of `test/scheduler/fixtures/podtopologyspread/` against their
 * `expected.json`, in-process. Nodes and the pods' requests, priorities and bindings come from the
 * project's manifest adapters; the fields those adapters do not read yet (pod labels, spread
 * constraints, owner references, Services, ReplicaSets, the KubeSchedulerConfiguration's filter
 * list and PodTopologySpreadArgs) are read here by a small stand-in, so the fixtures and their
 * expectations are checked now and can be wired through `catcluster schedule` unchanged.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parseAllDocuments } from "yaml"
import { describe, expect, it } from "vitest"
import type { ClusterObjects, ControllerSelector, ServiceSelector } from "../../../src/scheduler/model/ClusterObjects.ts"
import type { LabelSelector } from "../../../src/scheduler/model/LabelSelector.ts"
import type { SchedulingPod } from "../../../src/scheduler/model/SchedulingPod.ts"
import type { TopologySpreadConstraint } from "../../../src/scheduler/model/TopologySpread.ts"
import {
  defaultProfile,
  type FilterPluginName,
  nodesFromText,
  type Profile,
  readableScheduler,
  type ScorePluginName,
  workloadFromText,
} from "../../../src/scheduler/index.ts"

const dir = join(import.meta.dirname, "..", "fixtures", "podtopologyspread")
const read = (file: string): string => readFileSync(join(dir, file), "utf8")

interface Expectation {
  readonly pod: string
  readonly node?: string | null
  readonly nodeIn?: ReadonlyArray<string>
  readonly zoneDiffersFrom?: string
  readonly victims?: ReadonlyArray<string>
  readonly reasons?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly spreadScores?: Readonly<Record<string, number>>
}
interface Case {
  readonly nodes: string
  readonly pods: string
  readonly config?: string
  readonly expect: ReadonlyArray<Expectation>
}
const expected = JSON.parse(read("expected.json")) as { readonly cases: Readonly<Record<string, Case>> }

// ---- stand-in readers for what the adapters do not decode yet ----

type Doc = {
  kind?: string
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; controller?: boolean }> }
  spec?: Record<string, unknown>
}
const docs = (text: string): ReadonlyArray<Doc> => parseAllDocuments(text).map((d) => d.toJS() as Doc).filter((d) => d !== null)
const keyOf = (d: Doc) => `${d.metadata?.namespace ?? "default"}/${d.metadata?.name ?? ""}`

const relational = (text: string): { pods: ReadonlyMap<string, Partial<SchedulingPod>>; objects: ClusterObjects } => {
  const pods = new Map<string, Partial<SchedulingPod>>()
  const services: ServiceSelector[] = []
  const controllers: ControllerSelector[] = []
  for (const d of docs(text)) {
    const namespace = d.metadata?.namespace ?? "default"
    if (d.kind === "Pod") {
      const owner = d.metadata?.ownerReferences?.find((o) => o.controller === true)
      const constraints = (d.spec?.["topologySpreadConstraints"] as ReadonlyArray<TopologySpreadConstraint> | undefined)?.map((c) => ({
        ...c,
        ...(c.labelSelector?.matchExpressions === undefined
          ? {}
          : { labelSelector: { ...c.labelSelector, matchExpressions: c.labelSelector.matchExpressions.map((r) => ({ ...r, values: r.values ?? [] })) } }),
      }))
      pods.set(keyOf(d), {
        namespace,
        labels: d.metadata?.labels ?? {},
        ...(owner === undefined ? {} : { controller: { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name } }),
        ...(constraints === undefined ? {} : { topologySpreadConstraints: constraints }),
      })
    } else if (d.kind === "Service") {
      const selector = d.spec?.["selector"] as Record<string, string> | undefined
      services.push({ namespace, name: d.metadata?.name ?? "", ...(selector === undefined ? {} : { selector }) })
    } else if (d.kind === "ReplicaSet" || d.kind === "StatefulSet" || d.kind === "ReplicationController") {
      controllers.push({ kind: d.kind, namespace, name: d.metadata?.name ?? "", selector: d.spec?.["selector"] as LabelSelector })
    }
  }
  return { pods, objects: { services, controllers } }
}

type PluginList = { enabled?: Array<{ name: string; weight?: number }>; disabled?: Array<{ name: string }> }
const profileOf = (text: string): Profile => {
  const config = docs(text)[0] as { profiles: Array<{ plugins?: { filter?: PluginList; score?: PluginList }; pluginConfig?: Array<{ name: string; args: Profile["podTopologySpread"] }> }> }
  const p = config.profiles[0]
  if (p === undefined) throw new Error("no profile")
  // The fixtures always disable "*" and list what they enable.
  const filters = (p.plugins?.filter?.enabled ?? []).map((e) => e.name as FilterPluginName)
  const weights = Object.fromEntries((p.plugins?.score?.enabled ?? []).map((e) => [e.name as ScorePluginName, e.weight ?? 1]))
  const args = p.pluginConfig?.find((c) => c.name === "PodTopologySpread")?.args
  return { ...defaultProfile, filters, weights, ...(args === undefined ? {} : { podTopologySpread: { defaultingType: args.defaultingType, defaultConstraints: args.defaultConstraints ?? [] } }) }
}

// ---- the cases ----

describe("PodTopologySpread manifest fixtures (expected.json)", () => {
  for (const [name, c] of Object.entries(expected.cases)) {
    it(name, () => {
      const nodes = nodesFromText(read(c.nodes), c.nodes)
      const podsText = read(c.pods)
      const workload = workloadFromText(podsText, c.pods)
      const { pods: extra, objects } = relational(podsText)
      const withExtra = (p: SchedulingPod): SchedulingPod => ({ ...p, ...(extra.get(p.key) ?? {}) })
      const profile = c.config === undefined ? defaultProfile : profileOf(read(c.config))
      const s = readableScheduler({ nodes, bound: workload.bound.map((b) => ({ ...b, pod: withExtra(b.pod) })), ...objects }, { profile })
      const zoneOf = (n: string | null) => nodes.find((x) => x.name === n)?.labels["topology.kubernetes.io/zone"]
      const placedAt = new Map<string, string | null>()
      const pending = workload.pending.map(withExtra)
      for (const e of c.expect) {
        const p = pending.find((x) => x.key === e.pod)
        if (p === undefined) throw new Error(`${name}: no pending pod ${e.pod}`)
        const placed = s.schedule(p, { explain: true })
        placedAt.set(p.key, placed.node)
        if (e.node !== undefined) expect(placed.node).toBe(e.node)
        if (e.nodeIn !== undefined) expect(e.nodeIn).toContain(placed.node)
        if (e.zoneDiffersFrom !== undefined) expect(zoneOf(placed.node)).not.toBe(zoneOf(placedAt.get(e.zoneDiffersFrom) ?? null))
        if (e.victims !== undefined) expect(placed.victims).toEqual(e.victims)
        if (e.reasons !== undefined) expect(Object.fromEntries((placed.scores ?? []).filter((x) => !x.feasible).map((x) => [x.node, x.reasons]))).toEqual(e.reasons)
        if (e.spreadScores !== undefined) {
          expect(Object.fromEntries((placed.scores ?? []).filter((x) => x.feasible).map((x) => [x.node, x.plugins.PodTopologySpread]))).toEqual(e.spreadScores)
        }
      }
    })
  }
})
