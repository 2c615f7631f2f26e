/**
 * Hot path ≡ readable σ with storage: the four volume plugins (VolumeRestrictions' disk and
 * ReadWriteOncePod conflicts, NodeVolumeLimits' CSINode counts with VolumeAttachments, VolumeBinding's bound, static and
 * provisioned claims with Reserve and storage capacity, VolumeZone), their PreFilter rejections, preemption releasing
 * victims' volumes, and NodePorts, ImageLocality and scheduling gates on the same pods. The two
 * share the plugins' kernels (matching rules, formulas) but not the bookkeeping: the readable σ
 * re-reads every pod on every node each cycle, the hot path keeps per-node volume pods and claim
 * users up to date on bind and unbind, and its own storage objects after each Reserve.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import type { VolumeKernelFaults } from "../../src/scheduler/core/VolumeKernel.ts"
import {
  type ClusterSnapshot,
  defaultProfile,
  hotScheduler,
  type Placement,
  type Profile,
  readableScheduler,
  type Scheduler,
  type SchedulingPod,
} from "../../src/scheduler/index.ts"
import { type VolumeCase, volumeClusterArb } from "./volumeArbitraries.ts"

const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default", defaultProfile],
  [
    "ports, resources and the volume filters only",
    {
      ...defaultProfile,
      filters: ["NodePorts", "NodeResourcesFit", "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone"],
      weights: { NodeResourcesFit: 1, ImageLocality: 3 },
    },
  ],
  [
    "NodeVolumeLimits and VolumeZone without VolumeBinding (ephemeral claims reach NodeVolumeLimits' Filter)",
    { ...defaultProfile, filters: ["NodeAffinity", "NodeResourcesFit", "NodeVolumeLimits", "VolumeZone"], weights: { NodeResourcesFit: 1 } },
  ],
  [
    "VolumeZone and NodeVolumeLimits without PreFilter, no DynamicResources",
    { ...defaultProfile, preFilterDisabled: ["VolumeZone", "NodeVolumeLimits"], dynamicResources: false },
  ],
]

const clusterOf = (c: VolumeCase): ClusterSnapshot => ({
  nodes: c.nodes,
  bound: c.pods.slice(0, c.prebound).map((pod, i) => ({ pod, node: c.nodes[i % c.nodes.length]!.name })),
  ...c.objects,
})

const run = (s: Scheduler, pods: ReadonlyArray<SchedulingPod>): ReadonlyArray<Placement> => pods.map((p) => s.schedule(p, { explain: true }))

/** A second wave: the same pods again, more important, so they preempt the first wave's (and free its volumes). */
const secondWave = (pods: ReadonlyArray<SchedulingPod>): ReadonlyArray<SchedulingPod> => pods.map((p) => ({ ...p, key: `${p.key}-w2`, priority: p.priority + 4 }))

/** Both schedulers over one case (optionally followed by a second wave): placements (with explain) and the final bindings. */
const both = (c: VolumeCase, profile: Profile, faults: VolumeKernelFaults = {}, waves: 1 | 2 = 1) => {
  const cluster = clusterOf(c)
  const first = c.pods.slice(c.prebound)
  const rest = waves === 1 ? first : [...first, ...secondWave(c.pods)]
  const readable = readableScheduler(cluster, { profile, seed: c.seed })
  const hot = hotScheduler(cluster, { profile, seed: c.seed }, { volumes: faults })
  return { readable: run(readable, rest), hot: run(hot, rest), readableBindings: readable.bindings(), hotBindings: hot.bindings() }
}

const agree = (c: VolumeCase, profile: Profile, faults: VolumeKernelFaults = {}, waves: 1 | 2 = 1): void => {
  const r = both(c, profile, faults, waves)
  expect(r.hot).toEqual(r.readable)
  expect(r.hotBindings).toEqual(r.readableBindings)
}

