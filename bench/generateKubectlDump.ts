/**
 * A large cluster as `kubectl get … -o json` prints it, generated deterministically and written
 * straight to disk (a million pods do not fit in one JavaScript string): `nodes.json` (a `List`
 * of Nodes spread over 10 zones, with images) and `pods.json` (a `List` of pending Pods, each
 * its own object as kubectl lists it, the pods of `replicaSets` ReplicaSets in 20 namespaces,
 * with the fields the API server fills in: uid, owner reference, default tolerations, the
 * projected service-account volume, status).
 *
 *   npx tsx bench/generateKubectlDump.ts [--nodes 10000] [--pods 1000000] [--replica-sets 1000] [--out DIR]
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"

/** The size of a generated dump. */
export interface DumpShape {
  readonly nodes: number
  readonly pods: number
  readonly replicaSets: number
}

/** The two files written and their sizes in bytes. */
export interface GeneratedDump {
  readonly nodesFile: string
  readonly podsFile: string
  readonly bytes: number
}

const ZONES = Array.from({ length: 10 }, (_, i) => `zone-${String.fromCharCode(97 + i)}`)
const CPU = ["100m", "200m", "250m", "500m"]
const MEMORY = ["128Mi", "256Mi", "512Mi", "1Gi"]

const hex = (n: number, width: number): string => (n >>> 0).toString(16).padStart(width, "0").slice(-width)
const uid = (kind: number, i: number): string => `${hex(kind, 8)}-${hex(i >>> 16, 4)}-4${hex(i, 3)}-8${hex(i * 7, 3)}-${hex(i * 2654435761, 12)}`

const node = (i: number): unknown => {
  const name = `node-${String(i).padStart(5, "0")}`
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      uid: uid(1, i),
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": "m6i.8xlarge",
        "topology.kubernetes.io/region": "eu-west-1",
        "topology.kubernetes.io/zone": ZONES[i % ZONES.length],
      },
    },
    spec: { podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24`, providerID: `aws:///eu-west-1/i-${hex(i, 8)}` },
    status: {
      allocatable: { cpu: "31850m", "ephemeral-storage": "95551679124", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "126713620Ki", pods: "110" },
      capacity: { cpu: "32", "ephemeral-storage": "103680016Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "130892564Ki", pods: "110" },
      conditions: [{ type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
      images: [
        { names: [`registry.example.com/app-${i % 50}@sha256:${hex(i, 8)}`, `registry.example.com/app-${i % 50}:1.0`], sizeBytes: 250_000_000 },
        { names: ["registry.k8s.io/pause:3.10"], sizeBytes: 320_000 },
      ],
      nodeInfo: { architecture: "amd64", containerRuntimeVersion: "containerd://2.0.0", kubeletVersion: "v1.35.0", operatingSystem: "linux" },
    },
  }
}

const pod = (i: number, shape: DumpShape): unknown => {
  const rs = i % shape.replicaSets
  const namespace = `team-${String(rs % 20).padStart(2, "0")}`
  const app = `app-${String(rs).padStart(4, "0")}`
  const hash = hex(rs * 40503 + 12345, 9).replace(/^[0-9]/, "c")
  const rsName = `${app}-${hash}`
  const name = `${rsName}-${hex(i * 2246822519, 5)}${hex(i, 5)}`
  const volume = `kube-api-access-${hex(i * 31, 5)}`
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      creationTimestamp: `2026-12-01T${String(10 + (i % 10)).padStart(2, "0")}:00:00Z`,
      generateName: `${rsName}-`,
      labels: { app, "pod-template-hash": hash },
      name,
      namespace,
      ownerReferences: [{ apiVersion: "apps/v1", blockOwnerDeletion: true, controller: true, kind: "ReplicaSet", name: rsName, uid: uid(2, rs) }],
      resourceVersion: String(1000000 + i),
      uid: uid(3, i),
    },
    spec: {
      containers: [
        {
          image: `registry.example.com/app-${rs % 50}:1.0`,
          imagePullPolicy: "IfNotPresent",
          name: "app",
          ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
          resources: {
            limits: { cpu: CPU[(rs >> 2) % 4], memory: MEMORY[rs % 4] },
            requests: { cpu: CPU[(rs >> 2) % 4], memory: MEMORY[rs % 4] },
          },
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
          volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: volume, readOnly: true }],
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      serviceAccount: "default",
      serviceAccountName: "default",
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: volume,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
              { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
            ],
          },
        },
      ],
    },
    status: { phase: "Pending", qosClass: "Guaranteed" },
  }
}

/** Writes `{"apiVersion":"v1","items":[…],"kind":"List",…}` item by item, as kubectl orders the keys. */
const writeList = (path: string, count: number, item: (i: number) => unknown, progress?: (done: number) => void): number => {
  const fd = openSync(path, "w")
  let bytes = 0
  let chunk = '{\n    "apiVersion": "v1",\n    "items": [\n'
  for (let i = 0; i < count; i++) {
    chunk += (i === 0 ? "" : ",\n") + JSON.stringify(item(i))
    if (chunk.length > 1 << 20) {
      bytes += writeSync(fd, chunk)
      chunk = ""
      progress?.(i + 1)
    }
  }
  chunk += '\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n'
  bytes += writeSync(fd, chunk)
  closeSync(fd)
  return bytes
}

/** Writes the dump into `dir`. */
export const generateKubectlDump = (dir: string, shape: DumpShape, progress?: (message: string) => void): GeneratedDump => {
  mkdirSync(dir, { recursive: true })
  const nodesFile = join(dir, "nodes.json")
  const podsFile = join(dir, "pods.json")
  let bytes = writeList(nodesFile, shape.nodes, node)
  bytes += writeList(podsFile, shape.pods, (i) => pod(i, shape), (done) => progress?.(`writing pods.json: ${done} of ${shape.pods} pods`))
  return { nodesFile, podsFile, bytes }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      nodes: { type: "string", default: "10000" },
      pods: { type: "string", default: "1000000" },
      "replica-sets": { type: "string", default: "1000" },
      out: { type: "string", default: "out/kubectl-1m" },
    },
  })
  const shape = { nodes: Number(values.nodes), pods: Number(values.pods), replicaSets: Number(values["replica-sets"]) }
  const dump = generateKubectlDump(values.out, shape, (m) => process.stderr.write(`\r${m}`))
  process.stderr.write(`\n${dump.nodesFile}, ${dump.podsFile}: ${(dump.bytes / 1e6).toFixed(1)} MB\n`)
}
