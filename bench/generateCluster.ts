/**
 * A large hybrid cluster for `run-500`, generated deterministically from a seed: nodes spread
 * over zones (KVM hosts, container-only nodes, tainted GPU hosts), and workloads of every kind
 * the main job reads (Deployments, StatefulSets, Pods, VirtualMachines, VMIs, VMI replica sets,
 * VM pools), with HPAs on some Deployments and VM pools, Services, ResourceQuotas, priority
 * classes, a KubeVirt CR (cluster-wide LiveMigrate) and a MigrationPolicy.
 *
 *   npx tsx bench/generateCluster.ts [--nodes 500] [--workloads 5000] [--seed 20261127] [--out DIR]
 *
 * writes DIR/nodes.yaml and DIR/workloads.yaml (default DIR: out/cluster-500), ready for
 * `catcluster run --nodes DIR/nodes.yaml --workloads DIR/workloads.yaml`.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { stringify } from "yaml"
import { makeRng, type Rng } from "../src/dynamics/random/index.ts"

/** The size and seed of a generated cluster. */
export interface ClusterShape {
  readonly nodes: number
  /** Workload objects (each Deployment, Pod, VM, … counts once, whatever its replicas). */
  readonly workloads: number
  readonly seed: number
}

/** The generated manifests as model files, and what is in them. */
export interface GeneratedCluster {
  readonly files: ReadonlyArray<{ readonly file: string; readonly text: string }>
  readonly counts: Readonly<Record<string, number>>
}

const ZONES = ["zone-a", "zone-b", "zone-c"]
const NAMESPACES = Array.from({ length: 20 }, (_, i) => `team-${String(i).padStart(2, "0")}`)
const PRIORITIES = [
  { name: "platform", value: 100000 },
  { name: "production", value: 10000 },
  { name: "batch", value: 100, globalDefault: true },
]

const pick = <A>(rng: Rng, xs: ReadonlyArray<A>): A => xs[rng.nextInt(xs.length)]!

const node = (rng: Rng, i: number): unknown => {
  const zone = ZONES[i % ZONES.length]!
  const roll = rng.next()
  const kind = roll < 0.6 ? "kvm" : roll < 0.9 ? "ct" : "gpu"
  const name = `${kind}-${String(i).padStart(4, "0")}`
  const cores = pick(rng, kind === "ct" ? [16, 32, 48] : [48, 64, 96])
  const memoryGi = cores * pick(rng, [4, 8])
  const kvm = kind !== "ct"
  const devices = kvm ? { "devices.kubevirt.io/kvm": "1k", "devices.kubevirt.io/tun": "1k", "devices.kubevirt.io/vhost-net": "1k" } : {}
  const gpu = kind === "gpu" ? { "nvidia.com/gpu": "4" } : {}
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "kubernetes.io/hostname": name,
        "topology.kubernetes.io/zone": zone,
        ...(kvm ? { "kubevirt.io/schedulable": "true", "cpu-feature.node.kubevirt.io/vmx": "true" } : {}),
        ...(kvm && rng.next() < 0.7 ? { "cpu-feature.node.kubevirt.io/avx2": "true" } : {}),
      },
    },
    spec: kind === "gpu" ? { taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NoSchedule" }] } : {},
    status: {
      capacity: { cpu: String(cores), memory: `${memoryGi}Gi`, pods: "250", "ephemeral-storage": "1Ti", ...devices, ...gpu },
      allocatable: { cpu: `${cores * 1000 - 500}m`, memory: `${memoryGi - 4}Gi`, pods: "250", "ephemeral-storage": "900Gi", ...devices, ...gpu },
    },
  }
}

const containerResources = (rng: Rng): unknown => {
  const cpu = pick(rng, [100, 250, 500, 1000, 2000])
  const memory = pick(rng, [128, 256, 512, 1024, 2048, 4096])
  return rng.next() < 0.1
    ? {} // best-effort
    : { requests: { cpu: `${cpu}m`, memory: `${memory}Mi` }, limits: { cpu: `${cpu * 2}m`, memory: `${memory}Mi` } }
}

