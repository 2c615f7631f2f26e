/**
 * Controllers expanded as their controllers create pods, and the objects kube-scheduler reads
 * beside them: the Deployment → ReplicaSet → pod chain (labels, controller, selector) that
 * PodTopologySpread's system-default spreading keys on, StatefulSets, Jobs,
 * ReplicationControllers, Services and Namespaces; dumps of live clusters (existing pods count
 * as replicas); several files read together agree with one text.
 */
import { describe, expect, it } from "vitest"
import { decodeManifests } from "../../src/domain/manifest/decode.ts"
import type { ManifestOf } from "../../src/domain/manifest/Manifest.ts"
import {
  type ClusterObjects,
  type LabelSelector,
  labelSelectorMatches,
  labelsOf,
  MAX_REPLICAS,
  modelFromFiles,
  namespaceOf,
  podTemplateHash,
  replicasOf,
  type SchedulingPod,
  SchedulerInputError,
  statefulSetExpansion,
  workloadFromText,
} from "../../src/scheduler/index.ts"

/**
 * Upstream's helper.DefaultSelector, written against the snapshot's objects: Services of the
 * pod's namespace that select it, then its controller if that is a v1 ReplicationController or an
 * apps/v1 ReplicaSet / StatefulSet found in the objects. `undefined` = empty = no default spreading.
 */
const defaultSelector = (pod: SchedulingPod, objects: ClusterObjects): ReadonlyArray<LabelSelector> | undefined => {
  const out: LabelSelector[] = []
  for (const s of objects.services ?? []) {
    if (s.namespace === namespaceOf(pod) && s.selector !== undefined && labelSelectorMatches({ matchLabels: s.selector }, labelsOf(pod))) out.push({ matchLabels: s.selector })
  }
  const c = pod.controller
  const known = c !== undefined && ((c.apiVersion === "v1" && c.kind === "ReplicationController") || (c.apiVersion === "apps/v1" && (c.kind === "ReplicaSet" || c.kind === "StatefulSet")))
  const owner = known ? (objects.controllers ?? []).find((o) => o.kind === c.kind && o.name === c.name && o.namespace === namespaceOf(pod)) : undefined
  if (owner !== undefined) out.push(owner.selector)
  const nonEmpty = out.filter((s) => Object.keys(s.matchLabels ?? {}).length > 0 || (s.matchExpressions ?? []).length > 0)
  return nonEmpty.length === 0 ? undefined : nonEmpty
}

