/**
 * The virt-launcher pod as KubeVirt v1.9.0's virt-controller renders it: labels, controller,
 * nodeSelector (schedulable, cpumanager, CPU model / features, machine type, architecture,
 * launch security), affinity (the VMI's, plus the host-model and forbidden-feature rules),
 * tolerations and spread constraints copied; catcluster's own VM fields kept; VMIs and VMs that
 * a dump already realises.
 */
import { describe, expect, it } from "vitest"
import { launcherLabels, vmiId, workloadFromText } from "../../src/scheduler/index.ts"

const vmi = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: db-0
  namespace: prod
  uid: 0f0e0d0c-0000-4000-8000-000000000001
  labels: {app: db, kubevirt.io/domain: db-0}
spec:
  priorityClassName: system-cluster-critical
  hostname: primary
  architecture: AMD64
  nodeSelector: {disk: ssd}
  tolerations: [{key: dedicated, operator: Equal, value: vms, effect: NoSchedule}]
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a, b]}]
        - matchExpressions: [{key: rack, operator: Exists}]
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: db}}}
  domain:
    machine: {type: pc-q35-rhel9.6.0}
    cpu:
      cores: 2
      dedicatedCpuPlacement: true
      features: [{name: vmx}, {name: avx2, policy: require}, {name: svm, policy: forbid}, {name: pcid, policy: optional}]
    memory: {guest: 4Gi}
    devices: {}
  volumes:
  - {name: root, containerDisk: {image: "quay.io/containerdisks/fedora:41"}}
  - {name: data, dataVolume: {name: db-0-data}}
  - {name: hot, persistentVolumeClaim: {claimName: hot, hotpluggable: true}}
`

describe("the virt-launcher pod of a VMI", () => {
  const w = workloadFromText(vmi, "vmi.yaml")
  const pod = w.pending[0]!

  it("labels: the VMI's plus KubeVirt's; controlled by the VMI", () => {
    expect(pod.key).toBe("prod/db-0")
    expect(pod.namespace).toBe("prod")
    expect(pod.labels).toEqual({
      app: "db",
      "kubevirt.io/domain": "db-0",
      "kubevirt.io": "virt-launcher",
      "kubevirt.io/created-by": "0f0e0d0c-0000-4000-8000-000000000001",
      "vm.kubevirt.io/name": "primary",
      "vmi.kubevirt.io/id": "db-0",
    })
    expect(pod.controller).toEqual({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", name: "db-0" })
    expect(pod.priority).toBe(2_000_000_000)
  })

  it("nodeSelector as NodeSelectorRenderer renders it", () => {
    expect(pod.nodeSelector).toEqual({
      "kubevirt.io/schedulable": "true",
      "kubernetes.io/arch": "amd64",
      disk: "ssd",
      "kubevirt.io/cpumanager": "true",
      "cpu-feature.node.kubevirt.io/vmx": "true",
      "cpu-feature.node.kubevirt.io/avx2": "true",
      "machine-type.node.kubevirt.io/pc-q35-rhel9.6.0": "true",
    })
  })

  it("affinity: the VMI's terms, each ANDed with the host-model and forbidden-feature rules; pod anti-affinity, tolerations, spread copied", () => {
    const rules = [
      { key: "node-labeller.kubevirt.io/obsolete-host-model", operator: "DoesNotExist", values: [] },
      { key: "cpu-feature.node.kubevirt.io/svm", operator: "DoesNotExist", values: [] },
    ]
    expect(pod.requiredTerms).toEqual([
      { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a", "b"] }, ...rules], matchFields: [] },
      { matchExpressions: [{ key: "rack", operator: "Exists", values: [] }, ...rules], matchFields: [] },
    ])
    expect(pod.podAntiAffinity).toEqual({ required: [{ labelSelector: { matchLabels: { app: "db" } }, namespaces: [], topologyKey: "kubernetes.io/hostname" }], preferred: [] })
    expect(pod.tolerations).toEqual([{ key: "dedicated", operator: "Equal", value: "vms", effect: "NoSchedule" }])
    expect(pod.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "db" } }, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" },
    ])
  })

  it("keeps catcluster's VM fields: required features, KVM, the NUMA requirement; images of container disks", () => {
    expect(pod.requiredFeatures).toEqual(["vmx", "avx2"])
    expect(pod.requiresKvm).toBe(true)
    expect(pod.numa).toEqual({ vcpus: 2, memoryBytes: 4 * 2 ** 30, hugepages: false })
    expect(pod.images).toEqual(["quay.io/containerdisks/fedora:41"])
  })

  it("a named CPU model gets its label and no host-model rule; SEV-ES and realtime their labels", () => {
    const named = workloadFromText(
      vmi
        .replace("      cores: 2\n", "      cores: 2\n      model: Skylake-Server\n      realtime: {}\n")
        .replace("    machine: {type: pc-q35-rhel9.6.0}\n", "    launchSecurity: {sev: {policy: {encryptedState: true}}}\n"),
      "vmi.yaml",
    ).pending[0]!
    expect(named.nodeSelector).toMatchObject({
      "cpu-model.node.kubevirt.io/Skylake-Server": "true",
      "kubevirt.io/realtime": "true",
      "kubevirt.io/sev": "true",
      "kubevirt.io/sev-es": "true",
    })
    expect(named.nodeSelector["machine-type.node.kubevirt.io/pc-q35-rhel9.6.0"]).toBeUndefined()
    expect(named.requiredTerms?.[0]?.matchExpressions.map((r) => r.key)).toEqual(["topology.kubernetes.io/zone", "cpu-feature.node.kubevirt.io/svm"])
  })

  it("no default spreading unless a Service selects it: its controller is a VMI, which DefaultSelector does not know", () => {
    expect(w.objects.controllers).toEqual([])
  })

  it("vm.kubevirt.io/name and vmi.kubevirt.io/id for long and dotted names", () => {
    const long = `a${"b".repeat(70)}`
    expect(vmiId("short")).toBe("short")
    expect(vmiId(long)).toMatch(new RegExp(`^a${"b".repeat(53)}-[0-9a-f]{8}$`))
    expect(vmiId(long).length).toBe(63)
    expect(launcherLabels({ name: "web.example", uid: "u", labels: {} })["vm.kubevirt.io/name"]).toBe("web")
  })
})

describe("VMIs and VMs a dump already realises", () => {
  it("a VMI whose launcher pod is in the input is not rendered again; a VM whose VMI is in the input neither", () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: prod}
spec:
  runStrategy: Always
  template: {spec: {domain: {devices: {}, memory: {guest: 1Gi}}}}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm1, namespace: prod}
spec: {domain: {devices: {}, memory: {guest: 1Gi}}}
status: {phase: Running, nodeName: n1}
---
apiVersion: v1
kind: Pod
metadata:
  name: virt-launcher-vm1-abcde
  namespace: prod
  ownerReferences: [{apiVersion: kubevirt.io/v1, kind: VirtualMachineInstance, name: vm1, uid: u, controller: true}]
spec: {nodeName: n1, containers: [{name: compute, resources: {requests: {cpu: 100m}, limits: {devices.kubevirt.io/kvm: "1"}}}]}
status: {phase: Running}`
    const w = workloadFromText(text, "dump.yaml")
    expect(w.pending).toEqual([])
    // the VMI is the unit, read from the launcher kube-scheduler accounts (its 100m, its kvm limit)
    expect(w.bound.map((b) => [b.pod.key, b.node, b.pod.requiresKvm, b.pod.containers[0]?.requests["cpu"]])).toEqual([["prod/vm1", "n1", true, 100]])
    expect(w.skipped).toEqual([
      { key: "prod/vm1", reason: "VirtualMachine: its VirtualMachineInstance in the input stands for it" },
      { key: "prod/virt-launcher-vm1-abcde", reason: "Pod: the virt-launcher pod of VirtualMachineInstance vm1, which is in the input and standing for it" },
    ])
  })

  it("a VMI whose status names a node is bound there; a finished one is skipped", () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: a, namespace: prod}
