/**
 * fast-check generators of small clusters and workloads that exercise every plugin: taints of
 * all effects, labels, cordons, selectors and affinity with every operator, tolerations, absent
 * vs explicit-0 requests, init containers and sidecars, overhead, pod-level requests, the status
 * resources of a resize in flight (infeasible or not), extended resources, KVM, CPU
 * features, NUMA cells and dedicated-CPU pods, priorities. Sizes are small so that resources run
 * out and ties and preemptions happen often.
 */
import fc from "fast-check"
import type {
  NodeSelectorTerm,
  NumaCell,
  ResourceAmounts,
  SchedulingNode,
  SchedulingPod,
  SelectorRequirement,
  Taint,
  Toleration,
} from "../../src/scheduler/index.ts"

const Mi = 2 ** 20
const keys = ["zone", "disk", "gen", "role"] as const
const values = ["a", "b", "1", "7", "x"] as const

const taint: fc.Arbitrary<Taint> = fc.record({
  key: fc.constantFrom("dedicated", "gpu", "spot"),
  value: fc.constantFrom("", "yes", "no"),
  effect: fc.constantFrom("NoSchedule", "PreferNoSchedule", "NoExecute"),
})

const numaCell: fc.Arbitrary<NumaCell> = fc.record({
  cpus: fc.integer({ min: 0, max: 6 }),
  memoryBytes: fc.integer({ min: 0, max: 8 }).map((g) => g * 512 * Mi),
  hugepagesBytes: fc.integer({ min: 0, max: 4 }).map((g) => g * 512 * Mi),
})

export const nodeArb = (name: string): fc.Arbitrary<SchedulingNode> =>
  fc
    .record({
      cpu: fc.integer({ min: 0, max: 12 }).map((c) => c * 500),
      memory: fc.integer({ min: 0, max: 16 }).map((g) => g * 512 * Mi),
      pods: fc.integer({ min: 0, max: 8 }),
      storage: fc.option(fc.integer({ min: 0, max: 4 }).map((g) => g * 1024 * Mi), { nil: undefined }),
      gpu: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      kvm: fc.boolean(),
      labels: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 3 }),
      features: fc.subarray(["vmx", "avx2"]),
      taints: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(taint, { maxLength: 2 }) }),
      unschedulable: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      numa: fc.option(fc.array(numaCell, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    })
    .map((r) => {
      const allocatable: Record<string, number> = { cpu: r.cpu, memory: r.memory, pods: r.pods }
      if (r.storage !== undefined) allocatable["ephemeral-storage"] = r.storage
      if (r.gpu !== undefined) allocatable["example.com/gpu"] = r.gpu
      if (r.kvm) allocatable["devices.kubevirt.io/kvm"] = 1000
      const labels: Record<string, string> = { ...r.labels, "kubernetes.io/hostname": name }
      for (const f of r.features) labels[`cpu-feature.node.kubevirt.io/${f}`] = "true"
      return {
        name,
        allocatable,
        labels,
        taints: r.taints,
        unschedulable: r.unschedulable,
        ...(r.numa === undefined ? {} : { numaCells: r.numa }),
      }
    })

const requests: fc.Arbitrary<ResourceAmounts> = fc
  .record({
    base: fc.record(
      {
        cpu: fc.integer({ min: 0, max: 6 }).map((c) => c * 250),
        memory: fc.integer({ min: 0, max: 8 }).map((g) => g * 256 * Mi),
      },
      { requiredKeys: [] },
    ),
    extra: fc.oneof(
      { weight: 6, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.record({ "ephemeral-storage": fc.integer({ min: 0, max: 2 }).map((g) => g * 512 * Mi) }) },
      { weight: 1, arbitrary: fc.record({ "example.com/gpu": fc.integer({ min: 0, max: 2 }) }) },
    ),
  })
  .map(({ base, extra }) => ({ ...base, ...extra }) as ResourceAmounts)

