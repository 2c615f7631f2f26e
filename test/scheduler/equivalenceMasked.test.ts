/**
 * Hot path ≡ readable σ for replicas under relational filters that do not score: Deployments
 * whose pods carry a DoNotSchedule spread constraint and, some of them, a required hostname
 * anti-affinity to their own replicas. The hot path places the second and later replicas from
 * its score cache through the filters' mask (`selectMasked`); roomy, often identical nodes make
 * ties frequent, so the draw among the tied nodes that pass the filters is what is checked.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { type ClusterSnapshot, hotScheduler, pod, readableScheduler } from "../../src/scheduler/index.ts"

const ZONE = "topology.kubernetes.io/zone"

const roomyNode = (name: string) =>
  fc
    .record({
      cpu: fc.constantFrom(2000, 2000, 4000),
      memory: fc.constantFrom(8 * 2 ** 30, 8 * 2 ** 30, 16 * 2 ** 30),
      zone: fc.option(fc.constantFrom("z1", "z2", "z3"), { nil: undefined, freq: 8 }),
      // 0, 1 or 2 untolerated PreferNoSchedule taints: TaintToleration's normaliser is the largest
      // count among the nodes that pass, which the mask may leave below the static maximum
      soft: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }),
    })
    .map(({ cpu, memory, zone, soft }) => ({
      name,
      allocatable: { cpu, memory, pods: 20 },
      labels: { "kubernetes.io/hostname": name, ...(zone === undefined ? {} : { [ZONE]: zone }) },
      taints: [
        { key: "spot", value: "", effect: "PreferNoSchedule" as const },
        { key: "old", value: "", effect: "PreferNoSchedule" as const },
      ].slice(0, soft),
      unschedulable: false,
    }))

const deployment = fc.record({
  cpu: fc.integer({ min: 1, max: 4 }).map((c) => c * 125),
  memory: fc.integer({ min: 1, max: 4 }).map((g) => g * 128 * 2 ** 20),
  replicas: fc.integer({ min: 1, max: 10 }),
  maxSkew: fc.integer({ min: 1, max: 2 }),
  spread: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  antiAffinity: fc.boolean(),
})

describe("replicas under relational filters without relational scores (the score cache through a mask)", () => {
  it("are placed as the readable σ places them, ties drawn among the nodes that pass", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => roomyNode(`n${i}`)))),
        fc.array(deployment, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (nodes, ds, tieSeed) => {
          const controllers = ds.map((_, i) => ({ kind: "ReplicaSet" as const, namespace: "ns", name: `rs-${i}`, selector: { matchLabels: { app: `d${i}` } } }))
          const pods = ds.flatMap((d, i) =>
            Array.from({ length: d.replicas }, (_, r) =>
              pod(`ns/d${i}-${r}`, { cpu: d.cpu, memory: d.memory }, {
                labels: { app: `d${i}` },
                controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: `rs-${i}` },
                ...(d.spread
                  ? { topologySpreadConstraints: [{ maxSkew: d.maxSkew, topologyKey: ZONE, whenUnsatisfiable: "DoNotSchedule" as const, labelSelector: { matchLabels: { app: `d${i}` } } }] }
                  : {}),
                ...(d.antiAffinity
                  ? { podAntiAffinity: { required: [{ labelSelector: { matchLabels: { app: `d${i}` } }, namespaces: [], topologyKey: "kubernetes.io/hostname" }], preferred: [] } }
                  : {}),
              }),
            ),
          )
          const cluster: ClusterSnapshot = { nodes, bound: [], controllers }
          const readable = readableScheduler(cluster, { seed: tieSeed })
          const hot = hotScheduler(cluster, { seed: tieSeed })
          expect(pods.map((p) => hot.schedule(p))).toEqual(pods.map((p) => readable.schedule(p)))
        },
      ),
      { seed, numRuns },
    )
  })

  it("fall back to the full cycle when the nodes that pass do not reach TaintToleration's presumed normaliser", () => {
    // n0 carries 5 untolerated PreferNoSchedule taints but hosts a replica, so the required
    // anti-affinity filters it out: among n1 (1 taint, empty) and n2 (no taint, mostly used) the
    // normaliser is 1, not 5, and n1's taint score drops from 80 to 0, which moves the choice.
    const soft = (k: number) => Array.from({ length: k }, (_, i) => ({ key: `t${i}`, value: "", effect: "PreferNoSchedule" as const }))
    const node = (name: string, taints: number) => ({
      name,
      allocatable: { cpu: 4000, memory: 8 * 2 ** 30, pods: 20 },
      labels: { "kubernetes.io/hostname": name },
      taints: soft(taints),
      unschedulable: false,
    })
    const replica = (r: number) =>
      pod(`ns/a-${r}`, { cpu: 100, memory: 128 * 2 ** 20 }, {
        labels: { app: "a" },
        controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs-a" },
        podAntiAffinity: { required: [{ labelSelector: { matchLabels: { app: "a" } }, namespaces: [], topologyKey: "kubernetes.io/hostname" }], preferred: [] },
        // a constraint of its own (so no system default spreading scores it), never violated here
        topologySpreadConstraints: [{ maxSkew: 9, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule" as const, labelSelector: { matchLabels: { app: "a" } } }],
      })
    const cluster: ClusterSnapshot = {
      nodes: [node("n0", 5), node("n1", 1), node("n2", 0)],
      bound: [
        { pod: replica(0), node: "n0" },
        { pod: pod("ns/big", { cpu: 3000, memory: 6 * 2 ** 30 }), node: "n2" },
      ],
      controllers: [{ kind: "ReplicaSet", namespace: "ns", name: "rs-a", selector: { matchLabels: { app: "a" } } }],
    }
    const pods = [replica(1), replica(2)]
    const readable = readableScheduler(cluster, { seed: 1 })
    const hot = hotScheduler(cluster, { seed: 1 })
    const expected = pods.map((p) => readable.schedule(p))
    expect(expected.map((p) => p.node)).toEqual(["n2", "n1"])
    expect(pods.map((p) => hot.schedule(p))).toEqual(expected)
  })
})
