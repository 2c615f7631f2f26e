/**
 * The hot path reuses the last pod's compiled requests, constraint signature, soft spread
 * constraints and label class when the next pod shares the very objects they were read from (a
 * controller's replicas share their template's). Each case here shares every such object but
 * one with the pod before it: that one difference must be seen, so the hot path schedules the
 * second pod as the readable σ does (scores and all, with explain), and as it would with no
 * object shared at all.
 */
import { describe, expect, it } from "vitest"
import {
  defaultProfile,
  hotScheduler,
  node,
  pod,
  readableScheduler,
  type ClusterSnapshot,
  type Placement,
  type Profile,
  type SchedulingPod,
  vmAwareProfile,
} from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const ZONE = "topology.kubernetes.io/zone"

const nodes = [
  node("small", { cpu: 2000, memory: 8 * Gi, pods: 20 }, { labels: { "kubernetes.io/hostname": "small", [ZONE]: "a", disk: "ssd" }, numaCells: [{ cpus: 2, memoryBytes: 4 * Gi, hugepagesBytes: 0 }] }),
  node("big", { cpu: 16000, memory: 64 * Gi, pods: 20 }, {
    labels: { "kubernetes.io/hostname": "big", [ZONE]: "b" },
    taints: [{ key: "x", value: "", effect: "PreferNoSchedule" }],
    images: [{ names: ["registry/app:2"], sizeBytes: 800 * 2 ** 20 }],
    numaCells: [{ cpus: 8, memoryBytes: 32 * Gi, hugepagesBytes: 0 }],
  }),
  node("mid", { cpu: 8000, memory: 32 * Gi, pods: 20, "devices.kubevirt.io/kvm": 1000 }, { labels: { "kubernetes.io/hostname": "mid", [ZONE]: "a", "cpu-feature.node.kubevirt.io/avx2": "true" }, numaCells: [{ cpus: 4, memoryBytes: 16 * Gi, hugepagesBytes: 0 }] }),
]

const template = pod("ns/first", { cpu: 500, memory: Gi }, {
  namespace: "ns",
  labels: { app: "web" },
  controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-1" },
  images: ["registry/app:1"],
})

const cluster: ClusterSnapshot = {
  nodes,
  bound: [],
  controllers: [
    { kind: "ReplicaSet", namespace: "ns", name: "web-1", selector: { matchLabels: { app: "web" } } },
    { kind: "ReplicaSet", namespace: "ns", name: "api-1", selector: { matchLabels: { app: "api" } } },
  ],
  services: [{ namespace: "ns", name: "front", selector: { tier: "front" } }],
}

// The second pod: the template with exactly one field replaced by a new object.
const variants: ReadonlyArray<readonly [string, Partial<SchedulingPod>, Profile]> = [
  ["containers", { containers: [{ name: "main", requests: { cpu: 6000, memory: 2 * Gi } }] }, defaultProfile],
  ["initContainers", { initContainers: [{ name: "init", requests: { cpu: 6000 }, restartable: false }] }, defaultProfile],
  ["overhead", { overhead: { cpu: 6000, memory: 4 * Gi } }, defaultProfile],
  ["podLevelRequests", { podLevelRequests: { cpu: 6000, memory: 2 * Gi } }, defaultProfile],
  ["numa", { numa: { vcpus: 4, memoryBytes: 2 * Gi, hugepages: false } }, vmAwareProfile],
  ["images", { images: ["registry/app:2"] }, defaultProfile],
  ["imageVolumes", { imageVolumes: ["registry/app:2"] }, defaultProfile],
  ["nodeSelector", { nodeSelector: { disk: "ssd" } }, defaultProfile],
  ["nodeName", { nodeName: "mid" }, defaultProfile],
  ["requiredTerms", { requiredTerms: [{ matchExpressions: [{ key: ZONE, operator: "In", values: ["a"] }], matchFields: [] }] }, defaultProfile],
  ["requiredFeatures", { requiredFeatures: ["avx2"] }, vmAwareProfile],
  ["requiresKvm", { requiresKvm: true }, vmAwareProfile],
  ["labels (a Service now selects the pod)", { labels: { app: "web", tier: "front" } }, defaultProfile],
  ["tolerations", { tolerations: [{ key: "x", operator: "Exists", value: "", effect: "PreferNoSchedule" }] }, defaultProfile],
  ["preferredTerms", { preferredTerms: [{ weight: 50, preference: { matchExpressions: [{ key: ZONE, operator: "In", values: ["a"] }], matchFields: [] } }] }, defaultProfile],
  ["labels (another Deployment's replicas)", { labels: { app: "api" }, controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-1" } }, defaultProfile],
  ["controller only", { controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-1" } }, defaultProfile],
  ["namespace", { namespace: "other", key: "other/second" }, defaultProfile],
  ["topologySpreadConstraints", { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "web" } } }] }, defaultProfile],
]