const requirement: fc.Arbitrary<SelectorRequirement> = fc.oneof(
  fc.record({
    key: fc.constantFrom(...keys),
    operator: fc.constantFrom("In", "NotIn"),
    values: fc.subarray([...values], { minLength: 1 }),
  }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom("Exists", "DoesNotExist"), values: fc.constant([]) }),
  fc.record({ key: fc.constantFrom(...keys), operator: fc.constantFrom("Gt", "Lt"), values: fc.constantFrom(["0"], ["5"], ["x"]) }),
) as fc.Arbitrary<SelectorRequirement>

const term: fc.Arbitrary<NodeSelectorTerm> = fc.record({
  matchExpressions: fc.array(requirement, { maxLength: 2 }),
  matchFields: fc.oneof(
    { weight: 4, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("n0", "n1").map((v) => [{ key: "metadata.name", operator: "In", values: [v] } as const]),
    },
  ),
})

const toleration: fc.Arbitrary<Toleration> = fc.oneof(
  fc.record({
    key: fc.constantFrom("dedicated", "gpu", "spot", "node.kubernetes.io/unschedulable"),
    operator: fc.constant("Equal" as const),
    value: fc.constantFrom("", "yes", "no"),
    effect: fc.constantFrom("", "NoSchedule", "PreferNoSchedule", "NoExecute"),
  }),
  fc.record({
    key: fc.constantFrom("", "dedicated", "spot"),
    operator: fc.constant("Exists" as const),
    value: fc.constant(""),
    effect: fc.constantFrom("", "NoSchedule", "PreferNoSchedule"),
  }),
)

// What a live pod's container status may say of a resize in flight (bound pods count it).
const statusLists: fc.Arbitrary<{ readonly allocated?: ResourceAmounts; readonly actuated?: ResourceAmounts }> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.record({ allocated: requests, actuated: requests }, { requiredKeys: [] }) },
)

const podLevel: fc.Arbitrary<ResourceAmounts | undefined> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({ cpu: fc.integer({ min: 0, max: 6 }).map((c) => c * 250), memory: fc.integer({ min: 1, max: 8 }).map((g) => g * 256 * Mi) }, { requiredKeys: [] }),
  },
)

export const podArb = (key: string): fc.Arbitrary<SchedulingPod> =>
  fc
    .record({
      containers: fc.array(fc.record({ requests, status: statusLists }), { minLength: 1, maxLength: 2 }),
      init: fc.array(fc.record({ requests, restartable: fc.boolean(), status: statusLists }), { maxLength: 2 }),
      podLevel,
      resizeInfeasible: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      overhead: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: requests }),
      nodeSelector: fc.oneof(
        { weight: 6, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...keys), fc.constantFrom(...values), { maxKeys: 1 }) },
      ),
      required: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.array(term, { maxLength: 2 }) }),
      preferred: fc.oneof(
        { weight: 2, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), preference: term }), { maxLength: 2 }) },
      ),
      tolerations: fc.array(toleration, { maxLength: 2 }),
      priority: fc.integer({ min: 0, max: 3 }),
      numa: fc.oneof(
        { weight: 5, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.record({
            vcpus: fc.integer({ min: 1, max: 4 }),
            memoryBytes: fc.integer({ min: 1, max: 4 }).map((g) => g * 512 * Mi),
            hugepages: fc.boolean(),
          }),
        },
      ),
      features: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray(["vmx", "avx2", "sev"]) }),
      kvm: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      // an earlier preemption's nomination, sometimes to a node the cluster does not have
      nominated: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("n0", "n1", "n2", "n9") }),
    })
    .map(
      (r): SchedulingPod => ({
        key,
        containers: r.containers.map((c, i) => ({ name: `c${i}`, requests: c.requests, ...c.status })),
        initContainers: r.init.map((c, i) => ({ name: `i${i}`, requests: c.requests, restartable: c.restartable, ...c.status })),
        overhead: r.overhead,
        ...(r.podLevel === undefined || Object.keys(r.podLevel).length === 0 ? {} : { podLevelRequests: r.podLevel }),
        ...(r.resizeInfeasible ? { resizeInfeasible: true } : {}),
        nodeSelector: r.nodeSelector,
        ...(r.required === undefined ? {} : { requiredTerms: r.required }),
        preferredTerms: r.preferred,
        tolerations: r.tolerations,
        priority: r.priority,
        ...(r.numa === undefined ? {} : { numa: r.numa }),
        requiredFeatures: r.features,
        requiresKvm: r.kvm,
        ...(r.nominated === undefined ? {} : { nominatedNodeName: r.nominated }),
      }),
    )

