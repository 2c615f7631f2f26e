/**
 * The manifest fixtures of test/scheduler/fixtures/interpodaffinity/ (README there) against the
 * readable σ. Nodes, bindings, priorities and resources come from the manifest adapters; the
 * fields they do not map yet (pod labels, namespaces, pod (anti-)affinity, Namespace objects,
 * InterPodAffinityArgs) are read here from the same YAML, so the expected files are checked now
 * and stay valid for `catcluster schedule --explain --json` once the adapters carry them.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseAllDocuments, parse } from "yaml"
import {
  defaultProfile,
  type LabelSelector,
  type NamespaceInfo,
  nodesFromText,
  type PodAffinityRules,
  type PodAffinityTerm,
  type Profile,
  scheduleBatch,
  type SchedulingPod,
  workloadFromText,
} from "../../../src/scheduler/index.ts"

const ROOT = join(import.meta.dirname, "../fixtures/interpodaffinity")

interface RawTerm {
  readonly labelSelector?: { matchLabels?: Record<string, string>; matchExpressions?: ReadonlyArray<{ key: string; operator: string; values?: string[] }> }
  readonly namespaces?: string[]
  readonly namespaceSelector?: RawTerm["labelSelector"]
  readonly topologyKey: string
  readonly matchLabelKeys?: string[]
  readonly mismatchLabelKeys?: string[]
}
interface RawRules {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: RawTerm[]
  readonly preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; podAffinityTerm: RawTerm }>
}
interface RawDoc {
  readonly kind: string
  readonly metadata: { name: string; namespace?: string; labels?: Record<string, string> }
  readonly spec?: { affinity?: { podAffinity?: RawRules; podAntiAffinity?: RawRules }; template?: { metadata?: { labels?: Record<string, string> }; spec?: { affinity?: { podAffinity?: RawRules; podAntiAffinity?: RawRules } } } }
}

const selector = (s: RawTerm["labelSelector"]): LabelSelector | undefined =>
  s === undefined
    ? undefined
    : {
        ...(s.matchLabels === undefined ? {} : { matchLabels: s.matchLabels }),
        ...(s.matchExpressions === undefined
          ? {}
          : { matchExpressions: s.matchExpressions.map((r) => ({ key: r.key, operator: r.operator as "In", values: r.values ?? [] })) }),
      }

const term = (t: RawTerm): PodAffinityTerm => ({
  ...(t.labelSelector === undefined ? {} : { labelSelector: selector(t.labelSelector) as LabelSelector }),
  namespaces: t.namespaces ?? [],
  ...(t.namespaceSelector === undefined ? {} : { namespaceSelector: selector(t.namespaceSelector) as LabelSelector }),
  topologyKey: t.topologyKey,
  ...(t.matchLabelKeys === undefined ? {} : { matchLabelKeys: t.matchLabelKeys }),
  ...(t.mismatchLabelKeys === undefined ? {} : { mismatchLabelKeys: t.mismatchLabelKeys }),
})

const rules = (r: RawRules | undefined): PodAffinityRules | undefined =>
  r === undefined
    ? undefined
    : {
        required: (r.requiredDuringSchedulingIgnoredDuringExecution ?? []).map(term),
        preferred: (r.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ weight: w.weight, term: term(w.podAffinityTerm) })),
      }

/** The relational fields of each Pod / VirtualMachine (its launcher pod), by key. */
const relationalFields = (docs: ReadonlyArray<RawDoc>): Map<string, Partial<SchedulingPod>> => {
  const out = new Map<string, Partial<SchedulingPod>>()
  for (const d of docs) {
    if (d.kind !== "Pod" && d.kind !== "VirtualMachine") continue
    const namespace = d.metadata.namespace ?? "default"
    const labels = d.kind === "Pod" ? d.metadata.labels : d.spec?.template?.metadata?.labels
    const affinity = d.kind === "Pod" ? d.spec?.affinity : d.spec?.template?.spec?.affinity
    const podAffinity = rules(affinity?.podAffinity)
    const podAntiAffinity = rules(affinity?.podAntiAffinity)
    out.set(`${namespace}/${d.metadata.name}`, {
      namespace,
      ...(labels === undefined ? {} : { labels }),
      ...(podAffinity === undefined ? {} : { podAffinity }),
      ...(podAntiAffinity === undefined ? {} : { podAntiAffinity }),
    })
  }
  return out
}