describe("hot path ≡ readable σ with volumes, host ports, images and gates", () => {
  for (const [name, profile] of profiles) {
    it(`same placements, victims, reasons, messages and scores (${name})`, () => {
      const { seed, numRuns } = runConfig(250)
      fc.assert(
        fc.property(volumeClusterArb, (c) => agree(c, profile)),
        { seed, numRuns },
      )
    })
  }

  it("and when a second, more important wave of the same pods preempts the first (default)", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(volumeClusterArb, (c) => agree(c, defaultProfile, {}, 2)),
      { seed, numRuns },
    )
  })

  it("and without explain (replicas through the score cache) the same nodes", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(volumeClusterArb, (c) => {
        // each pod three times in a row: replicas sharing claims (a StatefulSet's would not), the cache serving the volume-free ones
        const replicas = c.pods.flatMap((p) => [p, { ...p, key: `${p.key}-r1` }, { ...p, key: `${p.key}-r2` }])
        const cluster: ClusterSnapshot = { nodes: c.nodes, bound: [], ...c.objects }
        const readable = readableScheduler(cluster, { seed: c.seed })
        const hot = hotScheduler(cluster, { seed: c.seed })
        expect(replicas.map((p) => hot.schedule(p))).toEqual(replicas.map((p) => readable.schedule(p)))
        expect(hot.bindings()).toEqual(readable.bindings())
      }),
      { seed, numRuns },
    )
  })
})

/** Every reason, message and score signal the readable σ gives over the property's cases, and how often victims had volumes. */
const outcomes = (profile: Profile): { readonly seen: ReadonlySet<string>; readonly victimsWithVolumes: number } => {
  const { seed, numRuns } = runConfig(250)
  const seen = new Set<string>()
  let victimsWithVolumes = 0
  fc.assert(
    fc.property(volumeClusterArb, (c) => {
      const s = readableScheduler(clusterOf(c), { profile, seed: c.seed })
      const rest = c.pods.slice(c.prebound)
      for (const p of [...rest, ...secondWave(c.pods)]) {
        const placement = s.schedule(p, { explain: true })
        for (const e of placement.scores ?? []) {
          for (const r of e.reasons) seen.add(r)
          if ((e.plugins.ImageLocality ?? 0) > 0) seen.add("image score")
        }
        for (const r of placement.reasons) seen.add(r)
        if (placement.victims.some((v) => (c.pods.find((q) => q.key === v || `${q.key}-w2` === v)?.volumes?.length ?? 0) > 0)) victimsWithVolumes++
      }
    }),
    { seed, numRuns },
  )
  return { seen, victimsWithVolumes }
}

