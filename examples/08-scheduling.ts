/**
 * # 08 · Scheduling σ as kube-scheduler does it
 *
 * The seed writes scheduling as Sched(p, N) = argmin cost(p, n) subject to request ≤ available
 * for every resource (S11.1). Read categorically, the feasible nodes are a *pullback*: the nodes
 * n whose available vector lies above the pod's request vector in the resource order, i.e. the
 * fibre over "fits" of the map n ↦ (request(p) ≤ available(n)). kube-scheduler computes exactly
 * that fibre with its filters — and many more conditions the seed leaves out: catcluster runs
 * v1.35's whole default profile (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
 * NodePorts, NodeResourcesFit, the four volume filters, PodTopologySpread, InterPodAffinity; the
 * example prints the profile in full) — then takes the argmax of a weighted sum of integer plugin
 * scores, which is the seed's argmin for cost = best − total. Some conditions are *relational*:
 * whether a pod fits a node depends on the pods already there (anti-affinity, spreading), so the
 * fibre moves as the batch is placed; the last section shows it. The one-NUMA-cell condition for
 * dedicated CPUs (S11.3) is *not* part of kube-scheduler's default profile (kubelet's topology
 * manager refuses such a pod at admission instead); catcluster models it as its own filter,
 * `NumaFit`, on in `vmAwareProfile`, which this example uses.
 *
 * Here a small hybrid cluster is built in code, a few pods and VMI launcher pods are scheduled
 * with explanations, and, when the shared corpus is present, its real manifests too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import {
  describeProfile,
  hotScheduler,
  node,
  vmAwareProfile,
  nodesFromText,
  pod,
  readableScheduler,
  scheduleBatch,
  snapshot,
  workloadFromText,
  type Placement,
} from "catcluster/scheduler"

const Gi = 2 ** 30
const kvm = "devices.kubevirt.io/kvm"

// The base of the "fibre bundle": three nodes. Two container workers, one VM host with KVM, the
// vmx CPU feature and two NUMA cells of 4 CPUs each.
const cluster = snapshot(
  [
    node("worker-a", { cpu: 4000, memory: 8 * Gi, pods: 110 }),
    node("worker-b", { cpu: 4000, memory: 8 * Gi, pods: 110 }, { taints: [{ key: "spot", value: "true", effect: "PreferNoSchedule" }] }),
    node("vmhost", { cpu: 8000, memory: 32 * Gi, pods: 110, [kvm]: 1000 }, {
      labels: { "kubernetes.io/hostname": "vmhost", "cpu-feature.node.kubevirt.io/vmx": "true" },
      numaCells: [
        { cpus: 4, memoryBytes: 15 * Gi, hugepagesBytes: 0 },
        { cpus: 4, memoryBytes: 15 * Gi, hugepagesBytes: 0 },
      ],
    }),
  ],
  // worker-a already runs a 1 cpu / 2Gi pod
  [{ pod: pod("default/existing", { cpu: 1000, memory: 2 * Gi }), node: "worker-a" }],
)

const workload = [
  pod("default/web", { cpu: 500, memory: Gi }),
  // too big for any NUMA cell: 5 vCPUs, cells have 4
  pod("vms/big", { cpu: 5000, memory: 8 * Gi, [kvm]: 1 }, {
    requiresKvm: true,
    requiredFeatures: ["vmx"],
    numa: { vcpus: 5, memoryBytes: 8 * Gi, hugepages: false },
  }),
  // a dedicated-CPU VMI: 3 vCPUs and 4Gi must sit in one NUMA cell of a vmx host
  pod("vms/db", { cpu: 3000, memory: 4 * Gi + 300 * 2 ** 20, [kvm]: 1 }, {
    requiresKvm: true,
    requiredFeatures: ["vmx"],
    numa: { vcpus: 3, memoryBytes: 4 * Gi, hugepages: false },
  }),
]

// What runs, per extension point (KubeVirt's capability and NUMA filters come last).
console.log(describeProfile(vmAwareProfile))
//> QueueSort PrioritySort; PreEnqueue SchedulingGates; Filter NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone, PodTopologySpread, InterPodAffinity, VmCapabilities, NumaFit; Score TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit ×1, PodTopologySpread ×2, InterPodAffinity ×2, NodeResourcesBalancedAllocation ×1, ImageLocality ×1; PostFilter DynamicResources, DefaultPreemption

const show = (p: Placement): void => {
  console.log(`${p.pod} → ${p.node ?? "pending"}${p.node === null ? `: ${p.reasons.join(", ")}` : ""}`)
  for (const s of p.scores ?? []) {
    if (!s.feasible) console.log(`  ${s.node.padEnd(9)} infeasible: ${s.reasons.join("; ")}`)
    else console.log(`  ${s.node.padEnd(9)} ${JSON.stringify(s.plugins)} total ${s.total}`)
  }
}

// The readable σ (the oracle) with explanations: per node, feasibility with reasons, each
// plugin's own 0..100 score, the weighted total (TaintToleration 3, NodeAffinity 2, Fit 1,
// BalancedAllocation 1, ImageLocality 1; PodTopologySpread and InterPodAffinity skip these pods).
const sigma = readableScheduler(cluster, { seed: 1, profile: vmAwareProfile })
const placements = workload.map((p) => sigma.schedule(p, { explain: true }))
placements.forEach(show)
// By hand for worker-a (1 cpu / 2Gi used, + 500m / 1Gi): LeastAllocated cpu (4000 − 1500)·100 div
// 4000 = 62, memory (8 − 3)·100 div 8 = 62 → 62; balanced fractions 0.375 and 0.375 → 100;
// no PreferNoSchedule taint → 100 × 3. worker-b's spot taint sends its TaintToleration to 0.
//> default/web → vmhost
//> worker-a  {"TaintToleration":100,"NodeResourcesFit":62,"NodeResourcesBalancedAllocation":100,"ImageLocality":0} total 462
//> worker-b  {"TaintToleration":0,"NodeResourcesFit":87,"NodeResourcesBalancedAllocation":100,"ImageLocality":0} total 187
//> vmhost    {"TaintToleration":100,"NodeResourcesFit":94,"NodeResourcesBalancedAllocation":98,"ImageLocality":0} total 492
//> vms/big → pending: 0/3 nodes are available, 1 Insufficient memory, 1 node(s) had no NUMA cell with enough free dedicated CPUs and memory, 2 Insufficient cpu, 2 Insufficient devices.kubevirt.io/kvm
//> vms/db → vmhost
//> worker-a  infeasible: Insufficient devices.kubevirt.io/kvm
//> vmhost    {"TaintToleration":100,"NodeResourcesFit":69,"NodeResourcesBalancedAllocation":86,"ImageLocality":0} total 455

// The hot path (typed arrays) gives the same answer, node for node and score for score.
const hot = hotScheduler(cluster, { seed: 1, profile: vmAwareProfile })
const same = workload.every((p, i) => JSON.stringify(hot.schedule(p, { explain: true })) === JSON.stringify(placements[i]))
console.log(`hot path agrees with the readable σ: ${same}`)
//> hot path agrees with the readable σ: true

// A relational filter: four VMs of one HA group, each with a required anti-affinity to its own
// group on kubernetes.io/hostname (how KubeVirt users spread replicas). Every placement shrinks
// the next pod's fibre by one host; with three hosts the fourth has none, and kube-scheduler says
// so: the PostFilter plugins each add their word (DynamicResources has no claim to free, and
// preemption cannot help, since the group's members have the incoming VM's own priority).
const hosts = snapshot(
  ["kvm-1", "kvm-2", "kvm-3"].map((name) =>
    node(name, { cpu: 16000, memory: 64 * Gi, pods: 110, [kvm]: 1000 }, { labels: { "kubernetes.io/hostname": name } }),
  ),
)
const member = (i: number) =>
  pod(`vms/ha-${i}`, { cpu: 1000, memory: 4 * Gi, [kvm]: 1 }, {
    labels: { "vm.kubevirt.io/ha-group": "db" },
    podAntiAffinity: {
      required: [{ labelSelector: { matchLabels: { "vm.kubevirt.io/ha-group": "db" } }, namespaces: [], topologyKey: "kubernetes.io/hostname" }],
      preferred: [],
    },
  })
for (const p of scheduleBatch(hosts, [1, 2, 3, 4].map(member))) console.log(`${p.pod} → ${p.node ?? `pending: ${p.message}`}`)
//> vms/ha-3 → kvm-3
//> vms/ha-4 → pending: 0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.

// The real manifests of the shared corpus, on a cluster read from a NodeList.
const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus")
const nodesFile = join(import.meta.dirname, "..", "test", "scheduler", "fixtures", "nodes.yaml")
if (existsSync(corpus)) {
  const nodes = nodesFromText(readFileSync(nodesFile, "utf8"), nodesFile)
  for (const dir of ["k8s", "kubevirt"]) {
    for (const f of readdirSync(join(corpus, dir)).filter((x) => x.endsWith(".yaml"))) {
      const file = join(corpus, dir, f)
      const w = workloadFromText(readFileSync(file, "utf8"), file)
      for (const p of scheduleBatch({ nodes, bound: w.bound }, w.pending)) console.log(`corpus ${dir}/${f}: ${p.pod} → ${p.node ?? "pending"}`)
      for (const s of w.skipped) console.log(`corpus ${dir}/${f}: ${s.key} skipped (${s.reason})`)
    }
  }
} else console.log("(../shared/corpus is absent in this checkout: corpus manifests not scheduled)")