const podSpec = (rng: Rng, app: string): Record<string, unknown> => ({
  priorityClassName: pick(rng, PRIORITIES).name,
  containers: [{ name: app, image: `registry.example/${app}:1`, resources: containerResources(rng) }],
  ...(rng.next() < 0.2 ? { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app } } }] } : {}),
})

const vmiSpec = (rng: Rng, liveMigrate: "own" | "cluster" | "none"): Record<string, unknown> => {
  const cores = pick(rng, [1, 2, 4, 8])
  const memoryGi = cores * pick(rng, [1, 2, 4])
  const gpu = rng.next() < 0.03
  return {
    priorityClassName: pick(rng, PRIORITIES).name,
    ...(liveMigrate === "own" ? { evictionStrategy: "LiveMigrate" } : liveMigrate === "none" ? { evictionStrategy: "None" } : {}),
    ...(gpu ? { tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }] } : {}),
    domain: {
      cpu: { cores, sockets: 1, threads: 1 },
      memory: { guest: `${memoryGi}Gi` },
      devices: {
        disks: [{ name: "root", disk: { bus: "virtio" } }],
        ...(gpu ? { gpus: [{ name: "gpu1", deviceName: "nvidia.com/gpu" }] } : {}),
      },
      resources: { requests: { memory: `${memoryGi}Gi` } },
    },
    volumes: [{ name: "root", containerDisk: { image: "quay.io/containerdisks/fedora:41" } }],
  }
}

const strategy = (rng: Rng): "own" | "cluster" | "none" => {
  const r = rng.next()
  return r < 0.4 ? "own" : r < 0.9 ? "cluster" : "none"
}

/**
 * Generates the cluster: `nodes` nodes and `workloads` workload objects, the same for the same
 * shape (seeded).
 */
