/**
 * Kubernetes' own plugin test tables, restated as manifests (issue 9): every case is a node list,
 * the bound pods and one incoming pod, written as the manifests a user would give
 * `catcluster schedule`, and a KubeSchedulerConfiguration enabling one plugin at the extension
 * points the upstream test exercises. Each case runs in-process (`modelFromFiles` →
 * `parseSchedulerConfig` → `scheduleBatch`, explain on) on BOTH engines, which must agree, and is
 * checked against upstream's expectation: the plugin's score on every node (after its
 * normalisation, before its weight) or the filter's reasons on every node, and, for a pending
 * pod, kube-scheduler's whole message (whose preemption part tells Unschedulable from
 * UnschedulableAndUnresolvable).
 */
import { describe, expect, it } from "vitest"
import { hotPathSupports, modelFromFiles, parseSchedulerConfig, type Placement, type ScorePluginName, scheduleBatch } from "../../../src/scheduler/index.ts"

/** A Kubernetes object as plain data. */
export type Manifest = Readonly<Record<string, unknown>>

type Amounts = Readonly<Record<string, string>>

/** A Node: `allocatable` (upstream's `Capacity(...)` sets both), labels, taints, unschedulable. */
export const nodeOf = (
  name: string,
  allocatable: Amounts,
  extra: { readonly labels?: Amounts; readonly taints?: ReadonlyArray<Manifest>; readonly unschedulable?: boolean } = {},
): Manifest => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, labels: { "kubernetes.io/hostname": name, ...extra.labels } },
  spec: { ...(extra.taints === undefined ? {} : { taints: extra.taints }), ...(extra.unschedulable === undefined ? {} : { unschedulable: extra.unschedulable }) },
  status: { allocatable },
})

/** An init container: its requests, and `sidecar` for `restartPolicy: Always`. */
export interface InitContainer {
  readonly requests?: Amounts
  readonly sidecar?: boolean
}

/** What a case's pod says; absent parts are absent from the manifest. */
export interface PodOptions {
  /** One entry per container: its requests (`undefined`: a container without `resources`). */
  readonly containers?: ReadonlyArray<Amounts | undefined>
  readonly initContainers?: ReadonlyArray<InitContainer>
  readonly overhead?: Amounts
  /** Pod-level `spec.resources.requests`. */
  readonly podRequests?: Amounts
  readonly nodeName?: string
  readonly tolerations?: ReadonlyArray<Manifest>
  readonly nodeSelector?: Amounts
  readonly affinity?: Manifest
  readonly labels?: Amounts
  /** `spec.priority` (as admission leaves it, or a dump carries it). */
  readonly priority?: number
  readonly priorityClassName?: string
  readonly preemptionPolicy?: "Never" | "PreemptLowerPriority"
  readonly topologySpreadConstraints?: ReadonlyArray<Manifest>
  /** An existing pod's `status.startTime` (RFC 3339; default: the same instant for every pod). */
  readonly startTime?: string
}

/** Requests, with the limits the API server requires for extended resources and hugepages (equal to the requests). */
const resourcesOf = (requests: Amounts): Manifest => {
  const limits = Object.fromEntries(Object.entries(requests).filter(([r]) => r.includes("/") || r.startsWith("hugepages-")))
  return Object.keys(limits).length === 0 ? { requests } : { requests, limits }
}

const container = (name: string, requests: Amounts | undefined, sidecar = false): Manifest => ({
  name,
  image: "registry.k8s.io/pause:3.10",
  ...(requests === undefined ? {} : { resources: resourcesOf(requests) }),
  ...(sidecar ? { restartPolicy: "Always" } : {}),
})

/** Upstream's existing pods are in the scheduler's snapshot: running, so no kubelet judges them again. */
const RUNNING = { phase: "Running", startTime: "2026-01-01T00:00:00Z" }
const running = (startTime: string | undefined) => (startTime === undefined ? RUNNING : { ...RUNNING, startTime })