const deployment = (replicas: number, image = "nginx:1.27") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
    matchExpressions: [{key: tier, operator: In, values: [front]}]
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers: [{name: nginx, image: "${image}", resources: {requests: {cpu: 100m}}}]`

describe("Deployment → ReplicaSet → pods", () => {
  const w = workloadFromText(deployment(3), "apps.yaml")
  const hash = w.pending[0]!.labels!["pod-template-hash"]!
  const rs = `web-${hash}`

  it("the ReplicaSet is <deployment>-<pod-template-hash>, its selector the Deployment's plus the hash", () => {
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(w.objects.controllers).toEqual([
      {
        kind: "ReplicaSet",
        namespace: "shop",
        name: rs,
        selector: { matchLabels: { app: "web", "pod-template-hash": hash }, matchExpressions: [{ key: "tier", operator: "In", values: ["front"] }] },
      },
    ])
  })

  it("its pods carry the template labels and the hash and are controlled by the ReplicaSet", () => {
    expect(w.pending.map((p) => p.key)).toEqual([`shop/${rs}-0`, `shop/${rs}-1`, `shop/${rs}-2`])
    for (const p of w.pending) {
      expect(p.labels).toEqual({ app: "web", tier: "front", "pod-template-hash": hash })
      expect(p.controller).toEqual({ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs })
      expect(p.namespace).toBe("shop")
    }
  })

  it("its replicas share the first one's objects (the hot path reuses its compiled form); only the key differs", () => {
    const [first, ...rest] = w.pending
    for (const p of rest) {
      expect(p.containers).toBe(first!.containers)
      expect(p.labels).toBe(first!.labels)
      expect({ ...p, key: first!.key }).toEqual(first)
    }
    // a LimitRange in the namespace admits each replica on its own (its defaults make new objects): equal, not shared
    const limited = workloadFromText(
      `${deployment(2)}\n---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: lr, namespace: shop}\nspec:\n  limits: [{type: Container, defaultRequest: {memory: 64Mi}}]\n`,
      "limited.yaml",
    ).pending
    expect(limited[1]!.containers).not.toBe(limited[0]!.containers)
    expect(limited[1]!.containers).toEqual(limited[0]!.containers)
    expect(limited[0]!.containers[0]!.requests).toEqual({ cpu: 100, memory: 64 * 2 ** 20 })
    // a StatefulSet without claims: one spec for all, but each pod has its own name labels
    const set = workloadFromText(
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: kv, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: kv}}\n  template:\n    metadata: {labels: {app: kv}}\n    spec: {containers: [{name: kv, image: "kv:1"}]}\n`,
      "set.yaml",
    ).pending
    expect(set.map((p) => p.labels?.["statefulset.kubernetes.io/pod-name"])).toEqual(["kv-0", "kv-1"])
  })

  it("so PodTopologySpread's system default spreading finds them (DefaultSelector is the ReplicaSet's selector)", () => {
    for (const p of w.pending) {
      const selectors = defaultSelector(p, w.objects)
      expect(selectors).toEqual([w.objects.controllers![0]!.selector])
      // every replica is selected by it: the replicas spread against each other
      for (const q of w.pending) expect(labelSelectorMatches(selectors![0], labelsOf(q))).toBe(true)
    }
  })

  it("the hash is deterministic, and changes with the template", () => {
    expect(workloadFromText(deployment(3), "again.yaml").pending[0]!.labels!["pod-template-hash"]).toBe(hash)
    expect(workloadFromText(deployment(3, "nginx:1.28"), "apps.yaml").pending[0]!.labels!["pod-template-hash"]).not.toBe(hash)
    expect(workloadFromText(deployment(5), "apps.yaml").pending[0]!.labels!["pod-template-hash"]).toBe(hash)
    expect(podTemplateHash({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe(podTemplateHash({ a: [2, { c: 4, d: 3 }], b: 1 }))
  })

  it("a dump that holds the Deployment's ReplicaSet and some of its pods: only the missing replicas are created", () => {
    const dump = `${deployment(3)}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-abc
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
spec:
  replicas: 3
  selector: {matchLabels: {app: web, pod-template-hash: abc}}
  template:
    metadata: {labels: {app: web, tier: front, pod-template-hash: abc}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-abc-0
  namespace: shop
  labels: {app: web, tier: front, pod-template-hash: abc}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: r1, controller: true}]
spec: {nodeName: n1, containers: [{name: nginx, image: "nginx:1.27"}]}
status: {phase: Running}`
    const d = workloadFromText(dump, "dump.yaml")
    expect(d.skipped).toEqual([{ key: "shop/web", reason: "Deployment: its ReplicaSet(s) web-abc in the input stand for it" }])
    expect(d.bound.map((b) => b.pod.key)).toEqual(["shop/web-abc-0"])
    expect(d.pending.map((p) => p.key)).toEqual(["shop/web-abc-1", "shop/web-abc-2"])
    expect(d.objects.controllers?.map((c) => c.name)).toEqual(["web-abc"])
    expect(defaultSelector(d.bound[0]!.pod, d.objects)).toEqual([{ matchLabels: { app: "web", "pod-template-hash": "abc" } }])
  })

  it("a dump with the Deployment and its pods but not their ReplicaSet: the pods' hash names the ReplicaSet, no replica is doubled", () => {
    const pod = (n: string, hash: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: web-${hash}-${n}
  namespace: shop
  labels: {app: web, tier: front, pod-template-hash: ${hash}}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-${hash}, uid: r, controller: true}]
spec: {nodeName: n1, containers: [{name: nginx, image: "nginx:1.27"}]}`
    const d = workloadFromText([deployment(3), pod("a", "7d9f8"), pod("b", "7d9f8"), pod("c", "55b4c")].join("\n"), "dump.yaml")
    expect(d.bound.map((b) => b.pod.key)).toEqual(["shop/web-7d9f8-a", "shop/web-7d9f8-b", "shop/web-55b4c-c"])
    expect(d.pending.map((p) => [p.key, p.labels?.["pod-template-hash"]])).toEqual([["shop/web-7d9f8-0", "7d9f8"]])
    expect(d.objects.controllers?.map((c) => [c.name, c.selector.matchLabels?.["pod-template-hash"]])).toEqual([["web-7d9f8", "7d9f8"]])
  })

  it("apps/v1 selectors are checked: required, non-empty, matching the template", () => {
    const bad = (selector: string) => deployment(1).replace(/  selector:\n    matchLabels: \{app: web\}\n    matchExpressions: \[.*\]\n/, selector)
    expect(() => workloadFromText(bad(""), "apps.yaml")).toThrow(new SchedulerInputError("apps.yaml: document 0, spec.selector", "Required value"))
    expect(() => workloadFromText(bad("  selector: {}\n"), "apps.yaml")).toThrow("apps.yaml: document 0, spec.selector: Invalid value: {}: empty selector is invalid for deployment")
    expect(() => workloadFromText(bad("  selector: {matchLabels: {app: api}}\n"), "apps.yaml")).toThrow(
      'apps.yaml: document 0, spec.template.metadata.labels: Invalid value: {"app":"web","tier":"front"}: `selector` does not match template `labels`',
    )
  })

  it("replicas: a non-negative integer as the API server validates it, at most MAX_REPLICAS (named, never a silent hang)", () => {
    expect(() => workloadFromText(deployment(-3), "apps.yaml")).toThrow("apps.yaml: document 0, spec.replicas: Invalid value: -3: must be greater than or equal to 0")
    expect(() => workloadFromText(deployment(MAX_REPLICAS + 1), "apps.yaml")).toThrow(`spec.replicas: Invalid value: ${MAX_REPLICAS + 1}: more than ${MAX_REPLICAS} replicas of one controller are not enumerated`)
    expect(workloadFromText(deployment(0), "apps.yaml").pending).toEqual([])
    expect(replicasOf(undefined, "here")).toBe(1)
    expect(replicasOf(MAX_REPLICAS, "here")).toBe(MAX_REPLICAS)
  })
})

describe("StatefulSets, Jobs, ReplicationControllers", () => {
  const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: 2
  ordinals: {start: 3}
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      volumes: [{name: data, emptyDir: {}}, {name: config, configMap: {name: db}}]
      containers: [{name: pg, image: "postgres:17"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, storageClassName: fast}
---
apiVersion: batch/v1
kind: Job
metadata: {name: report, namespace: data, uid: 11111111-2222-3333-4444-555555555555}
spec:
  parallelism: 3
  completions: 4
  template:
    metadata: {labels: {team: bi}}
    spec: {restartPolicy: Never, containers: [{name: r, image: "report:1"}]}
status: {succeeded: 2}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy, namespace: data}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: l, image: "legacy:1"}]}
`
  const w = workloadFromText(text, "apps.yaml")
  const byController = (kind: string) => w.pending.filter((p) => p.controller?.kind === kind)

  it("StatefulSet pods <name>-<ordinal> with their pod-name, index and revision labels, controlled by the set", () => {
    const pods = byController("StatefulSet")
    expect(pods.map((p) => p.key)).toEqual(["data/db-3", "data/db-4"])
    const revision = pods[0]!.labels!["controller-revision-hash"]
    expect(revision).toMatch(/^db-[bcdfghjklmnpqrstvwxz2456789]+$/)
    expect(pods.map((p) => p.labels)).toEqual([
      { app: "db", "statefulset.kubernetes.io/pod-name": "db-3", "apps.kubernetes.io/pod-index": "3", "controller-revision-hash": revision },
      { app: "db", "statefulset.kubernetes.io/pod-name": "db-4", "apps.kubernetes.io/pod-index": "4", "controller-revision-hash": revision },
    ])
    expect(pods[0]!.controller).toEqual({ apiVersion: "apps/v1", kind: "StatefulSet", name: "db" })
    expect(w.objects.controllers).toContainEqual({ kind: "StatefulSet", namespace: "data", name: "db", selector: { matchLabels: { app: "db" } } })
    for (const p of pods) expect(defaultSelector(p, w.objects)).toEqual([{ matchLabels: { app: "db" } }])
  })

  it("the set's claims <template>-<set>-<ordinal> are created unless the input has them, and replace the template volume", () => {
    const decoded = decodeManifests(text, "apps.yaml")
    if (decoded._tag === "Left") throw new Error("fixture")
    const ss = decoded.right[0] as ManifestOf<"StatefulSet">
    const existing = { active: () => [], succeeded: () => 0, has: () => false }
    const e = statefulSetExpansion(ss, existing, (ns, name) => ns === "data" && name === "data-db-3")
    expect(e.claims.map((c) => [c.metadata?.namespace, c.metadata?.name, c.kind])).toEqual([["data", "data-db-4", "PersistentVolumeClaim"]])
    expect((e.claims[0] as ManifestOf<"PersistentVolumeClaim">).spec.storageClassName).toBe("fast")
    expect(e.pods[1]!.spec.volumes).toEqual([{ name: "config", configMap: { name: "db" } }, { name: "data", persistentVolumeClaim: { claimName: "data-db-4" } }])
  })

  it("a Job runs min(parallelism, completions − succeeded) pods with its uid labels, controlled by it; no default spreading", () => {
    const pods = byController("Job")
    expect(pods.map((p) => p.key)).toEqual(["data/report-0", "data/report-1"])
    const uid = "11111111-2222-3333-4444-555555555555"
    expect(pods[0]!.labels).toEqual({
      team: "bi",
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": "report",
      "controller-uid": uid,
      "job-name": "report",
    })
    expect(pods[0]!.controller).toEqual({ apiVersion: "batch/v1", kind: "Job", name: "report" })
    expect(defaultSelector(pods[0]!, w.objects)).toBeUndefined()
  })

  it("a ReplicationController's selector defaults to its template's labels; it is registered for default spreading", () => {
    const pods = byController("ReplicationController")
    expect(pods.map((p) => [p.key, p.controller?.apiVersion])).toEqual([["data/legacy-0", "v1"], ["data/legacy-1", "v1"]])
    expect(w.objects.controllers).toContainEqual({ kind: "ReplicationController", namespace: "data", name: "legacy", selector: { matchLabels: { app: "legacy" } } })
    expect(defaultSelector(pods[0]!, w.objects)).toEqual([{ matchLabels: { app: "legacy" } }])
  })

  it("a suspended Job runs nothing, and says so", () => {
    const s = workloadFromText(text.split("---")[1]!.replace("parallelism: 3", "parallelism: 3\n  suspend: true"), "job.yaml")
    expect(s.pending).toEqual([])
    expect(s.skipped).toEqual([{ key: "data/report", reason: "Job is suspended (spec.suspend): it runs no pods" }])
  })
})

describe("Services and Namespaces", () => {
  const w = workloadFromText(
    `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: retail}}
---
apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: shop}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: job, namespace: batch}
spec: {containers: [{name: c}]}`,
    "objects.yaml",
  )

  it("Services keep their selector (absent stays absent); Namespaces carry kubernetes.io/metadata.name; used namespaces are recorded", () => {
    expect(w.objects.services).toEqual([
      { namespace: "shop", name: "front", selector: { app: "web" } },
      { namespace: "shop", name: "external" },
    ])
    expect(w.objects.namespaces).toEqual([
      { name: "shop", labels: { team: "retail", "kubernetes.io/metadata.name": "shop" } },
      { name: "batch", labels: { "kubernetes.io/metadata.name": "batch" } },
    ])
    expect(w.skipped).toEqual([])
  })

  it("a pod a Service selects gets default spreading from the Service alone", () => {
    expect(defaultSelector(w.pending[0]!, w.objects)).toEqual([{ matchLabels: { app: "web" } }])
    expect(defaultSelector(w.pending[1]!, w.objects)).toBeUndefined()
  })
})

describe("several files read together agree with one text", () => {
  const parts = [
    { file: "nodes.yaml", text: `apiVersion: v1\nkind: Node\nmetadata: {name: n1, labels: {kubevirt.io/schedulable: "true"}}\nstatus: {allocatable: {cpu: "8", memory: 16Gi, pods: "110", devices.kubevirt.io/kvm: 1k}}` },
    { file: "classes.yaml", text: `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: gold}\nvalue: 1000` },
    {
      file: "apps.yaml",
      text: `${deployment(2).replace("    spec:\n", "    spec:\n      priorityClassName: gold\n")}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-old-0
  namespace: shop
  labels: {app: web, tier: front}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-old, uid: x, controller: true}]
spec: {nodeName: n1, containers: [{name: c}]}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm1, namespace: shop, labels: {app: web}}
spec: {domain: {cpu: {cores: 1}, memory: {guest: 1Gi}, devices: {}}}`,
    },
    {
      file: "policy.yaml",
      text: `apiVersion: v1\nkind: Service\nmetadata: {name: front, namespace: shop}\nspec: {selector: {app: web}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec: {minAvailable: 0, selector: {matchLabels: {app: web}}}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: retail}}`,
    },
  ]
  const split = modelFromFiles(parts)
  const joined = modelFromFiles([{ file: "all.yaml", text: parts.map((p) => p.text).join("\n---\n") }])

  it("pods, bindings, skipped documents, notes and objects are the same", () => {
    expect(split.workload.pending).toEqual(joined.workload.pending)
    expect(split.workload.bound).toEqual(joined.workload.bound)
    expect(split.workload.skipped).toEqual(joined.workload.skipped)
    expect(split.workload.notes).toEqual(joined.workload.notes)
    expect(split.workload.objects).toEqual(joined.workload.objects)
    expect(split.cluster).toEqual(joined.cluster)
  })

  it("objects in one file apply to pods in another", () => {
    expect(split.workload.pending.filter((p) => p.controller?.kind === "ReplicaSet").map((p) => p.priority)).toEqual([1000, 1000])
    expect(split.workload.objects.disruptionBudgets).toEqual([
      // the bound pod is healthy; minAvailable 0 leaves all of it
      { namespace: "shop", name: "web", selector: { matchLabels: { app: "web" } }, disruptedPods: [], disruptionsAllowed: 1 },
    ])
    expect(split.cluster.services).toEqual([{ namespace: "shop", name: "front", selector: { app: "web" } }])
    expect(split.cluster.bound.map((b) => b.node)).toEqual(["n1"])
    // the VMI's launcher pod is selected by the Service: default spreading from the Service only
    const launcher = split.workload.pending.find((p) => p.key === "shop/vm1")!
    expect(defaultSelector(launcher, split.workload.objects)).toEqual([{ matchLabels: { app: "web" } }])
  })

  it("workloadFromText on the text equals the model's workload (same pipeline)", () => {
    const text = parts.slice(1).map((p) => p.text).join("\n---\n")
    const w = workloadFromText(text, "all.yaml")
    expect(w.pending).toEqual(joined.workload.pending)
    expect(w.objects).toEqual(joined.workload.objects)
  })
})