export const generateCluster = (shape: ClusterShape): GeneratedCluster => {
  const rng = makeRng(shape.seed)
  const counts: Record<string, number> = {}
  const count = (kind: string, n = 1) => (counts[kind] = (counts[kind] ?? 0) + n)
  const nodes = Array.from({ length: shape.nodes }, (_, i) => node(rng, i))
  count("Node", shape.nodes)

  const items: unknown[] = []
  const add = (o: { kind: string }) => {
    items.push(o)
    count(o.kind)
  }
  for (const p of PRIORITIES) add({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: p.name }, value: p.value, ...(p.globalDefault === true ? { globalDefault: true } : {}) } as never)
  add({
    apiVersion: "kubevirt.io/v1",
    kind: "KubeVirt",
    metadata: { name: "kubevirt", namespace: "kubevirt" },
    spec: { configuration: { evictionStrategy: "LiveMigrate", migrations: { completionTimeoutPerGiB: 150, progressTimeout: 150 } } },
  } as never)
  add({
    apiVersion: "migrations.kubevirt.io/v1alpha1",
    kind: "MigrationPolicy",
    metadata: { name: "big-vms" },
    spec: { allowAutoConverge: true, bandwidthPerMigration: "2Gi", selectors: { virtualMachineInstanceSelector: { "workload-size": "big" } } },
  } as never)
  for (const ns of NAMESPACES) {
    if (rng.next() < 0.5) {
      add({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "quota", namespace: ns }, spec: { hard: { "requests.cpu": String(200 + rng.nextInt(400)), "requests.memory": `${400 + rng.nextInt(800)}Gi`, pods: "1000" } } } as never)
    }
  }

  for (let i = 0; i < shape.workloads; i++) {
    const namespace = pick(rng, NAMESPACES)
    const roll = rng.next()
    const id = String(i).padStart(5, "0")
    if (roll < 0.4) {
      const app = `web-${id}`
      const replicas = 1 + rng.nextInt(5)
      add({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: app, namespace, labels: { app } }, spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: podSpec(rng, app) } } } as never)
      if (rng.next() < 0.12) {
        const min = Math.max(1, replicas - 1)
        add({
          apiVersion: "autoscaling/v2",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: app, namespace },
          spec: {
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: app },
            minReplicas: min,
            maxReplicas: min + pick(rng, [4, 9, 19]),
            metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: pick(rng, [50, 60, 70, 80]) } } }],
            ...(rng.next() < 0.5 ? { behavior: { scaleDown: { stabilizationWindowSeconds: pick(rng, [60, 300, 600]) } } } : {}),
          },
        } as never)
      }
      if (rng.next() < 0.1) add({ apiVersion: "v1", kind: "Service", metadata: { name: app, namespace }, spec: { selector: { app }, ports: [{ port: 80, targetPort: 8080 }] } } as never)
    } else if (roll < 0.45) {
      const app = `db-${id}`
      add({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: app, namespace }, spec: { replicas: 3, serviceName: app, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: podSpec(rng, app) } } } as never)
    } else if (roll < 0.7) {
      const app = `job-${id}`
      add({ apiVersion: "v1", kind: "Pod", metadata: { name: app, namespace, labels: { app } }, spec: podSpec(rng, app) } as never)
    } else if (roll < 0.85) {
      const name = `vm-${id}`
      const spec = vmiSpec(rng, strategy(rng))
      const big = rng.next() < 0.2
      add({
        apiVersion: "kubevirt.io/v1",
        kind: "VirtualMachine",
        metadata: { name, namespace },
        spec: { runStrategy: rng.next() < 0.9 ? "Always" : "Halted", template: { metadata: { labels: { "kubevirt.io/vm": name, ...(big ? { "workload-size": "big" } : {}) } }, spec } },
      } as never)
    } else if (roll < 0.97) {
      const name = `vmi-${id}`
      add({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", metadata: { name, namespace, labels: { app: name } }, spec: vmiSpec(rng, strategy(rng)) } as never)
    } else {
      const name = `pool-${id}`
      const replicas = 2 + rng.nextInt(4)
      const pool = rng.next() < 0.5
      const labels = { pool: name }
      const template = { metadata: { labels }, spec: vmiSpec(rng, "cluster") }
      add(
        (pool
          ? {
              apiVersion: "pool.kubevirt.io/v1alpha1",
              kind: "VirtualMachinePool",
              metadata: { name, namespace },
              spec: { replicas, selector: { matchLabels: labels }, virtualMachineTemplate: { metadata: { labels }, spec: { runStrategy: "Always", template } } },
            }
          : { apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstanceReplicaSet", metadata: { name, namespace }, spec: { replicas, selector: { matchLabels: labels }, template } }) as never,
      )
      add({
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: { name, namespace },
        spec: {
          scaleTargetRef: pool ? { apiVersion: "pool.kubevirt.io/v1alpha1", kind: "VirtualMachinePool", name } : { apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstanceReplicaSet", name },
          minReplicas: replicas,
          maxReplicas: replicas + 6,
          metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
          behavior: { scaleUp: { stabilizationWindowSeconds: 60, policies: [{ type: "Pods", value: 2, periodSeconds: 60 }] } },
        },
      } as never)
    }
  }
  const list = (xs: ReadonlyArray<unknown>) => stringify({ apiVersion: "v1", kind: "List", items: xs }, { lineWidth: 0 })
  return {
    files: [
      { file: `generated/nodes-${shape.nodes}.yaml`, text: list(nodes) },
      { file: `generated/workloads-${shape.workloads}.yaml`, text: list(items) },
    ],
    counts,
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  const { values } = parseArgs({
    options: {
      nodes: { type: "string", default: "500" },
      workloads: { type: "string", default: "5000" },
      seed: { type: "string", default: "20261127" },
      out: { type: "string", default: "out/cluster-500" },
    },
  })
  const shape = { nodes: Number(values.nodes), workloads: Number(values.workloads), seed: Number(values.seed) }
  for (const [k, v] of Object.entries(shape)) {
    if (!Number.isSafeInteger(v) || v < 0) {
      console.error(`generateCluster: --${k} must be a whole number, got ${String(values[k as keyof typeof values])}`)
      process.exit(2)
    }
  }
  const generated = generateCluster(shape)
  mkdirSync(values.out, { recursive: true })
  const [nodes, workloads] = generated.files as unknown as [{ text: string }, { text: string }]
  writeFileSync(join(values.out, "nodes.yaml"), nodes.text)
  writeFileSync(join(values.out, "workloads.yaml"), workloads.text)
  console.log(`wrote ${values.out}/nodes.yaml and ${values.out}/workloads.yaml (seed ${shape.seed}): ${Object.entries(generated.counts).map(([k, n]) => `${n} ${k}`).join(", ")}`)
}