describe("the generator reaches every volume outcome", () => {
  it("default profile: each volume reason, PreFilter message, port conflict, image score and gate; victims with volumes", () => {
    const { seen, victimsWithVolumes } = outcomes(defaultProfile)
    const expected = [
      "node(s) had no available disk",
      "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode",
      "node(s) exceed max volume count",
      "node(s) had volume node affinity conflict",
      "node(s) didn't find available persistent volumes to bind",
      "node(s) did not have enough free storage",
      "node(s) had no available volume zone",
      "pod has unbound immediate PersistentVolumeClaims",
      'persistentvolumeclaim "c5" not found',
      'persistentvolume "pv9" not found',
      "node(s) didn't have free ports for the requested pod ports",
      "node(s) didn't satisfy plugin(s) [NodeAffinity]",
      "SchedulingGated",
      "image score",
    ]
    expect(expected.filter((r) => !seen.has(r))).toEqual([])
    expect([...seen].some((r) => r.startsWith("waiting for ephemeral volume controller"))).toBe(true)
    expect([...seen].some((r) => r.includes("(pod is not owner)"))).toBe(true)
    expect(victimsWithVolumes).toBeGreaterThan(20)
  })

  it("without VolumeBinding: NodeVolumeLimits' own lookups reach Filter, VolumeZone sees unbound claims", () => {
    const { seen } = outcomes(profiles[2]![1])
    expect([...seen].some((r) => r.startsWith("looking up PVC ns/"))).toBe(true)
    expect(seen.has("node(s) exceed max volume count")).toBe(true)
    expect(seen.has("PersistentVolumeClaim had no pv name and storageClass name")).toBe(true)
    expect(seen.has("PersistentVolume had no name")).toBe(true)
  })

  it("a VolumeAttachment alone puts a node over its volume limit, and one on a pod's volume counts once", () => {
    // the same case without its VolumeAttachments: a node newly over the limit is the attachments' doing
    // rarer than the other outcomes (a tight CSINode limit, a pending pod's CSI claim and an attachment on one node): more runs
    const { seed, numRuns } = runConfig(800)
    let overByAttachment = 0
    let attachedAndUsed = 0
    fc.assert(
      fc.property(volumeClusterArb, (c) => {
        const attachments = c.objects.storage?.volumeAttachments ?? []
        if (attachments.length === 0) return
        const without: VolumeCase = { ...c, objects: { ...c.objects, storage: { ...c.objects.storage!, volumeAttachments: [] } } }
        const rest = [...c.pods.slice(c.prebound), ...secondWave(c.pods)]
        const over = (k: VolumeCase) => run(readableScheduler(clusterOf(k), { profile: defaultProfile, seed: k.seed }), rest).map((p) => (p.scores ?? []).filter((e) => e.reasons.includes("node(s) exceed max volume count")).length)
        const withThem = over(c)
        if (over(without).some((n, i) => (withThem[i] ?? 0) > n)) overByAttachment++
        const bound = clusterOf(c).bound
        // the PVs of the claims a pod mounts (its namespace is its key's first part)
        const pvsOf = (pod: SchedulingPod) =>
          (pod.volumes ?? []).flatMap((v) =>
            v.source.type === "persistentVolumeClaim" ? [c.objects.storage?.persistentVolumeClaims.find((q) => `${q.namespace}/` === pod.key.slice(0, q.namespace.length + 1) && q.name === (v.source as { claimName: string }).claimName)?.volumeName] : [],
          )
        if (attachments.some((a) => bound.some((b) => b.node === a.nodeName && pvsOf(b.pod).includes(a.persistentVolumeName)))) attachedAndUsed++
      }),
      { seed, numRuns },
    )
    expect(overByAttachment).toBeGreaterThan(0)
    expect(attachedAndUsed).toBeGreaterThan(0)
  })

  it("VolumeZone without PreFilter: VolumeBinding's missing-PV reason reaches Filter", () => {
    const { seen } = outcomes(profiles[3]![1])
    expect(seen.has("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)")).toBe(true)
    expect(seen.has("node(s) had no available volume zone")).toBe(true)
  })
})

describe("the volume equivalence catches a broken hot path", () => {
  const mutants: ReadonlyArray<readonly [string, VolumeKernelFaults]> = [
    ["Reserve forgotten: later pods do not see the bound or provisioned PV", { noReserve: true }],
    ["an evicted pod's volumes stay on its node", { keepUnbound: true }],
    ["preemption's dry run keeps the victims' volumes", { dryRunKeepsVictims: true }],
    ["preemption's dry run recounts ReadWriteOncePod claims (not upstream's RemovePod)", { recountReadWriteOncePod: true }],
    ["Reserve takes a provisioned volume's size off its CSIStorageCapacity (the scheduler never does)", { reserveTakesCapacity: true }],
    ["NodeVolumeLimits ignores the node's VolumeAttachments", { ignoreAttachments: true }],
  ]
  for (const [name, faults] of mutants) {
    it(`${name}: a shrunk counterexample`, () => {
      const { seed } = runConfig(100)
      const out = fc.check(
        fc.property(volumeClusterArb, (c) => agree(c, defaultProfile, faults, 2)),
        { seed, numRuns: 2000 },
      )
      expect(out.failed).toBe(true)
      const [counterexample] = out.counterexample ?? []
      // the shrunk case really separates the broken hot path from the readable σ, and the sound one does not
      const r = both(counterexample!, defaultProfile, faults, 2)
      expect(r.hot).not.toEqual(r.readable)
      agree(counterexample!, defaultProfile, {}, 2)
      console.log(`mutant "${name}" caught after ${out.numRuns} case(s), shrunk ${out.numShrinks} time(s):\n${fc.stringify(counterexample)}`)
    })
  }
})
