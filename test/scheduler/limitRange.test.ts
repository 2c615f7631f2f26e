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

  it("a pod that exists (bound with its status, or with a uid) is read as it is", () => {
    const lr = range("  - type: Container\n    defaultRequest: {cpu: 300m}\n    max: {cpu: 500m}")
    for (const extra of ["  nodeName: n1\n", ""]) {
      const meta = extra === "" ? "metadata: {name: p, namespace: d, uid: u-1}" : "metadata: {name: p, namespace: d}"
      const status = extra === "" ? "" : "status: {phase: Running}\n"
      const w = workloadFromText(`${lr}apiVersion: v1\nkind: Pod\n${meta}\nspec:\n${extra}  containers: [{name: c, resources: {limits: {cpu: '4'}}}]\n${status}`, "dump.yaml")
      expect((w.pending[0] ?? w.bound[0]!.pod).containers[0]!.requests).toEqual({ cpu: 4000 })
    }
  })

  it("a pod naming its node without a status is being created: the API server admits it before its kubelet sees it", () => {
    const lr = range("  - type: Container\n    defaultRequest: {cpu: 300m}")
    const w = workloadFromText(`${lr}apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d}\nspec:\n  nodeName: n1\n  containers: [{name: c}]\n`, "pods.yaml")
    expect(w.bound[0]!.pod.containers[0]!.requests).toEqual({ cpu: 300 })
  })
})

describe("bounds enforced with the API server's messages", () => {
  it("min and max per container, a missing limit under max", () => {
    const lr = range("  - type: Container\n    min: {cpu: 100m}\n    max: {cpu: '2', memory: 1Gi}\n    default: {memory: 512Mi}")
    expect(refused(lr + pod("  - {name: a, resources: {requests: {cpu: 50m}, limits: {cpu: '4'}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum cpu usage per Container is 2, but limit is 4]',
    )
    expect(refused(lr + pod("  - {name: a, resources: {requests: {cpu: 150m}, limits: {cpu: 1500m, memory: 2Gi}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi',
    )
  })

  it("max without a default limit: a container without a limit gets max as its limit (so passes); ratio needs both", () => {
    expect(requestsOf(range("  - type: Container\n    max: {cpu: '2'}") + pod("  - {name: a, resources: {requests: {cpu: 500m}}}"))).toEqual([[{ cpu: 500 }]])
    const ratio = range("  - type: Container\n    maxLimitRequestRatio: {cpu: '2'}")
    expect(refused(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}, limits: {cpu: 1500m}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 3.000000',
    )
    expect(refused(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
    )
    expect(requestsOf(ratio + pod("  - {name: a, resources: {requests: {cpu: 500m}, limits: {cpu: '1'}}}"))).toEqual([[{ cpu: 500 }]])
  })

  it("Pod items bound the sum over containers and sidecars (or a larger init container with the sidecars before it)", () => {
    const lr = range("  - type: Pod\n    max: {cpu: '1'}")
    const two = "  - {name: a, resources: {limits: {cpu: 600m}}}\n  - {name: b, resources: {limits: {cpu: 600m}}}"
    expect(refused(lr + pod(two))).toBe('pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m')
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}", "  initContainers: [{name: i, resources: {limits: {cpu: 1500m}}}]\n"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1500m',
    )
    // a resource some container leaves unset still has a total (v1.2x+ podLimits adds what is set)
    expect(requestsOf(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}\n  - {name: b}"))).toEqual([[{ cpu: 600 }, {}]])
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}\n  - {name: b, resources: {limits: {cpu: 500m}}}"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1100m',
    )
    // no container sets it: "No limit is specified"
    expect(refused(lr + pod("  - {name: a}"))).toBe('pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1.  No limit is specified')
    // a sidecar (restartable init container) adds to the sum; a plain init container runs with the sidecars started before it
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 600m}}}", "  initContainers: [{name: s, restartPolicy: Always, resources: {limits: {cpu: 500m}}}]\n"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1100m',
    )
    expect(refused(lr + pod("  - {name: a, resources: {limits: {cpu: 100m}}}", "  initContainers: [{name: s, restartPolicy: Always, resources: {limits: {cpu: 300m}}}, {name: i, resources: {limits: {cpu: 800m}}}]\n"))).toBe(
      'pods.yaml: document 1: pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1100m',
    )
    expect(requestsOf(lr + pod("  - {name: a, resources: {limits: {cpu: 400m}}}\n  - {name: b, resources: {limits: {cpu: 600m}}}"))).toEqual([[{ cpu: 400 }, { cpu: 600 }]])
  })

  it("a Deployment whose pods would be refused is refused, naming the Deployment", () => {
    const text =
      range("  - type: Container\n    min: {memory: 1Gi}") +
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: d}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, resources: {requests: {memory: 128Mi}}}]}\n"
    expect(refused(text)).toMatch(/^pods\.yaml: document 1: pods "web-[0-9a-f]+-[a-z0-9]+" is forbidden: minimum memory usage per Container is 1Gi, but request is 128Mi$/)
  })
})


