/**
 * Manifests → the scheduler's pods: every relational field of a Pod (namespace, labels,
 * controller, pod (anti-)affinity, spread constraints, host ports, images, gates, times), the
 * API server's checks (exit 2 material: SchedulerInputError naming the file and JSON path),
 * pods that come with a status, and nodes' images.
 */
import { describe, expect, it } from "vitest"
import { clusterSnapshotOf, nodesFromText, scheduleBatch, SchedulerInputError, workloadFromText } from "../../src/scheduler/index.ts"

const one = (text: string) => {
  const w = workloadFromText(text, "pods.yaml")
  expect(w.pending.length + w.bound.length).toBe(1)
  return w.pending[0] ?? w.bound[0]!.pod
}

const throwsAt = (text: string, message: string) => {
  let caught: unknown
  try {
    workloadFromText(text, "pods.yaml")
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(SchedulerInputError)
  expect((caught as Error).message).toBe(message)
}

describe("a Pod's relational fields", () => {
  const pod = one(`apiVersion: v1
kind: Pod
metadata:
  name: web-1
  namespace: shop
  labels: {app: web, tier: front}
  creationTimestamp: "2026-11-27T04:00:00Z"
  ownerReferences:
  - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7c9, uid: u1, controller: true}
  - {apiVersion: v1, kind: ConfigMap, name: other, uid: u2}
spec:
  schedulingGates: [{name: example.com/quota}, {name: example.com/license}]
  initContainers:
  - {name: setup, image: busybox:1.36, ports: [{containerPort: 9000, hostPort: 9000}]}
  - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 15001, hostPort: 15001, protocol: UDP, hostIP: 10.0.0.1}]}
  containers:
  - name: app
    image: shop/web:2
    ports: [{containerPort: 8080, hostPort: 80}, {containerPort: 8443}]
  - {name: log, image: fluent-bit:3}
  affinity:
    podAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 30
        podAffinityTerm:
          topologyKey: topology.kubernetes.io/zone
          labelSelector: {matchLabels: {app: cache}}
          namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [shop, platform]}]}
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector: {matchLabels: {app: web}}
        namespaces: [shop, shop-canary]
        matchLabelKeys: [pod-template-hash]
        mismatchLabelKeys: [tier]
  topologySpreadConstraints:
  - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 3, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [pod-template-hash]}
  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, nodeAffinityPolicy: Ignore, nodeTaintsPolicy: Honor}
`)

  it("namespace, labels, the controlling owner reference, times", () => {
    expect(pod.key).toBe("shop/web-1")
    expect(pod.namespace).toBe("shop")
    expect(pod.labels).toEqual({ app: "web", tier: "front" })
    expect(pod.controller).toEqual({ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-7c9" })
    expect(pod.creationTimestamp).toBe(Date.UTC(2026, 10, 27, 4, 0, 0))
    expect(pod.terminating).toBeUndefined()
    expect(pod.schedulingGates).toEqual(["example.com/quota", "example.com/license"])
  })

  it("pod affinity and anti-affinity, required and preferred, with namespaces and label keys", () => {
    expect(pod.podAffinity).toEqual({
      required: [],
      preferred: [
        {
          weight: 30,
          term: {
            labelSelector: { matchLabels: { app: "cache" } },
            namespaces: [],
            namespaceSelector: { matchExpressions: [{ key: "team", operator: "In", values: ["shop", "platform"] }] },
            topologyKey: "topology.kubernetes.io/zone",
          },
        },
      ],
    })
    expect(pod.podAntiAffinity).toEqual({
      required: [
        {
          labelSelector: { matchLabels: { app: "web" } },
          namespaces: ["shop", "shop-canary"],
          topologyKey: "kubernetes.io/hostname",
          matchLabelKeys: ["pod-template-hash"],
          mismatchLabelKeys: ["tier"],
        },
      ],
      preferred: [],
    })
  })

  it("spread constraints with the API server's policy defaults", () => {
    expect(pod.topologySpreadConstraints).toEqual([
      {
        maxSkew: 2,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "DoNotSchedule",
        labelSelector: { matchLabels: { app: "web" } },
        minDomains: 3,
        nodeAffinityPolicy: "Honor",
        nodeTaintsPolicy: "Ignore",
        matchLabelKeys: ["pod-template-hash"],
      },
      { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", nodeAffinityPolicy: "Ignore", nodeTaintsPolicy: "Honor" },
    ])
  })

  it("host ports of sidecars then containers (TCP by default), images of init containers then containers", () => {
    // the plain init container's port 9000 is not held while the pod runs; 8443 has no host port
    expect(pod.hostPorts).toEqual([
      { protocol: "UDP", hostIP: "10.0.0.1", hostPort: 15001 },
      { protocol: "TCP", hostIP: "", hostPort: 80 },
    ])
    expect(pod.images).toEqual(["busybox:1.36", "envoy:1.30", "shop/web:2", "fluent-bit:3"])
  })

  it("image volumes' references, for ImageLocality (a pod without one has none)", () => {
    const withVolume = one(`apiVersion: v1
kind: Pod
metadata: {name: tools}
spec:
  containers: [{name: c, image: app:1}]
  volumes:
  - {name: t, image: {reference: registry.example/tools:2, pullPolicy: IfNotPresent}}
  - {name: scratch, emptyDir: {}}
  - {name: blank, image: {}}`)
    expect(withVolume.images).toEqual(["app:1"])
    expect(withVolume.imageVolumes).toEqual(["registry.example/tools:2", ""])
    expect(pod.imageVolumes).toBeUndefined()
  })

  it("hostNetwork defaults each hostPort to its containerPort; a bare pod has none of the optional fields", () => {
    const host = one(`apiVersion: v1
kind: Pod
metadata: {name: agent}
spec: {hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}`)
    expect(host.hostPorts).toEqual([{ protocol: "TCP", hostIP: "", hostPort: 9100 }])
    const bare = one(`apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {containers: [{name: c}]}`)
    expect(Object.keys(bare).sort()).toEqual(
      ["containers", "initContainers", "key", "namespace", "nodeSelector", "overhead", "preferredTerms", "priority", "requiredFeatures", "requiresKvm", "tolerations"].sort(),
    )
    expect(bare.namespace).toBe("default")
  })

  it("a pod being deleted is terminating; a bad timestamp names its path", () => {
    const bound = one(`apiVersion: v1
kind: Pod
metadata: {name: old, deletionTimestamp: "2026-11-27T04:05:00.5+01:00"}
spec: {nodeName: n1, containers: [{name: c}]}`)
    expect(bound.terminating).toBe(true)
    throwsAt(
      `apiVersion: v1
kind: Pod
metadata: {name: p, creationTimestamp: "27 Nov 2026"}
spec: {containers: [{name: c}]}`,
      'pods.yaml: document 0, metadata.creationTimestamp: Invalid value: "27 Nov 2026": expected an RFC 3339 time such as 2026-11-27T04:00:00Z',
    )
  })

  it("two controller references are refused, as the API server does", () => {
    throwsAt(
      `apiVersion: v1
kind: Pod
metadata:
  name: p
  ownerReferences: [{apiVersion: v1, kind: A, name: a, uid: "1", controller: true}, {apiVersion: v1, kind: B, name: b, uid: "2", controller: true}]
spec: {containers: [{name: c}]}`,
      'pods.yaml: document 0, metadata.ownerReferences: Invalid value: ["a","b"]: Only one reference can have Controller set to true. Found "true" in references for A/a and B/b',
    )
  })
})

describe("what the API server refuses, refused with the file and path (exit 2 in the CLI)", () => {
  const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ns}
spec:
  containers: [{name: c}]
${spec}`
  const spread = (c: string) => pod(`  topologySpreadConstraints:\n  - {topologyKey: zone, ${c}}`)

  it("DynamicResources: spec.resourceClaims and container claims", () => {
    throwsAt(
      pod("  resourceClaims: [{name: gpu, resourceClaimTemplateName: gpu-template}]"),
      "pods.yaml: document 0, spec.resourceClaims: pod ns/p requests devices through DynamicResources (ResourceClaims), which catcluster does not model: the devices a claim is allocated decide where the pod fits, so it cannot be scheduled faithfully",
    )
    expect(() =>
      workloadFromText(
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, resources: {claims: [{name: gpu}]}}]}`,
        "pods.yaml",
      ),
    ).toThrow(/^pods\.yaml: document 0, spec\.template\.spec\.containers\[0\]\.resources\.claims: pod default\/d-\w+-0 requests devices through DynamicResources/)
  })

  it("spread constraints: maxSkew, minDomains, duplicates, policies, matchLabelKeys, selectors", () => {
    throwsAt(spread("maxSkew: 0, whenUnsatisfiable: DoNotSchedule"), "pods.yaml: document 0, spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero")
    throwsAt(
      spread("maxSkew: 1, whenUnsatisfiable: ScheduleAnyway, minDomains: 2"),
      "pods.yaml: document 0, spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway",
    )
    throwsAt(spread("maxSkew: 1, whenUnsatisfiable: DoNotSchedule, minDomains: 0"), "pods.yaml: document 0, spec.topologySpreadConstraints[0].minDomains: Invalid value: 0: must be greater than zero")
    throwsAt(
      pod("  topologySpreadConstraints:\n  - {topologyKey: zone, maxSkew: 1, whenUnsatisfiable: DoNotSchedule}\n  - {topologyKey: zone, maxSkew: 2, whenUnsatisfiable: DoNotSchedule}"),
      'pods.yaml: document 0, spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
    )
    throwsAt(
      spread("maxSkew: 1, whenUnsatisfiable: DoNotSchedule, nodeTaintsPolicy: Always"),
      'pods.yaml: document 0, spec.topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: "Always": supported values: "Honor", "Ignore"',
    )
    throwsAt(
      spread("maxSkew: 1, whenUnsatisfiable: DoNotSchedule, matchLabelKeys: [app]"),
      "pods.yaml: document 0, spec.topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set",
    )
    throwsAt(
      spread("maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchExpressions: [{key: app, operator: In}]}"),
      "pods.yaml: document 0, spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    )
    throwsAt(
      spread("maxSkew: 1, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchExpressions: [{key: app, operator: Gt, values: ['1']}]}"),
      'pods.yaml: document 0, spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator',
    )
    throwsAt(spread('maxSkew: 1, whenUnsatisfiable: DoNotSchedule, topologyKey: ""').replace("topologyKey: zone, ", ""), "pods.yaml: document 0, spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty")
  })

  it("pod affinity terms: topologyKey, weight, label keys", () => {
    const anti = (term: string) => pod(`  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - ${term}`)
    throwsAt(anti('{topologyKey: "", labelSelector: {}}'), "pods.yaml: document 0, spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty")
    throwsAt(
      anti("{topologyKey: zone, mismatchLabelKeys: [app]}"),
      "pods.yaml: document 0, spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].mismatchLabelKeys: Forbidden: must not be specified when labelSelector is not set",
    )
    throwsAt(
      anti("{topologyKey: zone, labelSelector: {}, matchLabelKeys: [a, b], mismatchLabelKeys: [b]}"),
      'pods.yaml: document 0, spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: Invalid value: "b": exists in both matchLabelKeys and mismatchLabelKeys',
    )
    throwsAt(
      pod("  affinity:\n    podAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - {weight: 0, podAffinityTerm: {topologyKey: zone}}"),
      "pods.yaml: document 0, spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100",
    )
  })

  it("host ports out of range and duplicate gates", () => {
    throwsAt(
      `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c, ports: [{containerPort: 1, hostPort: 70000}]}]}`,
      "pods.yaml: document 0, spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    )
    throwsAt(pod("  schedulingGates: [{name: g}, {name: g}]"), 'pods.yaml: document 0, spec.schedulingGates[1].name: Duplicate value: "g"')
  })

  it("a volume with two sources names the file and the volume", () => {
    throwsAt(pod("  volumes: [{name: d, emptyDir: {}, hostPath: {path: /x}}]"), "pods.yaml: document 0, spec.volumes[0]: may not specify more than 1 volume type, got emptyDir and hostPath")
  })
})

describe("pods that come with a status (kubectl get -o json)", () => {
  const list = JSON.stringify({
    apiVersion: "v1",
    kind: "List",
    items: [
      { apiVersion: "v1", kind: "Pod", metadata: { name: "running", namespace: "a" }, spec: { nodeName: "n1", containers: [{ name: "c" }] }, status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "done", namespace: "a" }, spec: { nodeName: "n1", containers: [{ name: "c" }] }, status: { phase: "Succeeded" } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "crashed", namespace: "a" }, spec: { nodeName: "n1", containers: [{ name: "c" }] }, status: { phase: "Failed" } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "waiting", namespace: "a" }, spec: { containers: [{ name: "c" }] }, status: { phase: "Pending" } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "leaving", namespace: "a", deletionTimestamp: "2026-11-27T04:00:00Z" }, spec: { containers: [{ name: "c" }] }, status: { phase: "Pending" } },
    ],
  })
  const w = workloadFromText(list, "dump.json")

  it("bound pods are bound, pending ones pending, terminal and deleted-unbound ones skipped with a note", () => {
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["a/running", "n1"]])
    expect(w.pending.map((p) => p.key)).toEqual(["a/waiting"])
    expect(w.skipped).toEqual([
      { key: "a/done", reason: "Pod is Succeeded: it no longer runs and uses nothing (kube-scheduler's cache drops it)" },
      { key: "a/crashed", reason: "Pod is Failed: it no longer runs and uses nothing (kube-scheduler's cache drops it)" },
      { key: "a/leaving", reason: "Pod is being deleted (metadata.deletionTimestamp) and not bound: kube-scheduler does not schedule it" },
    ])
  })

  it("a pod bound to a node the input lacks names the pod, the node and the file", () => {
    const nodes = nodesFromText(`apiVersion: v1\nkind: Node\nmetadata: {name: n2}\nstatus: {allocatable: {cpu: "1", pods: "10"}}`, "nodes.yaml")
    expect(() => clusterSnapshotOf(nodes, w)).toThrow(new SchedulerInputError("dump.json: document 0, items[0]", "pod a/running is bound to node n1, which is not among the nodes"))
  })

  it("an unknown phase is refused", () => {
    expect(() => workloadFromText(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\nstatus: {phase: Done}`, "p.yaml")).toThrow(
      'p.yaml: document 0, status.phase: Unsupported value: "Done": supported values: "Pending", "Running", "Succeeded", "Failed", "Unknown"',
    )
  })

  it("a pod defined twice is refused", () => {
    const p = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}`
    expect(() => workloadFromText(`${p}\n---\n${p}`, "p.yaml")).toThrow("p.yaml: document 1: pod default/p is defined twice (first at p.yaml: document 0)")
  })
})