/** A cluster of 1..6 nodes and a workload of 1..14 pods, some pre-bound. */
export const clusterArb = fc
  .integer({ min: 1, max: 6 })
  .chain((nodeCount) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: nodeCount }, (_, i) => nodeArb(`n${i}`))),
      pods: fc.integer({ min: 1, max: 14 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => podArb(`ns/p${i}`)))),
      prebound: fc.integer({ min: 0, max: 3 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    }),
  )

// ——— Pod relations: namespaces, labels, owners, Services, spread constraints, pod (anti-)affinity ———

const namespaces = ["ns", "other"] as const
const appLabel = fc.constantFrom("a", "b")
const podLabels: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 4, arbitrary: fc.record({ app: appLabel, tier: fc.constantFrom("1", "2") }, { requiredKeys: ["app"] }) },
)
const labelSelector: fc.Arbitrary<import("../../src/scheduler/index.ts").LabelSelector> = fc.oneof(
  { weight: 4, arbitrary: appLabel.map((app) => ({ matchLabels: { app } })) },
  {
    weight: 1,
    arbitrary: fc.record({
      key: fc.constantFrom("app", "tier"),
      operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist"),
      values: fc.constantFrom(["a"], ["1", "2"]),
    }).map((r) => ({ matchExpressions: [{ ...r, values: r.operator === "Exists" || r.operator === "DoesNotExist" ? [] : r.values }] as const })),
  },
)
const topologyKey = fc.constantFrom("kubernetes.io/hostname", "zone", "rack")

const spreadConstraint: fc.Arbitrary<import("../../src/scheduler/index.ts").TopologySpreadConstraint> = fc
  .record({
    maxSkew: fc.integer({ min: 1, max: 2 }),
    topologyKey,
    whenUnsatisfiable: fc.constantFrom("DoNotSchedule", "ScheduleAnyway"),
    labelSelector: fc.option(labelSelector, { nil: undefined, freq: 8 }),
    minDomains: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined, freq: 3 }),
    nodeAffinityPolicy: fc.option(fc.constantFrom("Honor", "Ignore"), { nil: undefined }),
    nodeTaintsPolicy: fc.option(fc.constantFrom("Honor", "Ignore"), { nil: undefined }),
    matchLabelKeys: fc.option(fc.constant(["tier"]), { nil: undefined, freq: 4 }),
  })
  .map((c) => {
    const out: Record<string, unknown> = { maxSkew: c.maxSkew, topologyKey: c.topologyKey, whenUnsatisfiable: c.whenUnsatisfiable }
    if (c.labelSelector !== undefined) out["labelSelector"] = c.labelSelector
    // the API server allows minDomains only with DoNotSchedule
    if (c.minDomains !== undefined && c.whenUnsatisfiable === "DoNotSchedule") out["minDomains"] = c.minDomains
    if (c.nodeAffinityPolicy !== undefined) out["nodeAffinityPolicy"] = c.nodeAffinityPolicy
    if (c.nodeTaintsPolicy !== undefined) out["nodeTaintsPolicy"] = c.nodeTaintsPolicy
    if (c.matchLabelKeys !== undefined) out["matchLabelKeys"] = c.matchLabelKeys
    return out as unknown as import("../../src/scheduler/index.ts").TopologySpreadConstraint
  })

const affinityTerm: fc.Arbitrary<import("../../src/scheduler/index.ts").PodAffinityTerm> = fc
  .record({
    labelSelector: fc.option(labelSelector, { nil: undefined, freq: 8 }),
    namespaces: fc.oneof({ weight: 4, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.subarray([...namespaces], { minLength: 1 }) }),
    namespaceSelector: fc.option(fc.constantFrom({}, { matchLabels: { team: "x" } }), { nil: undefined, freq: 5 }),
    topologyKey,
  })
  .map((t) => ({
    ...(t.labelSelector === undefined ? {} : { labelSelector: t.labelSelector }),
    namespaces: t.namespaces,
    ...(t.namespaceSelector === undefined ? {} : { namespaceSelector: t.namespaceSelector }),
    topologyKey: t.topologyKey,
  }))