describe("several ranges: every default first, then the first range that refuses answers", () => {
  it("a later range's default is in place when an earlier range is checked", () => {
    // range 1 bounds the pod's memory, range 2 supplies the default: upstream mutates with both before validating
    const text = range("  - type: Pod\n    min: {memory: 100Mi}") + range("  - type: Container\n    defaultRequest: {memory: 128Mi}").replace("name: limits", "name: defaults") + pod("  - {name: a}")
    expect(requestsOf(text)).toEqual([[{ memory: 128 * 2 ** 20 }]])
  })

  it("errors of one range are aggregated; a second refusing range is not reached", () => {
    const text =
      range("  - type: Container\n    max: {cpu: 500m}\n  - type: Pod\n    max: {cpu: 600m}") + range("  - type: Container\n    min: {memory: 1Gi}").replace("name: limits", "name: memory") + pod("  - {name: a, resources: {limits: {cpu: '1', memory: 64Mi}}}")
    expect(refused(text)).toBe(
      'pods.yaml: document 2: pods "p" is forbidden: [maximum cpu usage per Container is 500m, but limit is 1, maximum cpu usage per Pod is 600m, but limit is 1]',
    )
  })
})

const claim = (name: string, requests: string, extra = "", meta = "") => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}, namespace: d${meta}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: ${requests}}
${extra}---
`
const storageRange = (bounds: string, name = "storage") => range(`  - type: PersistentVolumeClaim\n${bounds}`).replace("name: limits", `name: ${name}`)

describe("PersistentVolumeClaim items bound the claims being created (PersistentVolumeClaimValidateLimitFunc)", () => {
  const bounds = storageRange("    min: {storage: 1Gi}\n    max: {storage: 10Gi}")
  const claimsOf = (text: string) => workloadFromText(text, "claims.yaml").objects.storage?.persistentVolumeClaims.map((c) => `${c.name}:${c.requestBytes}`)

  it("a request below min or above max is refused with the API server's message", () => {
    expect(refusedWorkload(bounds + claim("small", "{storage: 512Mi}"), "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "small" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 512Mi',
    )
    expect(refusedWorkload(bounds + claim("big", "{storage: 20Gi}"), "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi',
    )
  })

  it("the bounds are inclusive, compared as quantities (1Gi = 1073741824), and limits are not read", () => {
    expect(claimsOf(bounds + claim("low", "{storage: '1073741824'}") + claim("high", "{storage: 10Gi}", "", "") .replace("requests: {storage: 10Gi}", "requests: {storage: 10Gi}, limits: {storage: 50Gi}"))).toEqual([
      `low:${2 ** 30}`,
      `high:${10 * 2 ** 30}`,
    ])
    expect(refusedWorkload(bounds + claim("over", "{storage: 10737418241}"), "claims.yaml")).toMatch(/forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 10737418241$/)
  })

  it("no storage request: the API server's validation refuses the claim before admission; another bounded resource unrequested is LimitRanger's 'No request is specified'", () => {
    expect(refusedWorkload(bounds + claim("none", "{}"), "claims.yaml")).toBe("claims.yaml: document 1, spec.resources.requests.storage: a claim needs a storage request (required)")
    const other = storageRange("    min: {storage: 1Gi}\n    max: {example.com/iops: '100'}")
    expect(refusedWorkload(other + claim("c", "{storage: 2Gi}"), "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "c" is forbidden: maximum example.com/iops usage per PersistentVolumeClaim is 100.  No request is specified',
    )
  })

  it("several items and ranges: one range's errors aggregated, the first refusing range answers, other namespaces' ranges do not apply", () => {
    const two = storageRange("    min: {storage: 1Gi, example.com/iops: '10'}")
    expect(refusedWorkload(two + claim("c", "{storage: 512Mi}"), "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "c" is forbidden: [minimum example.com/iops usage per PersistentVolumeClaim is 10.  No request is specified, minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 512Mi]',
    )
    const first = storageRange("    max: {storage: 4Gi}", "a")
    const second = storageRange("    max: {storage: 1Gi}", "b")
    expect(refusedWorkload(first + second + claim("c", "{storage: 2Gi}"), "claims.yaml")).toBe(
      'claims.yaml: document 2: persistentvolumeclaims "c" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi',
    )
    expect(claimsOf(storageRange("    max: {storage: 1Gi}").replace("namespace: d", "namespace: other") + claim("c", "{storage: 2Gi}"))).toEqual([`c:${2 * 2 ** 30}`])
    // Container and Pod items say nothing about claims
    expect(claimsOf(range("  - type: Container\n    max: {storage: 1Gi}") + claim("c", "{storage: 2Gi}"))).toEqual([`c:${2 * 2 ** 30}`])
  })

  it("a claim that exists (bound by the PV controller, or with a status or a uid, as kubectl dumps it) is read as it is", () => {
    expect(claimsOf(bounds + claim("s", "{storage: 20Gi}", "status: {phase: Bound}\n"))).toEqual([`s:${20 * 2 ** 30}`])
    expect(claimsOf(bounds + claim("u", "{storage: 20Gi}", "", ", uid: u-1"))).toEqual([`u:${20 * 2 ** 30}`])
    expect(claimsOf(bounds + claim("b", "{storage: 20Gi}", "  volumeName: pv-1\n", ", annotations: {pv.kubernetes.io/bind-completed: 'yes'}"))).toEqual([`b:${20 * 2 ** 30}`])
  })

  it("claims a controller creates go through the same admission, naming the controller's document", () => {
    const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: d}
spec:
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 50Gi}}}
`
    expect(refusedWorkload(bounds + statefulSet, "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "data-db-0" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 50Gi',
    )
    // data-db-0 exists (a live dump): only data-db-1 is created, and refused
    expect(refusedWorkload(bounds + claim("data-db-0", "{storage: 50Gi}", "status: {phase: Bound}\n") + statefulSet, "claims.yaml")).toMatch(/^claims\.yaml: document 2: persistentvolumeclaims "data-db-1" is forbidden: /)
    const dataVolume = (spec: string) => `apiVersion: cdi.kubevirt.io/v1beta1\nkind: DataVolume\nmetadata: {name: disk, namespace: d}\nspec: ${spec}\n`
    for (const field of ["pvc", "storage"]) {
      expect(refusedWorkload(bounds + dataVolume(`{${field}: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 100Mi}}}}`), "claims.yaml")).toBe(
        'claims.yaml: document 1: persistentvolumeclaims "disk" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 100Mi',
      )
    }
    const vm = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm, namespace: d}