describe("spec.schedulerName: the profile that schedules the pod", () => {
  const nodes = nodesFromText(`apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {allocatable: {cpu: "4", memory: 8Gi, pods: "10"}}`, "nodes.yaml")
  const w = workloadFromText(
    `apiVersion: v1
kind: Pod
metadata: {name: mine, namespace: a}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: named, namespace: a}
spec: {schedulerName: default-scheduler, containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: theirs, namespace: a}
spec: {schedulerName: gpu-scheduler, containers: [{name: c}]}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm, namespace: a}
spec:
  schedulerName: vm-scheduler
  domain: {devices: {}, memory: {guest: 1Gi}}`,
    "pods.yaml",
  )

  it("is read from a Pod and copied from a VMI to its launcher pod", () => {
    expect(w.pending.map((p) => [p.key, p.schedulerName])).toEqual([
      ["a/mine", undefined],
      ["a/named", "default-scheduler"],
      ["a/theirs", "gpu-scheduler"],
      ["a/vm", "vm-scheduler"],
    ])
  })

  it("a pod naming another scheduler stays pending with that reason; the default scheduler's pods are placed", () => {
    for (const engine of ["hot", "readable"] as const) {
      const out = scheduleBatch(clusterSnapshotOf(nodes, w), w.pending, { engine })
      expect(out.map((p) => [p.pod, p.node])).toEqual([
        ["a/mine", "n1"],
        ["a/named", "n1"],
        ["a/theirs", null],
        ["a/vm", null],
      ])
      expect(out[2]!.reasons).toEqual(['no profile for schedulerName "gpu-scheduler": kube-scheduler leaves the pod to another scheduler'])
    }
  })
})

describe("nodes", () => {
  it("status.images become the node's images (names and sizes)", () => {
    const [n] = nodesFromText(
      `apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  allocatable: {cpu: "4"}
  images:
  - {names: ["registry.k8s.io/pause@sha256:abc", "registry.k8s.io/pause:3.10"], sizeBytes: 320368}
  - {names: ["nginx:1.27"], sizeBytes: 72000000}`,
      "nodes.yaml",
    )
    expect(n?.images).toEqual([
      { names: ["registry.k8s.io/pause@sha256:abc", "registry.k8s.io/pause:3.10"], sizeBytes: 320368 },
      { names: ["nginx:1.27"], sizeBytes: 72000000 },
    ])
  })
})