spec: {domain: {devices: {}, memory: {guest: 1Gi}}}
status: {phase: Running, nodeName: n2}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: b, namespace: prod}
spec: {domain: {devices: {}, memory: {guest: 1Gi}}}
status: {phase: Succeeded, nodeName: n2}`
    const w = workloadFromText(text, "dump.yaml")
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["prod/a", "n2"]])
    expect(w.skipped).toEqual([{ key: "prod/b", reason: "VirtualMachineInstance is Succeeded: its launcher pod no longer runs" }])
  })

  it("a VMI with resourceClaims is refused (DynamicResources)", () => {
    expect(() => workloadFromText(vmi.replace("  hostname: primary\n", "  hostname: primary\n  resourceClaims: [{name: gpu}]\n"), "vmi.yaml")).toThrow(
      /^vmi\.yaml: document 0, spec\.resourceClaims: pod prod\/db-0 requests devices through DynamicResources/,
    )
  })

  it("a started VM's launcher takes the template's labels; errors name the template's path", () => {
    const vm = (spread: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm2, namespace: prod}
spec:
  runStrategy: Always
  template:
    metadata: {labels: {app: vm2}}
    spec:
      topologySpreadConstraints: [{maxSkew: ${spread}, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: vm2}}}]
      domain: {devices: {}, memory: {guest: 1Gi}}`
    const pod = workloadFromText(vm("1"), "vm.yaml").pending[0]!
    expect(pod.labels).toMatchObject({ app: "vm2", "kubevirt.io": "virt-launcher", "vm.kubevirt.io/name": "vm2" })
    expect(pod.topologySpreadConstraints?.[0]?.maxSkew).toBe(1)
    expect(() => workloadFromText(vm("0"), "vm.yaml")).toThrow("vm.yaml: document 0, spec.template.spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero")
  })
})
