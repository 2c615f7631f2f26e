/**
 * A dump taken during a live migration holds two virt-launcher pods for one VMI: the source, on
 * the VMI's node, stands for the VMI; the target (labelled `kubevirt.io/migrationJobUID` by
 * KubeVirt's migration controller) holds its own requests on the target node, or waits to be
 * scheduled there. Before, the later pod in the file replaced the other and the target's requests
 * were dropped.
 */
import { describe, expect, it } from "vitest"
import { workloadFromText } from "../../src/scheduler/index.ts"

const launcher = (name: string, node: string | undefined, target: boolean, cpu: string) => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: prod
  labels: {kubevirt.io: virt-launcher, kubevirt.io/created-by: u${target ? ", kubevirt.io/migrationJobUID: m1" : ""}}
  ownerReferences: [{apiVersion: kubevirt.io/v1, kind: VirtualMachineInstance, name: vm1, uid: u, controller: true}]
spec:
${node === undefined ? "" : `  nodeName: ${node}\n`}${
  target
    ? "  affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {kubevirt.io/created-by: u}}, topologyKey: kubernetes.io/hostname}]}}\n"
    : ""
}  containers: [{name: compute, resources: {requests: {cpu: ${cpu}}, limits: {devices.kubevirt.io/kvm: "1"}}}]
status: {phase: ${node === undefined ? "Pending" : "Running"}}
`
const vmi = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm1, namespace: prod, uid: u}
spec: {domain: {devices: {}, memory: {guest: 1Gi}}}
status: {phase: Running, nodeName: n1}
`

describe("a dump taken during a live migration", () => {
  it("the source launcher stands for the VMI, whatever the order; the running target holds its requests on its node", () => {
    for (const text of [vmi + launcher("virt-launcher-vm1-src", "n1", false, "100m") + launcher("virt-launcher-vm1-tgt", "n2", true, "200m"), vmi + launcher("virt-launcher-vm1-tgt", "n2", true, "200m") + launcher("virt-launcher-vm1-src", "n1", false, "100m")]) {
      const w = workloadFromText(text, "dump.yaml")
      expect(w.pending).toEqual([])
      expect(w.bound.map((b) => [b.pod.key, b.node, b.pod.containers[0]?.requests["cpu"]]).sort()).toEqual([
        ["prod/virt-launcher-vm1-tgt", "n2", 200],
        ["prod/vm1", "n1", 100],
      ])
      expect(w.skipped).toEqual([{ key: "prod/virt-launcher-vm1-src", reason: "Pod: the virt-launcher pod of VirtualMachineInstance vm1, which is in the input and standing for it" }])
    }
  })

  it("a target not yet scheduled is a pending pod, with the anti-affinity that keeps it off the source node", () => {
    const w = workloadFromText(vmi + launcher("virt-launcher-vm1-src", "n1", false, "100m") + launcher("virt-launcher-vm1-tgt", undefined, true, "100m"), "dump.yaml")
    expect(w.bound.map((b) => [b.pod.key, b.node])).toEqual([["prod/vm1", "n1"]])
    expect(w.pending.map((p) => p.key)).toEqual(["prod/virt-launcher-vm1-tgt"])
    expect(w.pending[0]!.podAntiAffinity?.required).toHaveLength(1)
  })
})