/** The profile of a fixture config: InterPodAffinity alone (checked), with its args. */
const profileOf = (file: string): Profile => {
  const c = parse(readFileSync(file, "utf8")) as {
    profiles: Array<{ plugins: { multiPoint: { disabled: Array<{ name: string }>; enabled: Array<{ name: string; weight?: number }> } }; pluginConfig?: Array<{ name: string; args: Record<string, unknown> }> }>
  }
  const p = c.profiles[0]
  if (p === undefined) throw new Error(`${file}: no profile`)
  expect(p.plugins.multiPoint.disabled).toEqual([{ name: "*" }])
  expect(p.plugins.multiPoint.enabled.map((e) => e.name)).toEqual(["PrioritySort", "DefaultBinder", "DefaultPreemption", "InterPodAffinity"])
  const args = p.pluginConfig?.find((x) => x.name === "InterPodAffinity")?.args ?? {}
  return {
    ...defaultProfile,
    filters: ["InterPodAffinity"],
    weights: { InterPodAffinity: 1 },
    dynamicResources: false,
    interPodAffinity: {
      hardPodAffinityWeight: (args["hardPodAffinityWeight"] as number | undefined) ?? 1,
      ignorePreferredTermsOfExistingPods: (args["ignorePreferredTermsOfExistingPods"] as boolean | undefined) ?? false,
    },
  }
}

interface ExpectedPlacement {
  readonly pod: string
  readonly node?: string | null
  readonly nodeIn?: ReadonlyArray<string>
  readonly distinctFrom?: ReadonlyArray<string>
  readonly message?: string
  readonly reasons?: Readonly<Record<string, string>>
  readonly scores?: Readonly<Record<string, number>>
  readonly skipped?: boolean
  readonly victims?: ReadonlyArray<string>
}
interface Expected {
  readonly case: string
  readonly runs: ReadonlyArray<{ readonly config: string; readonly placements: ReadonlyArray<ExpectedPlacement> }>
}

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

describe("InterPodAffinity manifest fixtures (readable σ)", () => {
  it("there are fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(8))

  for (const name of cases) {
    const dir = join(ROOT, name)
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected
    for (const run of expected.runs) {
      it(`${name} (${run.config}): ${expected.case}`, () => {
        const podsText = readFileSync(join(dir, "pods.yaml"), "utf8")
        const docs = parseAllDocuments(podsText).map((d) => d.toJS() as RawDoc)
        const extra = relationalFields(docs)
        const namespaces: NamespaceInfo[] = docs.filter((d) => d.kind === "Namespace").map((d) => ({ name: d.metadata.name, labels: d.metadata.labels ?? {} }))
        const withFields = (p: SchedulingPod): SchedulingPod => ({ ...p, ...extra.get(p.key) })
        const nodes = nodesFromText(readFileSync(join(dir, "nodes.yaml"), "utf8"), "nodes.yaml")
        const workload = workloadFromText(podsText, "pods.yaml", {})
        const placements = scheduleBatch(
          { nodes, bound: workload.bound.map((b) => ({ ...b, pod: withFields(b.pod) })), namespaces },
          workload.pending.map(withFields),
          { profile: profileOf(join(dir, run.config)), engine: "readable", explain: true },
        )
        const byPod = new Map(placements.map((p) => [p.pod, p]))
        for (const want of run.placements) {
          const got = byPod.get(want.pod)
          expect(got, want.pod).toBeDefined()
          if (got === undefined) continue
          if (want.node !== undefined) expect(got.node, want.pod).toBe(want.node)
          if (want.nodeIn !== undefined) expect(want.nodeIn, want.pod).toContain(got.node)
          for (const other of want.distinctFrom ?? []) expect(got.node, `${want.pod} vs ${other}`).not.toBe(byPod.get(other)?.node)
          if (want.message !== undefined) expect(got.message).toBe(want.message)
          expect(got.victims).toEqual(want.victims ?? [])
          const evaluations = new Map((got.scores ?? []).map((e) => [e.node, e]))
          for (const [n, reason] of Object.entries(want.reasons ?? {})) expect(evaluations.get(n)?.reasons, `${want.pod} on ${n}`).toEqual([reason])
          for (const [n, score] of Object.entries(want.scores ?? {})) expect(evaluations.get(n)?.plugins.InterPodAffinity, `${want.pod} on ${n}`).toBe(score)
          if (want.skipped === true) for (const e of evaluations.values()) expect(e.plugins.InterPodAffinity).toBeUndefined()
        }
      })
    }
  }
})