const affinityRules = fc.record({
  required: fc.array(affinityTerm, { maxLength: 1 }),
  preferred: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), term: affinityTerm }), { maxLength: 2 }),
})

const owner = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constantFrom({ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs-a" }, { apiVersion: "apps/v1", kind: "StatefulSet", name: "ss-b" }) },
  { weight: 1, arbitrary: fc.constant({ apiVersion: "v1", kind: "ReplicationController", name: "rc-a" }) },
)

/** A pod with relations: the plain pod's constraints plus namespace, labels, owner, spread and affinity. */
export const relationalPodArb = (key: string): fc.Arbitrary<SchedulingPod> =>
  fc
    .record({
      base: podArb(key),
      namespace: fc.constantFrom(...namespaces),
      labels: podLabels,
      controller: owner,
      spread: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(spreadConstraint, { minLength: 1, maxLength: 2 }) }),
      podAffinity: fc.option(affinityRules, { nil: undefined, freq: 3 }),
      podAntiAffinity: fc.option(affinityRules, { nil: undefined, freq: 3 }),
      terminating: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    })
    .map(({ base, namespace, labels, controller, spread, podAffinity, podAntiAffinity, terminating }) => ({
      ...base,
      // the relational cases are about pods, not NUMA: keep VM extras off
      requiredFeatures: [],
      requiresKvm: false,
      key: `${namespace}/${key.split("/")[1] ?? key}`,
      namespace,
      labels,
      ...(controller === undefined ? {} : { controller }),
      ...(spread.length === 0 ? {} : { topologySpreadConstraints: spread }),
      ...(podAffinity === undefined ? {} : { podAffinity }),
      ...(podAntiAffinity === undefined ? {} : { podAntiAffinity }),
      ...(terminating ? { terminating } : {}),
    }))

/** Nodes with zones and racks (some missing), for the relational plugins. */
const relationalNodeArb = (name: string): fc.Arbitrary<SchedulingNode> =>
  fc
    .record({ base: nodeArb(name), zone: fc.option(fc.constantFrom("z1", "z2", "z3"), { nil: undefined, freq: 6 }), rack: fc.option(fc.constantFrom("r1", "r2"), { nil: undefined, freq: 2 }) })
    .map(({ base, zone, rack }) => ({
      ...base,
      labels: { ...base.labels, ...(zone === undefined ? {} : { zone }), ...(rack === undefined ? {} : { rack }) },
    }))

/** The Services, controllers and namespaces the relational pods refer to. */
const relationalObjects = fc.record({
  namespaces: fc.constant([
    { name: "ns", labels: { "kubernetes.io/metadata.name": "ns", team: "x" } },
    { name: "other", labels: { "kubernetes.io/metadata.name": "other" } },
  ]),
  services: fc.subarray([
    { namespace: "ns", name: "svc-a", selector: { app: "a" } },
    { namespace: "other", name: "svc-b", selector: { app: "b" } },
    { namespace: "ns", name: "headless" },
  ]),
  controllers: fc.subarray([
    { kind: "ReplicaSet" as const, namespace: "ns", name: "rs-a", selector: { matchLabels: { app: "a" } } },
    { kind: "StatefulSet" as const, namespace: "ns", name: "ss-b", selector: { matchLabels: { app: "b" } } },
    { kind: "ReplicationController" as const, namespace: "other", name: "rc-a", selector: { matchLabels: { app: "a" } } },
  ]),
})

/** A cluster of 1..6 zoned nodes, 1..14 relational pods (some pre-bound) and the objects they refer to. */
export const relationalClusterArb = fc
  .integer({ min: 1, max: 6 })
  .chain((nodeCount) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: nodeCount }, (_, i) => relationalNodeArb(`n${i}`))),
      pods: fc.integer({ min: 1, max: 14 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => relationalPodArb(`ns/p${i}`)))),
      prebound: fc.integer({ min: 0, max: 6 }),
      objects: relationalObjects,
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    }),
  )