const run = (pods: ReadonlyArray<SchedulingPod>, profile: Profile, hot: boolean, explain: boolean): ReadonlyArray<Placement> => {
  const s = hot ? hotScheduler(cluster, { seed: 7, profile }) : readableScheduler(cluster, { seed: 7, profile })
  return pods.map((p) => s.schedule(p, { explain }))
}

describe("a pod sharing all but one of the last pod's objects is not taken for its replica", () => {
  it("labels only, the same owner: the pod's label class (seen by the next Deployment's spreading)", () => {
    // the variant keeps web-1 as owner but is labelled app=api: api-1's replica after it counts it
    const api = pod("ns/api-0", { cpu: 500, memory: Gi }, { namespace: "ns", labels: { app: "api" }, controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-1" } })
    const variant = { ...template, key: "ns/second", labels: { app: "api" } }
    const pods = [template, { ...template, key: "ns/again" }, variant, api]
    for (const explain of [true, false]) {
      const hot = run(pods, defaultProfile, true, explain)
      expect(hot).toEqual(run(pods, defaultProfile, false, explain))
      expect(hot).toEqual(run(pods.map((p) => structuredClone(p)), defaultProfile, true, explain))
    }
    const replica = run([template, { ...template, key: "ns/again" }, { ...template, key: "ns/second" }, api], defaultProfile, false, true)
    expect(run(pods, defaultProfile, false, true)[3]).not.toEqual(replica[3])
  })

  for (const [field, change, profile] of variants) {
    it(field, () => {
      // two replicas (the second reuses the first's work), then the variant
      const pods = [template, { ...template, key: "ns/again" }, { ...template, key: "ns/second", ...change }]
      for (const explain of [true, false]) {
        const hot = run(pods, profile, true, explain)
        expect(hot).toEqual(run(pods, profile, false, explain))
        expect(hot).toEqual(run(pods.map((p) => structuredClone(p)), profile, true, explain))
      }
      // the variant really differs from a replica (else this case could not catch a stale reuse)
      const replica = run([template, { ...template, key: "ns/again" }, { ...template, key: "ns/second" }], profile, false, true)
      expect(run(pods, profile, false, true)[2]).not.toEqual(replica[2])
    })
  }
})

describe("the identity reuse keeps what differs between replicas of different owners", () => {
  const big = (name: string) => node(name, { cpu: 64000, memory: 256 * Gi, pods: 50 }, { labels: { "kubernetes.io/hostname": name, [ZONE]: "a" } })
  const owned = (key: string, app: string, owner: string) =>
    pod(key, { cpu: 1, memory: 2 ** 20 }, { namespace: "ns", labels: { app }, controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: owner } })
  const cluster2 = (bound: ClusterSnapshot["bound"]): ClusterSnapshot => ({
    nodes: [big("x"), big("y"), big("z")],
    bound,
    controllers: [
      { kind: "ReplicaSet", namespace: "ns", name: "web-1", selector: { matchLabels: { app: "web" } } },
      { kind: "ReplicaSet", namespace: "ns", name: "api-1", selector: { matchLabels: { app: "api" } } },
    ],
  })

  it("a pod of another owner right after a replica is spread against its own owner's pods (its own cache entry)", () => {
    // api-1 runs on x and y: its next pod belongs on z, wherever web-1's two replicas went
    const web = owned("ns/web-0", "web", "web-1")
    const stray = { ...web, key: "ns/stray", controller: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "api-1" } }
    const bound = [
      { pod: owned("ns/api-0", "api", "api-1"), node: "x" },
      { pod: owned("ns/api-1", "api", "api-1"), node: "y" },
    ]
    for (let seed = 1; seed <= 12; seed++) {
      const hot = hotScheduler(cluster2(bound), { seed })
      const placed = [web, { ...web, key: "ns/web-1" }, stray].map((p) => hot.schedule(p).node)
      expect(placed[2]).toBe("z")
      const readable = readableScheduler(cluster2(bound), { seed })
      expect([web, { ...web, key: "ns/web-1" }, stray].map((p) => readable.schedule(p).node)).toEqual(placed)
    }
  })

  it("a terminating pod and a live one with the same labels object are counted apart", () => {
    // the terminating web pod on x does not count for spreading; the live one bound after it on y does
    const labels = { app: "web" }
    const gone = { ...owned("ns/old", "web", "web-1"), labels, terminating: true }
    const live = { ...owned("ns/live", "web", "web-1"), labels }
    const next = owned("ns/next", "web", "web-1")
    for (let seed = 1; seed <= 6; seed++) {
      const hot = hotScheduler(cluster2([{ pod: gone, node: "x" }, { pod: live, node: "y" }]), { seed })
      const readable = readableScheduler(cluster2([{ pod: gone, node: "x" }, { pod: live, node: "y" }]), { seed })
      const placement = hot.schedule(next, { explain: true })
      expect(placement).toEqual(readable.schedule(next, { explain: true }))
      // y hosts the one counted replica: x and z score alike, above y
      expect(placement.node).not.toBe("y")
    }
  })
})