/** A Pod in namespace `default`; one with a `nodeName` is an existing pod (running there). */
export const podOf = (name: string, o: PodOptions = {}): Manifest => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", ...(o.labels === undefined ? {} : { labels: o.labels }) },
  spec: {
    ...(o.nodeName === undefined ? {} : { nodeName: o.nodeName }),
    containers: (o.containers ?? []).map((r, i) => container(`c${i}`, r)),
    ...(o.initContainers === undefined ? {} : { initContainers: o.initContainers.map((c, i) => container(`init${i}`, c.requests, c.sidecar)) }),
    ...(o.overhead === undefined ? {} : { overhead: o.overhead }),
    ...(o.podRequests === undefined ? {} : { resources: resourcesOf(o.podRequests) }),
    ...(o.tolerations === undefined ? {} : { tolerations: o.tolerations }),
    ...(o.nodeSelector === undefined ? {} : { nodeSelector: o.nodeSelector }),
    ...(o.affinity === undefined ? {} : { affinity: o.affinity }),
    ...(o.priority === undefined ? {} : { priority: o.priority }),
    ...(o.priorityClassName === undefined ? {} : { priorityClassName: o.priorityClassName }),
    ...(o.preemptionPolicy === undefined ? {} : { preemptionPolicy: o.preemptionPolicy }),
    ...(o.topologySpreadConstraints === undefined ? {} : { topologySpreadConstraints: o.topologySpreadConstraints }),
  },
  ...(o.nodeName === undefined ? {} : { status: running(o.startTime) }),
})

/** Which extension points of the plugin a case runs. */
export type Points = "filter" | "score" | "both"

/**
 * A KubeSchedulerConfiguration running `plugin` alone (weight 1) at `points`, with `args`: every
 * default plugin disabled, the queue sort, binder and preemption kept (a profile needs them);
 * a filter-only case disables its score points, a score-only case its filter points. Several
 * plugins (an array) are all run at `points`; `args` then belongs to the first.
 */
export const configOf = (plugins: string | ReadonlyArray<string>, points: Points, args?: Manifest): string => {
  const all = typeof plugins === "string" ? [plugins] : plugins
  const plugin = all[0] as string
  const off = all.map((name) => ({ name }))
  return JSON.stringify({
    apiVersion: "kubescheduler.config.k8s.io/v1",
    kind: "KubeSchedulerConfiguration",
    profiles: [
      {
        schedulerName: "default-scheduler",
        plugins: {
          multiPoint: {
            disabled: [{ name: "*" }],
            enabled: [{ name: "PrioritySort" }, { name: "DefaultBinder" }, { name: "DefaultPreemption" }, ...all.map((name) => ({ name, weight: 1 }))],
          },
          ...(points === "score" ? { preFilter: { disabled: off }, filter: { disabled: off } } : {}),
          ...(points === "filter" ? { preScore: { disabled: off }, score: { disabled: off } } : {}),
        },
        ...(args === undefined ? {} : { pluginConfig: [{ name: plugin, args }] }),
      },
    ],
  })
}

/** One upstream case. The incoming pod is `default/incoming`. */
export interface TableCase {
  /** Upstream's case name, verbatim. */
  readonly name: string
  readonly nodes: ReadonlyArray<Manifest>
  readonly existing?: ReadonlyArray<Manifest>
  /** Further objects of the input (PodDisruptionBudgets, PriorityClasses). */
  readonly objects?: ReadonlyArray<Manifest>
  readonly pod: PodOptions
  readonly config: string
  /** The plugin's score on every node (all feasible; `null`: the plugin gave none there). */
  readonly scores?: Readonly<Record<string, number | null>>
  /** The filter's reasons on every infeasible node; nodes not named are feasible. */
  readonly reasons?: Readonly<Record<string, ReadonlyArray<string>>>
  /** Where the pod lands (`null`: pending). */
  readonly node?: string | null
  /** The whole message of a pending pod. */
  readonly message?: string
  /** The pods preemption evicts (names in `default`; compared as a set). */
  readonly victims?: ReadonlyArray<string>
  /** Why this restatement differs from upstream's case, if it does. */
  readonly note?: string
}

export type Engine = "hot" | "readable"

const INCOMING = "default/incoming"

