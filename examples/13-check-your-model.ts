/**
 * # 13 · Check your model in your CI
 *
 * The laws catcluster checks on its own cluster — v ≤ p for Φ, c ≪ p for Ψ, σ respects
 * capacity, request ≤ limit, the footprint functor's laws — are not only facts about an example:
 * they are checks you can run on *your* manifests, in *your* CI, every time someone edits them.
 *
 * `checkModel` (and the command `catcluster check --nodes … --workloads … --presentation …`)
 * builds the domain's cluster from your manifests (Nodes → P, pods → C wrapped by Ω, VMs and
 * VMIs → V wrapped by Ω′ with KubeVirt's real launcher-pod overhead, `spec.nodeName` → σ) and
 * runs each law *exhaustively* over your finite objects: a law that holds was checked on every
 * pod, VMI and node; a law that fails names each case that breaks it and by how much.
 * Exit codes for CI: 0 every law holds, 1 a law fails, 2 the input cannot be read.
 */
import { checkModel, type CheckReport, printReport } from "catcluster/app/check"

// A small model as YAML text: one KVM host, a pod already bound to it, and a VM. (Leave out
// the node's ephemeral-storage and Φ fails: the virt-launcher pod asks 50M of it.)
const nodes = `
apiVersion: v1
kind: Node
metadata: { name: host-1 }
status:
  capacity:    { cpu: "4", memory: 16Gi, pods: "110", ephemeral-storage: 100Gi, devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k }
  allocatable: { cpu: "4", memory: 15Gi, pods: "110", ephemeral-storage: 90Gi, devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k }
`
const workloads = `
apiVersion: v1
kind: Pod
metadata: { name: api }
spec:
  nodeName: host-1
  containers: [{ name: api, image: api:1, resources: { requests: { cpu: "1", memory: 2Gi }, limits: { memory: 2Gi } } }]
---
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: { name: db }
spec:
  runStrategy: Always
  template: { spec: { domain: { cpu: { cores: 2 }, memory: { guest: 4Gi }, devices: {} } } }
`

const checked = (text: string): CheckReport => {
  const outcome = checkModel([
    { file: "nodes.yaml", text: nodes },
    { file: "workloads.yaml", text },
  ])
  // bad input (a typo in a quantity, a missing field) is not a law failure: exit code 2
  if (outcome._tag === "BadInput") throw new Error(outcome.errors.join("\n"))
  return outcome.report
}

// 1. The clean model: every law holds. Each line says what was checked and on how many cases.
const clean = checked(workloads)
console.log(printReport(clean))
//> ✓ resources.requestWithinLimit
//> ✓ virtualize.fitsKvmNode
//> ✓ schedule.respectsCapacity
// Beside the laws, the S1.4 square is reported for each VM: the launcher pod (Ω′∘Φ) does not
// ask what a container of the same size (Ω∘Ψ) asks — KubeVirt adds memory overhead and devices,
// and shared vCPUs request a tenth of a core each. A residual, not a failure.
//> default/db: F(Ω′∘Φ) − F(Ω∘Ψ) = cpu −1800m
//> all 7 applicable laws hold (1 not applicable)
console.log(`exit code: ${clean.exitCode}`)
//> exit code: 0

// 2. Break it: someone binds a second, bigger pod to the same node. σ no longer respects
// capacity, and the failing case names the node, the pods on it and the excess.
const broken = checked(
  workloads +
    `---
apiVersion: v1
kind: Pod
metadata: { name: batch }
spec:
  nodeName: host-1
  containers: [{ name: batch, image: batch:1, resources: { requests: { cpu: "3500m", memory: 1Gi } } }]
`,
)
for (const suite of broken.suites)
  for (const law of suite.verdict.laws)
    if (law._tag === "Fails") console.log(`${law.law}: ${law.counterexample.message}`)
//> schedule.respectsCapacity: node host-1 overcommitted by default/api, default/batch: cpu 4500m > 4 (over by 500m)
console.log(`exit code: ${broken.exitCode}`)
//> exit code: 1

// 3. In CI, either run the command:
//
//      npx catcluster check --nodes cluster/nodes.yaml --workloads deploy/ --json
//
//    or, in a vitest suite of your own, turn each law into a test with `describeLaws`
//    (one `it` per law; a failing law fails its test with the printed counterexample):
//
//      import { describeLaws } from "catcluster/laws/vitest"
//      import { capacitySuite, fitSuite } from "catcluster/app/check"
//      import { clusterFromManifests } from "catcluster/domain/model"
//      import { loadManifests } from "catcluster/domain/manifest"
//
//      const manifests = loadManifests(["cluster/", "deploy/"])   // Either: errors or manifests
//      if (manifests._tag === "Left") throw new Error("cannot read the manifests")
//      const model = clusterFromManifests(manifests.right)
//      if (model._tag === "Left") throw new Error("cannot model the cluster")
//      describeLaws(fitSuite(model.right))
//      describeLaws(capacitySuite(model.right))
