/**
 * `drain-500`: the operator questions on a generated 500-node cluster (5 zones) with 5,000
 * workloads (4,000 ReplicaSet pods, 1,000 VMIs, half of them LiveMigrate), all bound, read through
 * the same path as the CLI (`modelFromFiles`, the inventory). Reports seconds per node drain
 * (each drain schedules the evicted units on a fresh snapshot of the whole cluster), the N−1 pass
 * over the 25 busiest nodes the report makes, the 5 zone drains, and one capacity question.
 * `--quick`: 100 nodes, 1,000 workloads.
 */
import { baseline, busiestNodes, capacity, drain, inventory, resilience } from "../src/operations/index.ts"
import { decodeManifests } from "../src/domain/manifest/index.ts"
import { modelFromFiles } from "../src/scheduler/index.ts"
import { timed, type Benchmark } from "./Benchmark.ts"

/** A deterministic cluster dump (kubectl get -o json shape). */
const clusterJson = (nodes: number, workloads: number): string => {
  const items: unknown[] = []
  for (let i = 0; i < nodes; i++) {
    items.push({
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: `node-${i}`, labels: { "kubernetes.io/hostname": `node-${i}`, "topology.kubernetes.io/zone": `zone-${i % 5}`, "kubevirt.io/schedulable": "true" } },
      status: { allocatable: { cpu: "32", memory: "128Gi", pods: "110", "ephemeral-storage": "500Gi", "devices.kubevirt.io/kvm": "1k", "devices.kubevirt.io/tun": "1k", "devices.kubevirt.io/vhost-net": "1k" } },
    })
  }
  let seed = 7
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648)
  for (let j = 0; j < workloads; j++) {
    const node = `node-${j % nodes}`
    if (j % 5 === 4) {
      items.push({
        apiVersion: "kubevirt.io/v1",
        kind: "VirtualMachineInstance",
        metadata: { name: `vm-${j}`, namespace: `ns-${j % 20}` },
        spec: { ...(j % 2 === 1 ? { evictionStrategy: "LiveMigrate" } : {}), domain: { cpu: { cores: 1 + (j % 4) }, resources: { requests: { memory: `${1 + (j % 8)}Gi` } }, devices: {} } },
        status: { phase: "Running", nodeName: node },
      })
    } else {
      items.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `app-${j}`, namespace: `ns-${j % 20}`, labels: { app: `app-${j % 50}` }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `rs-${j % 50}`, uid: `u${j % 50}`, controller: true }] },
        spec: { nodeName: node, containers: [{ name: "c", image: "x", resources: { requests: { cpu: `${100 + Math.floor(next() * 20) * 100}m`, memory: `${256 * (1 + Math.floor(next() * 16))}Mi` } } }] },
      })
    }
  }
  return JSON.stringify({ apiVersion: "v1", kind: "List", items })
}

export const drain500: Benchmark = {
  name: "drain-500",
  description: "operator questions on 500 nodes / 5,000 workloads: seconds per node drain, N−1 over the 25 busiest, zones, capacity",
  run: ({ quick, progress }) => {
    const [nodes, workloads] = quick ? [100, 1000] : [500, 5000]
    progress(`generating ${nodes} nodes, ${workloads} workloads`)
    const file = { file: "generated.json", text: clusterJson(nodes, workloads) }
    const read = timed(() => {
      const decoded = decodeManifests(file.text, file.file)
      if (decoded._tag === "Left") throw new Error("the generated cluster does not decode")
      const model = modelFromFiles([file])
      return inventory(model.nodes, model.workload, decoded.right)
    })
    const inv = read.result
    const base = timed(() => baseline(inv))
    const state = base.result
    progress("N−1 over the 25 busiest nodes")
    const busiest = busiestNodes(inv, state, 25)
    const nodePass = timed(() => resilience(inv, state, { only: busiest, zones: false }))
    progress("zones")
    const zonePass = timed(() => resilience(inv, state, { only: [] }))
    const one = timed(() => drain(inv, state, [busiest[0]!]))
    const template = [...inv.units.values()].find((u) => u.kind === "VirtualMachineInstance")!
    const cap = timed(() => capacity(inv, state, template.pod, { max: 200 }))
    const perDrain = nodePass.seconds / busiest.length
    return {
      name: quick ? "drain-100" : "drain-500",
      unit: "s/drain",
      value: Math.round(perDrain * 1000) / 1000,
      nodes,
      workloads,
      readSeconds: read.seconds,
      baselineSeconds: base.seconds,
      oneDrainSeconds: one.seconds,
      nodePassSeconds: nodePass.seconds,
      zonePassSeconds: zonePass.seconds,
      capacitySeconds: cap.seconds,
      capacityFits: cap.result.fits,
      pendingAfterWorstZone: Math.max(0, ...zonePass.result.zones.map((z) => z.pending.length)),
    }
  },
}
