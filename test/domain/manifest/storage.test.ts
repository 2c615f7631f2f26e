/**
 * The storage codecs: PersistentVolume, PersistentVolumeClaim (with its status), StorageClass,
 * CSINode, and the typed pod volume sources — what decodes, what unknown fields are listed, and
 * errors naming file, line, document and JSON path.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, ofKind, showManifestError } from "../../../src/domain/manifest/index.ts"
import type { Manifest, ManifestError } from "../../../src/domain/manifest/index.ts"
import { value } from "../../../src/domain/quantity/index.ts"

const right = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "storage.yaml")
  if (E.isLeft(r)) throw new Error(r.left.map(showManifestError).join("\n"))
  return r.right
}
const errors = (text: string): ReadonlyArray<string> => {
  const r = decodeManifests(text, "storage.yaml")
  if (E.isRight(r)) throw new Error(`expected errors, decoded ${r.right.length} manifests`)
  return r.left.map((e: ManifestError) => showManifestError(e))
}

const pv = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-b
  labels: {topology.kubernetes.io/zone: z2}
spec:
  capacity: {storage: 100Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: local
  persistentVolumeReclaimPolicy: Retain
  claimRef: {namespace: default, name: data-0, uid: "1234"}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [b]}
  local: {path: /mnt/disks/ssd1}
status: {phase: Bound}
`

const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data-0
  namespace: default
  deletionTimestamp: "2026-01-01T00:00:00Z"
spec:
  accessModes: [ReadWriteOncePod]
  storageClassName: local
  resources: {requests: {storage: 10Gi}}
status:
  phase: Bound
  capacity: {storage: 100Gi}
`

const storageClass = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: zonal
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: pd.csi.storage.gke.io
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
parameters: {type: pd-balanced}
allowedTopologies:
- matchLabelExpressions:
  - {key: topology.kubernetes.io/zone, values: [z1, z2]}
`

const csiNode = `apiVersion: storage.k8s.io/v1
kind: CSINode
metadata: {name: b}
spec:
  drivers:
  - name: pd.csi.storage.gke.io
    nodeID: projects/p/zones/z2/instances/b
    topologyKeys: [topology.kubernetes.io/zone]
    allocatable: {count: 15}
`

describe("storage kinds decode", () => {
  it("PersistentVolume: capacity, modes, class, claimRef, node affinity, source, phase", () => {
    const [m] = ofKind("PersistentVolume")(right(pv))
    expect(value(m!.spec!.capacity!["storage"]!)).toBe(100n * 2n ** 30n)
    expect(m!.spec!.claimRef).toEqual({ namespace: "default", name: "data-0", uid: "1234" })
    expect(m!.spec!.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]).toEqual({ key: "kubernetes.io/hostname", operator: "In", values: ["b"] })
    expect(m!.status?.phase).toBe("Bound")
    expect(m!.unknownFields).toEqual([])
  })
  it("PersistentVolumeClaim: status phase and deletionTimestamp", () => {
    const [m] = ofKind("PersistentVolumeClaim")(right(pvc))
    expect(m!.status?.phase).toBe("Bound")
    expect(m!.metadata?.deletionTimestamp).toBe("2026-01-01T00:00:00Z")
    expect(m!.spec.accessModes).toEqual(["ReadWriteOncePod"])
  })
  it("StorageClass: provisioner, binding mode, allowed topologies, the default annotation", () => {
    const [m] = ofKind("StorageClass")(right(storageClass))
    expect(m!.provisioner).toBe("pd.csi.storage.gke.io")
    expect(m!.volumeBindingMode).toBe("WaitForFirstConsumer")
    expect(m!.allowedTopologies?.[0]?.matchLabelExpressions?.[0]?.values).toEqual(["z1", "z2"])
    expect(m!.unknownFields).toEqual([])
  })
  it("CSINode: drivers with allocatable count and topology keys", () => {
    const [m] = ofKind("CSINode")(right(csiNode))
    expect(m!.spec.drivers[0]).toMatchObject({ name: "pd.csi.storage.gke.io", allocatable: { count: 15 }, topologyKeys: ["topology.kubernetes.io/zone"] })
  })
  it("all four in one List, and typos are listed as unknown fields", () => {
    const ms = right(`apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: PersistentVolume, metadata: {name: a}, spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], csi: {driver: d, volumeHandle: h}, nodeAfinity: {}}}
- {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: s}, provisioner: p, volumeBindinMode: Immediate}
`)
    expect(ms.map((m) => [m.kind, m.unknownFields])).toEqual([
      ["PersistentVolume", ["spec.nodeAfinity"]],
      ["StorageClass", ["volumeBindinMode"]],
    ])
  })
})

describe("storage kinds: errors name file, line, document and path", () => {
  it("a bad access mode, a bad phase, a bad quantity", () => {
    expect(errors(pv.replace("accessModes: [ReadWriteOnce]", "accessModes: [ReadWriteSometimes]"))).toEqual([
      'storage.yaml:8:17: document 0, spec.accessModes[0]: expected one of "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod", got "ReadWriteSometimes"',
    ])
    expect(errors(pvc.replace("phase: Bound", "phase: Done"))).toEqual([
      'storage.yaml:12:10: document 0, status.phase: expected one of "Pending", "Bound", "Lost", got "Done"',
    ])
    expect(errors(pv.replace("storage: 100Gi", "storage: 100GB"))).toEqual([
      'storage.yaml:7:23: document 0, spec.capacity.storage: expected a quantity, got "100GB": unexpected character "B" at position 4',
    ])
  })
  it("a StorageClass without provisioner, an unknown binding mode", () => {
    expect(errors(storageClass.replace("provisioner: pd.csi.storage.gke.io\n", ""))).toEqual([
      "storage.yaml:1:1: document 0, provisioner: required field missing (expected string)",
    ])
    expect(errors(storageClass.replace("WaitForFirstConsumer", "Lazy"))).toEqual([
      'storage.yaml:7:20: document 0, volumeBindingMode: expected one of "Immediate", "WaitForFirstConsumer", got "Lazy"',
    ])
  })
  it("a CSINode count that is not an integer, a driver without nodeID", () => {
    expect(errors(csiNode.replace("count: 15", "count: 1.5"))).toEqual(["storage.yaml:9:26: document 0, spec.drivers[0].allocatable.count: expected an integer, got 1.5"])
    expect(errors(csiNode.replace("    nodeID: projects/p/zones/z2/instances/b\n", ""))).toEqual([
      "storage.yaml:6:5: document 0, spec.drivers[0].nodeID: required field missing (expected string)",
    ])
  })
})

describe("pod volumes are typed", () => {
  const podWith = (volumes: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: nginx}]
  volumes:
${volumes}`
  it("claims, in-tree disks, CSI and opaque sources decode", () => {
    const [m] = ofKind("Pod")(
      right(
        podWith(`  - {name: data, persistentVolumeClaim: {claimName: data-0, readOnly: true}}
  - {name: pd, gcePersistentDisk: {pdName: disk-1}}
  - {name: ceph, rbd: {monitors: [m1, m2], image: img}}
  - {name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}}
  - {name: inline, csi: {driver: secrets.csi.k8s.io, volumeAttributes: {a: b}}}
  - {name: cfg, configMap: {name: settings}}
`),
      ),
    )
    expect(m!.spec.volumes?.map((v) => v.name)).toEqual(["data", "pd", "ceph", "scratch", "inline", "cfg"])
    expect(m!.spec.volumes?.[0]?.persistentVolumeClaim).toEqual({ claimName: "data-0", readOnly: true })
    expect(m!.unknownFields).toEqual([])
  })
  it("a claim without a name, monitors that are not a list, a volume without a name", () => {
    expect(errors(podWith("  - {name: data, persistentVolumeClaim: {readOnly: true}}\n"))).toEqual([
      "storage.yaml:7:41: document 0, spec.volumes[0].persistentVolumeClaim.claimName: required field missing (expected string)",
    ])
    expect(errors(podWith("  - {name: ceph, rbd: {monitors: m1, image: img}}\n"))).toEqual([
      'storage.yaml:7:34: document 0, spec.volumes[0].rbd.monitors: expected Array<string>, got "m1"',
    ])
    expect(errors(podWith("  - {emptyDir: {}}\n"))).toEqual(["storage.yaml:7:5: document 0, spec.volumes[0].name: required field missing (expected string)"])
  })
})
