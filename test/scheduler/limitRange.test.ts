/**
 * LimitRanger admission (plugin/pkg/admission/limitranger): the defaults a namespace's
 * LimitRanges write into the containers of a pod being created, the bounds they enforce with the
 * API server's messages, and pods admitted already (a live dump) read as they are.
 */
import { describe, expect, it } from "vitest"
import { workloadFromText } from "../../src/scheduler/index.ts"
import { refusedWorkload } from "./refusedWorkload.ts"

const range = (items: string, namespace = "d") => `apiVersion: v1
kind: LimitRange
metadata: {name: limits, namespace: ${namespace}}
spec:
  limits:
${items}
---
`
const pod = (containers: string, extra = "") => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: d}
spec:
${extra}  containers:
${containers}
`
const requestsOf = (text: string) => workloadFromText(text, "pods.yaml").pending.map((p) => p.containers.map((c) => c.requests))

const refused = (text: string): string => refusedWorkload(text)

describe("defaults written into the containers", () => {
  it("defaultRequest fills an unset request; a limit the pod sets is its request (decoding runs before admission)", () => {
    const lr = range("  - type: Container\n    default: {cpu: '1', memory: 512Mi}\n    defaultRequest: {cpu: 200m, memory: 256Mi}")
    expect(requestsOf(lr + pod("  - {name: a}\n  - {name: b, resources: {limits: {cpu: 800m}}}\n  - {name: c, resources: {requests: {memory: 64Mi}}}"))).toEqual([
      [
        { cpu: 200, memory: 256 * 2 ** 20 },
        { cpu: 800, memory: 256 * 2 ** 20 },
        { cpu: 200, memory: 64 * 2 ** 20 },
      ],
    ])
  })

  it("a hand-written range gets the API server's defaults: default from max, defaultRequest from default, then from min", () => {
    expect(requestsOf(range("  - type: Container\n    max: {cpu: '2'}\n    min: {memory: 100Mi}") + pod("  - {name: a}"))).toEqual([[{ cpu: 2000, memory: 100 * 2 ** 20 }]])
  })

  it("init containers get the defaults too, and only the pod's namespace's ranges apply", () => {
    const w = workloadFromText(
      range("  - type: Container\n    defaultRequest: {cpu: 300m}") + range("  - type: Container\n    defaultRequest: {cpu: 5}", "other") + pod("  - {name: a}", "  initContainers: [{name: i}]\n"),
      "pods.yaml",
    )
    expect(w.pending[0]!.containers[0]!.requests).toEqual({ cpu: 300 })
    expect(w.pending[0]!.initContainers[0]!.requests).toEqual({ cpu: 300 })
  })

  it("a Deployment's pods are admitted when created", () => {
    const w = workloadFromText(
      range("  - type: Container\n    defaultRequest: {memory: 1Gi}") +
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: d}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c}]}\n",
      "pods.yaml",
    )
    expect(w.pending.map((p) => p.containers[0]!.requests)).toEqual([{ memory: 2 ** 30 }, { memory: 2 ** 30 }])
  })

  it("a pod that exists (bound, or with a status or a uid) is read as it is", () => {
    const lr = range("  - type: Container\n    defaultRequest: {cpu: 300m}\n    max: {cpu: 100m}")
    for (const extra of ["  nodeName: n1\n", ""]) {
      const meta = extra === "" ? "metadata: {name: p, namespace: d, uid: u-1}" : "metadata: {name: p, namespace: d}"
      const w = workloadFromText(`${lr}apiVersion: v1\nkind: Pod\n${meta}\nspec:\n${extra}  containers: [{name: c, resources: {limits: {cpu: '4'}}}]\n`, "dump.yaml")
      expect((w.pending[0] ?? w.bound[0]!.pod).containers[0]!.requests).toEqual({ cpu: 4000 })
    }
  })
})

describe("bounds enforced with the API server's messages", () => {
  it("min and max per container, a missing limit under max", () => {
    const lr = range("  - type: Container\n    min: {cpu: 100m}\n    max: {cpu: '2', memory: 1Gi}\n    default: {memory: 512Mi}")
    expect(refused(lr + pod("  - {name: a, resources: {requests: {cpu: 50m}, limits: {cpu: '4'}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m., maximum cpu usage per Container is 2, but limit is 4.]',
    )
    expect(refused(lr + pod("  - {name: a, resources: {requests: {cpu: 150m}, limits: {cpu: 1500m, memory: 2Gi}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi.',
    )
  })

  it("max without a default limit: a container without a limit gets max as its limit (so passes); ratio needs both", () => {
    expect(requestsOf(range("  - type: Container\n    max: {cpu: '2'}") + pod("  - {name: a, resources: {requests: {cpu: 500m}}}"))).toEqual([[{ cpu: 500 }]])
    const ratio = range("  - type: Container\n    maxLimitRequestRatio: {cpu: '2'}")
    expect(refused(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}, limits: {cpu: 1500m}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 3.000000.',
    )
    expect(refused(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but no limit is specified or limit is 0.',
    )
    expect(requestsOf(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}, limits: {cpu: '1'}}}"))).toEqual([[{ cpu: 500 }]])
  })

  it("Pod items bound the sum over containers (or a larger init container)", () => {
    const lr = range("  - type: Pod\n    max: {cpu: '1'}")
    const two = "  - {name: a, resources: {limits: {cpu: 600m}}}\n  - {name: b, resources: {limits: {cpu: 600m}}}"
    expect(refused(lr + pod(two))).toBe('pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m.')
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}", "  initContainers: [{name: i, resources: {limits: {cpu: 1500m}}}]\n"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1500m.',
    )
    // a resource some container leaves unset has no pod total: "No limit is specified"
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}\n  - {name: b}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1.  No limit is specified.',
    )
    expect(requestsOf(lr + pod("  - {name: a, resources: {limits: {cpu: 400m}}}\n  - {name: b, resources: {limits: {cpu: 600m}}}"))).toEqual([[{ cpu: 400 }, { cpu: 600 }]])
  })

  it("a Deployment whose pods would be refused is refused, naming the Deployment", () => {
    const text =
      range("  - type: Container\n    min: {memory: 1Gi}") +
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: d}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, resources: {requests: {memory: 128Mi}}}]}\n"
    expect(refused(text)).toMatch(/^pods\.yaml: document 1: pods "web-[0-9a-f]+-[a-z0-9]+" is forbidden: minimum memory usage per Container is 1Gi, but request is 128Mi\.$/)
  })
})

describe("LimitRange is a modelled kind", () => {
  it("its PersistentVolumeClaim items are named as not checked", () => {
    const w = workloadFromText(range("  - type: PersistentVolumeClaim\n    max: {storage: 10Gi}") + pod("  - {name: a}"), "pods.yaml")
    expect(w.notes).toEqual([{ key: "d/limits", reason: "LimitRange: its PersistentVolumeClaim limits bound the storage a claim may request, which catcluster does not check (claims are taken as created)" }])
    expect(w.skipped).toEqual([])
  })
})
