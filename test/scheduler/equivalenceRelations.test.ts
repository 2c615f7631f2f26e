/**
 * Hot path ≡ readable σ for pods related to other pods: namespaces, labels, owners and Services
 * (PodTopologySpread's system and listed defaults), their own spread constraints (both actions,
 * minDomains, inclusion policies, matchLabelKeys), required and preferred pod (anti-)affinity with
 * namespaces and namespace selectors, terminating pods, and preemption across all of it. The two
 * implementations share no counting code: the readable plugins recount bound pods every cycle,
 * the hot path keeps per-class counts up to date.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import {
  type ClusterSnapshot,
  defaultProfile,
  hotScheduler,
  pod,
  type Profile,
  readableScheduler,
  type Scheduler,
  type SchedulingPod,
} from "../../src/scheduler/index.ts"
import { relationalClusterArb } from "./arbitraries.ts"
import { expectEnginesAgree } from "./enginesAgree.ts"

const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default", defaultProfile],
  [
    "List defaulting, hard weight 5, existing preferences ignored",
    {
      ...defaultProfile,
      podTopologySpread: {
        defaultingType: "List",
        defaultConstraints: [
          { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" },
          { maxSkew: 2, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", nodeTaintsPolicy: "Honor" },
        ],
      },
      interPodAffinity: { hardPodAffinityWeight: 5, ignorePreferredTermsOfExistingPods: true },
    },
  ],
  ["spread and pod affinity only", { ...defaultProfile, filters: ["PodTopologySpread", "InterPodAffinity"], weights: { PodTopologySpread: 1, InterPodAffinity: 1 } }],
]


describe("hot path ≡ readable σ with pod relations", () => {
  for (const [name, profile] of profiles) {
    it(`same placements, victims, reasons, messages and scores (${name})`, () => {
      const { seed, numRuns } = runConfig(200)
      fc.assert(
        fc.property(relationalClusterArb, (input) => expectEnginesAgree(input, profile)),
        { seed, numRuns },
      )
    })
  }

  it("and without explain (the incremental cache) the same nodes", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(relationalClusterArb, ({ nodes, pods, objects, seed: tieSeed }) => {
        // replicas: each pod three times in a row, so the score cache builds entries and serves them
        const replicas = pods.flatMap((p) => [p, { ...p, key: `${p.key}-r1` }, { ...p, key: `${p.key}-r2` }])
        const cluster: ClusterSnapshot = { nodes, bound: [], ...objects }
        const readable = readableScheduler(cluster, { seed: tieSeed })
        const hot = hotScheduler(cluster, { seed: tieSeed })
        expect(replicas.map((p) => hot.schedule(p))).toEqual(replicas.map((p) => readable.schedule(p)))
      }),
      { seed, numRuns },
    )
  })
})

describe("system default spreading of Deployment replicas (the hot path's score cache)", () => {
  // Roomy nodes in up to three zones (one without a zone), PreferNoSchedule taints on some, and
  // Deployments whose replicas fit: the score cache builds an entry per Deployment and serves its
  // replicas from the per-zone summaries.
  const roomyNode = (name: string) =>
    fc
      .record({
        cpu: fc.integer({ min: 2, max: 12 }).map((c) => c * 500),
        memory: fc.integer({ min: 8, max: 32 }).map((g) => g * 512 * 2 ** 20),
        zone: fc.option(fc.constantFrom("z1", "z2", "z3"), { nil: undefined, freq: 6 }),
        soft: fc.boolean(),
      })
      .map(({ cpu, memory, zone, soft }) => ({
        name,
        allocatable: { cpu, memory, pods: 30 },
        labels: { "kubernetes.io/hostname": name, ...(zone === undefined ? {} : { "topology.kubernetes.io/zone": zone }) },
        taints: soft ? [{ key: "spot", value: "", effect: "PreferNoSchedule" as const }] : [],
        unschedulable: false,
      }))
  const deployment = fc.record({
    cpu: fc.integer({ min: 1, max: 8 }).map((c) => c * 125),
    memory: fc.integer({ min: 1, max: 8 }).map((g) => g * 128 * 2 ** 20),
    replicas: fc.integer({ min: 1, max: 14 }),
    owner: fc.constantFrom("ReplicaSet", "StatefulSet", "Service"),
    // replicas as a controller makes them, sharing the template's objects (the hot path then
    // reuses the last pod's compiled form, signatures and label class), or each built afresh
    shared: fc.boolean(),
  })
  type Deployment = { readonly cpu: number; readonly memory: number; readonly replicas: number; readonly owner: "ReplicaSet" | "StatefulSet" | "Service"; readonly shared: boolean }
  type Node = Parameters<typeof hotScheduler>[0]["nodes"][number]
  const replicasAgree = (nodes: ReadonlyArray<Node>, ds: ReadonlyArray<Deployment>, tieSeed: number, profile: Profile = defaultProfile): void => {
    const controllers = ds.flatMap((d, i) =>
      d.owner === "Service" ? [] : [{ kind: d.owner, namespace: "ns", name: `c-${i}`, selector: { matchLabels: { app: `d${i}` } } }],
    )
    const services = ds.flatMap((d, i) => (d.owner === "Service" ? [{ namespace: "ns", name: `s-${i}`, selector: { app: `d${i}` } }] : []))
    const replica = (d: Deployment, i: number, r: number) =>
      pod(`ns/d${i}-${r}`, { cpu: d.cpu, memory: d.memory }, {
        labels: { app: `d${i}` },
        ...(d.owner === "Service" ? {} : { controller: { apiVersion: "apps/v1", kind: d.owner, name: `c-${i}` } }),
      })
    const pods = ds.flatMap((d, i) => {
      const template = replica(d, i, 0)
      return Array.from({ length: d.replicas }, (_, r) => (d.shared ? { ...template, key: `ns/d${i}-${r}` } : replica(d, i, r)))
    })
    const cluster: ClusterSnapshot = { nodes, bound: [], controllers, services }
    const readable = readableScheduler(cluster, { seed: tieSeed, profile })
    const hot = hotScheduler(cluster, { seed: tieSeed, profile })
    const placements = pods.map((p) => hot.schedule(p))
    expect(placements).toEqual(pods.map((p) => readable.schedule(p)))
    // the same replicas with no object in common place identically
    const fresh = hotScheduler(cluster, { seed: tieSeed, profile })
    expect(pods.map((p) => fresh.schedule(structuredClone(p)))).toEqual(placements)
  }
  it("replicas arriving back to back are placed as the readable σ places them", () => {
    const { seed, numRuns } = runConfig(150)
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roomyNode(`n${i}`)))),
        fc.array(deployment, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (nodes, ds, tieSeed) => replicasAgree(nodes, ds, tieSeed),
      ),
      { seed, numRuns },
    )
  })
  it("and on clusters of several 64-node summary blocks (replica-hosting nodes in any block)", () => {
    const { seed, numRuns } = runConfig(25)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roomyNode(`t${i}`)))),
        fc.integer({ min: 40, max: 100 }),
        fc.array(deployment.map((d) => ({ ...d, replicas: d.replicas * 3 })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (kinds, copies, ds, tieSeed) => {
          // copies of a few node shapes, in node order, so totals repeat across blocks
          const nodes = Array.from({ length: kinds.length * copies }, (_, i) => {
            const k = kinds[i % kinds.length] as Node
            return { ...k, name: `n${i}`, labels: { ...k.labels, "kubernetes.io/hostname": `n${i}` } }
          })
          // every node scored (above 100 nodes the adaptive default samples them), as the cache needs
          replicasAgree(nodes, ds, tieSeed, { ...defaultProfile, nodesToScore: "all" })
        },
      ),
      { seed, numRuns },
    )
  })
})