spec:
  runStrategy: Always
  dataVolumeTemplates:
  - metadata: {name: root}
    spec: {pvc: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 30Gi}}}}
  template:
    spec:
      domain: {devices: {}, resources: {requests: {memory: 1Gi}}}
      volumes: [{name: root, dataVolume: {name: root}}]
`
    expect(refusedWorkload(bounds + vm, "claims.yaml")).toBe(
      'claims.yaml: document 1: persistentvolumeclaims "root" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 30Gi',
    )
    expect(claimsOf(bounds + statefulSet.replace("50Gi", "5Gi"))).toEqual([`data-db-0:${5 * 2 ** 30}`, `data-db-1:${5 * 2 ** 30}`])
  })
})

describe("a LimitRange the API server would refuse (ValidateLimitRange, after its defaults)", () => {
  const invalid = (items: string) => refusedWorkload(range(items) + pod("  - {name: a}"))
  it("names the field and the problem", () => {
    expect(invalid("  - type: Container\n    min: {cpu: '2'}\n    max: {cpu: '1'}")).toBe('pods.yaml: document 0, spec.limits[0].min.cpu: Invalid value: "2": min value 2 is greater than max value 1')
    // defaults the API server writes count: default from max, so a default request above max is refused
    expect(invalid("  - type: Container\n    defaultRequest: {memory: 2Gi}\n    max: {memory: 1Gi}")).toBe(
      'pods.yaml: document 0, spec.limits[0].defaultRequest.memory: Invalid value: "2Gi": default request value 2Gi is greater than max value 1Gi',
    )
    expect(invalid("  - type: Container\n    default: {cpu: 500m}\n    min: {cpu: '1'}")).toBe(
      'pods.yaml: document 0, spec.limits[0].defaultRequest.cpu: Invalid value: "500m": min value 1 is greater than default request value 500m',
    )
    expect(invalid("  - type: Pod\n    max: {cpu: '2'}\n    default: {cpu: '1'}")).toBe("pods.yaml: document 0, spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'")
    expect(invalid("  - type: Pod\n    max: {cpu: '2'}\n  - type: Pod\n    max: {memory: 1Gi}")).toBe('pods.yaml: document 0, spec.limits[1].type: Duplicate value: "Pod"')
    expect(invalid("  - type: PersistentVolumeClaim\n    max: {example.com/iops: '100'}")).toBe(
      "pods.yaml: document 0, spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided",
    )
    expect(invalid("  - type: Container\n    maxLimitRequestRatio: {cpu: 500m}")).toBe('pods.yaml: document 0, spec.limits[0].maxLimitRequestRatio.cpu: Invalid value: "500m": ratio 500m is less than 1')
    expect(invalid("  - type: Pod\n    min: {cpu: '1'}\n    max: {cpu: '2'}\n    maxLimitRequestRatio: {cpu: '3'}")).toBe(
      'pods.yaml: document 0, spec.limits[0].maxLimitRequestRatio.cpu: Invalid value: "3": ratio 3 is greater than max/min = 2.000000',
    )
    expect(invalid("  - type: Container\n    default: {nvidia.com/gpu: '2'}\n    defaultRequest: {nvidia.com/gpu: '1'}")).toBe(
      'pods.yaml: document 0, spec.limits[0].defaultRequest["nvidia.com/gpu"]: Invalid value: "1": default value 2 must equal to defaultRequest value 1 in nvidia.com/gpu',
    )
  })
})