/** The placement of the case's incoming pod on one engine. */
export const placementOf = (c: TableCase, engine: Engine): Placement => {
  const pods = [...(c.existing ?? []), ...(c.objects ?? []), podOf("incoming", c.pod)]
  const model = modelFromFiles([
    { file: "nodes.yaml", text: JSON.stringify({ apiVersion: "v1", kind: "NodeList", items: c.nodes }) },
    { file: "pods.yaml", text: pods.map((p) => JSON.stringify(p)).join("\n---\n") },
  ])
  const config = parseSchedulerConfig(c.config, "config.yaml")
  if (engine === "hot") expect(hotPathSupports(config.profile), "the configuration keeps the hot path").toBe(true)
  const placements = scheduleBatch(model.cluster, model.workload.pending, { profile: config.profile, profiles: config.profiles, engine, explain: true })
  const p = placements.find((x) => x.pod === INCOMING)
  if (p === undefined) throw new Error(`${c.name}: no placement for ${INCOMING}`)
  return p
}

/** Every expectation of a case against one placement. */
export const checkCase = (c: TableCase, plugin: ScorePluginName | string, p: Placement): void => {
  const evaluated = p.scores ?? []
  if (c.scores !== undefined) {
    expect(Object.fromEntries(evaluated.map((e) => [e.node, e.feasible ? (e.plugins[plugin as ScorePluginName] ?? null) : "infeasible"])), "scores").toEqual(c.scores)
  }
  if (c.reasons !== undefined) {
    expect(Object.fromEntries(evaluated.filter((e) => !e.feasible).map((e) => [e.node, e.reasons])), "reasons of the infeasible nodes").toEqual(c.reasons)
  }
  if (c.node !== undefined) expect(p.node, "node").toBe(c.node)
  if (c.victims !== undefined) expect([...p.victims].sort(), "victims").toEqual(c.victims.map((v) => `default/${v}`).sort())
  if (c.message !== undefined) expect(p.message, "message").toBe(c.message)
  // a pod placed by preemption keeps its failed cycle's message
  else if (c.node !== null && (c.victims ?? []).length === 0) expect(p.message, "message").toBe("")
}

/** The tests of one upstream table: each case on both engines, and the engines agree exactly. */
export const describeTable = (title: string, plugin: string, cases: ReadonlyArray<TableCase>): void => {
  describe(title, () => {
    it("case names are unique and every case expects something", () => {
      expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
      for (const c of cases) expect(c.scores !== undefined || c.reasons !== undefined || c.node !== undefined || c.victims !== undefined, c.name).toBe(true)
    })
    for (const c of cases) {
      it(c.name, () => {
        const readable = placementOf(c, "readable")
        const hot = placementOf(c, "hot")
        checkCase(c, plugin, readable)
        checkCase(c, plugin, hot)
        expect(hot, "hot ≡ readable").toEqual(readable)
      })
    }
  })
}

/**
 * A pending pod's message when every one of `n` nodes fails with all of `reasons` (the histogram
 * in kube-scheduler's sorted order); `resolvable`: preemption could help (no victim found among
 * equal-priority pods) rather than not.
 */
export const pendingMessage = (n: number, reasons: ReadonlyArray<string>, resolvable: boolean): string =>
  `0/${n} nodes are available: ${[...reasons].sort().map((r) => `${n} ${r}`).join(", ")}. preemption: 0/${n} nodes are available: ${n} ${resolvable ? "No preemption victims found for incoming pod" : "Preemption is not helpful for scheduling"}.`

/** An upstream case catcluster cannot express: its input is refused as bad input, naming `error`. */
export interface RefusedCase {
  readonly name: string
  readonly nodes: ReadonlyArray<Manifest>
  readonly pod: PodOptions
  readonly config: string
  /** Why upstream's case cannot be restated. */
  readonly why: string
  /** What the typed error must say (path and problem). */
  readonly error: string | RegExp
}

/** Upstream cases whose input catcluster refuses loudly, as the API server of v1.35 would. */
export const describeRefusals = (title: string, cases: ReadonlyArray<RefusedCase>): void => {
  describe(`${title}: refused`, () => {
    for (const c of cases) {
      it(`${c.name} — ${c.why}`, () => {
        const asCase: TableCase = { name: c.name, nodes: c.nodes, pod: c.pod, config: c.config, node: null }
        expect(() => placementOf(asCase, "readable")).toThrow(c.error)
      })
    }
  })
}
