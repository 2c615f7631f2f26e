/**
 * fast-check generators of small clusters and workloads that exercise every plugin: taints of
 * all effects, labels, cordons, selectors and affinity with every operator, tolerations, absent
 * vs explicit-0 requests, init containers and sidecars, overhead, extended resources, KVM, CPU
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

export const podArb = (key: string): fc.Arbitrary<SchedulingPod> =>
  fc
    .record({
      containers: fc.array(requests, { minLength: 1, maxLength: 2 }),
      init: fc.array(fc.record({ requests, restartable: fc.boolean() }), { maxLength: 2 }),
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
    })
    .map(
      (r): SchedulingPod => ({
        key,
        containers: r.containers.map((requests, i) => ({ name: `c${i}`, requests })),
        initContainers: r.init.map((c, i) => ({ name: `i${i}`, ...c })),
        overhead: r.overhead,
        nodeSelector: r.nodeSelector,
        ...(r.required === undefined ? {} : { requiredTerms: r.required }),
        preferredTerms: r.preferred,
        tolerations: r.tolerations,
        priority: r.priority,
        ...(r.numa === undefined ? {} : { numa: r.numa }),
        requiredFeatures: r.features,
        requiresKvm: r.kvm,
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
