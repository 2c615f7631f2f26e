/**
 * From manifests to the volume model: `storageObjectsOf` (what the API server and controllers
 * would have defaulted, what they would have refused) and `podVolumesOf`.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, type Manifest } from "../../src/domain/manifest/index.ts"
import { nodesFileFromText, nodesFromText, podVolumesOf, SchedulerInputError, storageObjectsOf, workloadFromText } from "../../src/scheduler/index.ts"

const decode = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "storage.yaml")
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const objects = (text: string) => storageObjectsOf(decode(text))
const Gi = 2 ** 30

describe("storageObjectsOf", () => {
  it("maps the four kinds, with the API's defaults", () => {
    const s = objects(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: PersistentVolume
  metadata: {name: ebs-1, annotations: {volume.beta.kubernetes.io/storage-class: gp2}, labels: {topology.kubernetes.io/zone: z1}}
  spec: {capacity: {storage: 20Gi}, accessModes: [ReadWriteOnce], storageClassName: ignored, awsElasticBlockStore: {volumeID: vol-1}}
- apiVersion: v1
  kind: PersistentVolume
  metadata: {name: csi-1, deletionTimestamp: "2026-01-01T00:00:00Z"}
  spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteMany], volumeMode: Block, claimRef: {namespace: ns, name: c, uid: u1}, csi: {driver: d.example.com, volumeHandle: h1}}
  status: {phase: Released}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data
    namespace: ns
    uid: u2
    annotations: {pv.kubernetes.io/bind-completed: "yes", volume.kubernetes.io/selected-node: node-a}
  spec: {accessModes: [ReadWriteOnce], volumeName: ebs-1, resources: {requests: {storage: 500Mi}}, selector: {matchLabels: {tier: fast}}}
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: pod-a-scratch
    ownerReferences: [{apiVersion: v1, kind: Pod, name: pod-a, uid: x, controller: true}]
  spec: {accessModes: [ReadWriteOncePod], storageClassName: "", resources: {requests: {storage: 1Gi}}}
- apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata: {name: gp2, creationTimestamp: "2025-01-01T00:00:00Z", annotations: {storageclass.beta.kubernetes.io/is-default-class: "true"}}
  provisioner: kubernetes.io/aws-ebs
- apiVersion: storage.k8s.io/v1
  kind: CSINode
  metadata: {name: node-a, annotations: {storage.alpha.kubernetes.io/migrated-plugins: "kubernetes.io/aws-ebs, kubernetes.io/gce-pd"}}
  spec: {drivers: [{name: ebs.csi.aws.com, nodeID: i-1, allocatable: {count: 25}, topologyKeys: [topology.ebs.csi.aws.com/zone]}, {name: other, nodeID: x}]}
`)
    expect(s.persistentVolumes).toEqual([
      {
        name: "ebs-1",
        labels: { "topology.kubernetes.io/zone": "z1" },
        capacityBytes: 20 * Gi,
        accessModes: ["ReadWriteOnce"],
        storageClassName: "gp2",
        inTree: { plugin: "kubernetes.io/aws-ebs", volumeID: "vol-1" },
      },
      {
        name: "csi-1",
        labels: {},
        capacityBytes: Gi,
        accessModes: ["ReadWriteMany"],
        storageClassName: "",
        claimRef: { namespace: "ns", name: "c", uid: "u1" },
        csiDriver: "d.example.com",
        volumeHandle: "h1",
        phase: "Released",
        volumeMode: "Block",
        deleting: true,
      },
    ])
    expect(s.persistentVolumeClaims).toEqual([
      {
        namespace: "ns",
        name: "data",
        accessModes: ["ReadWriteOnce"],
        volumeName: "ebs-1",
        requestBytes: 500 * 2 ** 20,
        // bind-completed makes a claim with volumeName Bound
        phase: "Bound",
        uid: "u2",
        selector: { matchLabels: { tier: "fast" } },
        selectedNode: "node-a",
      },
      { namespace: "default", name: "pod-a-scratch", accessModes: ["ReadWriteOncePod"], storageClassName: "", requestBytes: Gi, phase: "Pending", controllerPod: "pod-a" },
    ])
    expect(s.storageClasses).toEqual([
      { name: "gp2", provisioner: "kubernetes.io/aws-ebs", volumeBindingMode: "Immediate", isDefault: true, creationTimestamp: Date.parse("2025-01-01T00:00:00Z") },
    ])
    expect(s.csiNodes).toEqual([
      {
        nodeName: "node-a",
        drivers: [{ name: "ebs.csi.aws.com", allocatableCount: 25, topologyKeys: ["topology.ebs.csi.aws.com/zone"] }, { name: "other" }],
        migratedPlugins: ["kubernetes.io/aws-ebs", "kubernetes.io/gce-pd"],
      },
    ])
  })

  it("allowedTopologies become In requirements; other kinds are left alone", () => {
    const s = objects(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: z}
provisioner: p
volumeBindingMode: WaitForFirstConsumer
allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {containers: [{name: c}]}
`)
    expect(s.storageClasses[0]?.allowedTopologies).toEqual([{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a", "b"] }], matchFields: [] }])
    expect(s.persistentVolumes).toEqual([])
  })

  it("CSIDrivers and CSIStorageCapacities: storageCapacity absent is false, quantities in bytes, an absent nodeTopology stays absent", () => {
    const s = objects(`apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata: {name: ebs.csi.aws.com}
spec: {attachRequired: true, storageCapacity: true, fsGroupPolicy: File}
---
apiVersion: storage.k8s.io/v1
kind: CSIDriver
metadata: {name: nfs.csi.k8s.io}
spec: {attachRequired: false}
---
apiVersion: storage.k8s.io/v1
kind: CSIStorageCapacityList
items:
- apiVersion: storage.k8s.io/v1
  kind: CSIStorageCapacity
  metadata: {name: csisc-1, namespace: kube-system}
  storageClassName: gp3
  capacity: 100Gi
  maximumVolumeSize: 16Ti
  nodeTopology: {matchLabels: {topology.ebs.csi.aws.com/zone: z1}, matchExpressions: [{key: tier, operator: Exists}]}
- apiVersion: storage.k8s.io/v1
  kind: CSIStorageCapacity
  metadata: {name: csisc-2}
  storageClassName: gp3
`)
    expect(s.csiDrivers).toEqual([
      { name: "ebs.csi.aws.com", storageCapacity: true },
      { name: "nfs.csi.k8s.io", storageCapacity: false },
    ])
    expect(s.csiStorageCapacities).toEqual([
      {
        namespace: "kube-system",
        name: "csisc-1",
        storageClassName: "gp3",
        capacityBytes: 100 * Gi,
        maximumVolumeSizeBytes: 16 * 2 ** 40,
        nodeTopology: { matchLabels: { "topology.ebs.csi.aws.com/zone": "z1" }, matchExpressions: [{ key: "tier", operator: "Exists", values: [] }] },
      },
      { namespace: "default", name: "csisc-2", storageClassName: "gp3" },
    ])
    // neither kind in the input: neither list
    expect(Object.keys(objects("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\nprovisioner: p\n"))).toEqual(["persistentVolumes", "persistentVolumeClaims", "storageClasses", "csiNodes"])
  })

  const pvDoc = (spec: string) => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: v}\nspec: ${spec}\n`
  const pvcDoc = (spec: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: ${spec}\n`
  const capacityDoc = (fields: string) => `apiVersion: storage.k8s.io/v1\nkind: CSIStorageCapacity\nmetadata: {name: c, namespace: kube-system}\n${fields}\n`
  const refused: ReadonlyArray<[string, string, string]> = [
    ["a PV without size", pvDoc("{accessModes: [ReadWriteOnce], csi: {driver: d, volumeHandle: h}}"), "storage.yaml: document 0, spec.capacity.storage: a PersistentVolume needs its size (required)"],
    ["a PV without access modes", pvDoc("{capacity: {storage: 1Gi}, csi: {driver: d, volumeHandle: h}}"), "storage.yaml: document 0, spec.accessModes: at least 1 access mode is required"],
    ["a PV without a source", pvDoc("{capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce]}"), "storage.yaml: document 0, spec: must specify a volume type"],
    ["a PV with two sources", pvDoc("{capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], local: {path: /x}, nfs: {server: s, path: /}}"), "storage.yaml: document 0, spec: may not specify more than 1 volume type, got local and nfs"],
    ["a claimRef without namespace", pvDoc("{capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], local: {path: /x}, claimRef: {name: c}}"), "storage.yaml: document 0, spec.claimRef: a claimRef names its claim's namespace and name"],
    ["a claim without a request", pvcDoc("{accessModes: [ReadWriteOnce]}"), "storage.yaml: document 0, spec.resources.requests.storage: a claim needs a storage request (required)"],
    ["a claim without access modes", pvcDoc("{resources: {requests: {storage: 1Gi}}}"), "storage.yaml: document 0, spec.accessModes: at least 1 access mode is required"],
    ["a claim with a bad selector operator", pvcDoc("{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, selector: {matchExpressions: [{key: a, operator: Gt, values: ['1']}]}}"), 'storage.yaml: document 0, spec.selector.matchExpressions[0].operator: expected one of "In", "NotIn", "Exists", "DoesNotExist", got "Gt"'],
    ["two claims of one name", `${pvcDoc("{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}")}---\n${pvcDoc("{accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}")}`, "storage.yaml: document 1, metadata.name: a second PersistentVolumeClaim named default/c"],
    ["a CSIStorageCapacity with an empty storageClassName", capacityDoc('storageClassName: ""'), "storage.yaml: document 0, storageClassName: Required value"],
    ["a negative capacity", capacityDoc("storageClassName: s\ncapacity: -1Gi"), "storage.yaml: document 0, capacity: must be greater than or equal to 0"],
    ["a negative maximumVolumeSize", capacityDoc("storageClassName: s\nmaximumVolumeSize: -1"), "storage.yaml: document 0, maximumVolumeSize: must be greater than or equal to 0"],
    ["a nodeTopology with a bad operator", capacityDoc("storageClassName: s\nnodeTopology: {matchExpressions: [{key: z, operator: Gt, values: ['1']}]}"), 'storage.yaml: document 0, nodeTopology.matchExpressions[0].operator: expected one of "In", "NotIn", "Exists", "DoesNotExist", got "Gt"'],
    ["a nodeTopology In without values", capacityDoc("storageClassName: s\nnodeTopology: {matchExpressions: [{key: z, operator: In}]}"), "storage.yaml: document 0, nodeTopology.matchExpressions[0].values: must be specified when `operator` is 'In' or 'NotIn'"],
    ["a nodeTopology Exists with values", capacityDoc("storageClassName: s\nnodeTopology: {matchExpressions: [{key: z, operator: Exists, values: [a]}]}"), "storage.yaml: document 0, nodeTopology.matchExpressions[0].values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ["two CSIStorageCapacities of one name", `${capacityDoc("storageClassName: s")}---\n${capacityDoc("storageClassName: t")}`, "storage.yaml: document 1, metadata.name: a second CSIStorageCapacity named kube-system/c"],
    ["two CSIDrivers of one name", "apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: d}\nspec: {}\n---\napiVersion: storage.k8s.io/v1\nkind: CSIDriver\nmetadata: {name: d}\nspec: {storageCapacity: true}\n", "storage.yaml: document 1, metadata.name: a second CSIDriver named d"],
    ["a nameless StorageClass", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nprovisioner: p\n", "storage.yaml: document 0, metadata.name: a StorageClass needs a name"],
  ]
  for (const [name, text, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(() => objects(text)).toThrow(SchedulerInputError)
      expect(() => objects(text)).toThrow(message)
    })
  }
})

describe("podVolumesOf", () => {
  it("maps the sources the plugins read and defaults the rest", () => {
    expect(
      podVolumesOf([
        { name: "a", persistentVolumeClaim: { claimName: "c" } },
        { name: "b", rbd: { monitors: ["m"], image: "i" } },
        { name: "c", iscsi: { targetPortal: "p", iqn: "q", lun: 1, readOnly: true } },
        { name: "d", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } },
        { name: "e", csi: { driver: "x" } },
        { name: "f", configMap: { name: "cm" } },
        { name: "g" },
        { name: "h", azureDisk: { diskName: "n", diskURI: "u" } },
      ]),
    ).toEqual([
      { name: "a", source: { type: "persistentVolumeClaim", claimName: "c", readOnly: false } },
      { name: "b", source: { type: "rbd", monitors: ["m"], pool: "rbd", image: "i", readOnly: false } },
      { name: "c", source: { type: "iscsi", targetPortal: "p", iqn: "q", lun: 1, readOnly: true } },
      { name: "d", source: { type: "ephemeral", claimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } },
      { name: "e", source: { type: "csi", driver: "x" } },
      { name: "f", source: { type: "other", kind: "configMap" } },
      { name: "g", source: { type: "other", kind: "emptyDir" } },
      { name: "h", source: { type: "azureDisk", diskName: "n", diskURI: "u" } },
    ])
    expect(podVolumesOf(undefined)).toEqual([])
  })
  it("refuses two sources, an unknown source and a malformed one, naming the volume", () => {
    const at = "pods.yaml: document 2, spec.volumes"
    expect(() => podVolumesOf([{ name: "a", emptyDir: {}, hostPath: { path: "/" } }], at)).toThrow("pods.yaml: document 2, spec.volumes[0]: may not specify more than 1 volume type, got emptyDir and hostPath")
    expect(() => podVolumesOf([{ name: "ok" }, { name: "a", persistantVolumeClaim: { claimName: "c" } }], at)).toThrow(
      "pods.yaml: document 2, spec.volumes[1].persistantVolumeClaim: not a volume source catcluster knows",
    )
    expect(() => podVolumesOf([{ name: "a", gcePersistentDisk: { readOnly: true } }], at)).toThrow(
      "pods.yaml: document 2, spec.volumes[0].gcePersistentDisk.pdName: required field missing (expected string)",
    )
  })
  it("a malformed volume is one line, the full path (list indices included) and the problem, no io-ts type dump", () => {
    const at = "pods.yaml: document 2, spec.volumes"
    const message = (volumes: ReadonlyArray<unknown>): string => {
      try {
        podVolumesOf(volumes, at)
      } catch (e) {
        expect(e).toBeInstanceOf(SchedulerInputError)
        return (e as Error).message
      }
      return "no error"
    }
    expect(message([{ name: "a", emptyDir: {} }, { name: "b", rbd: { monitors: ["m1", 5], image: "i" } }])).toBe("pods.yaml: document 2, spec.volumes[1].rbd.monitors[1]: expected string, got 5")
    // io-ts names the source { targetPortal: string, iqn: string, lun: integer }
    expect(message([{ name: "a", iscsi: "x" }])).toBe('pods.yaml: document 2, spec.volumes[0].iscsi: expected an object with targetPortal, iqn, lun, got "x"')
  })
  it("a VMI's malformed volume source names the file, the document and the VMI's own path", () => {
    const vmi = (volume: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: vm, namespace: default}
spec:
  domain: {resources: {requests: {memory: 1Gi}}, devices: {}}
  volumes:
  - {name: root, containerDisk: {image: quay.io/containerdisks/fedora}}
  - ${volume}
`
    const message = (volume: string): string => {
      try {
        workloadFromText(vmi(volume), "vmi.yaml")
      } catch (e) {
        expect(e).toBeInstanceOf(SchedulerInputError)
        return (e as Error).message
      }
      return "no error"
    }
    // the launcher pod's volume would be persistentVolumeClaim.claimName at spec.volumes[0]
    expect(message("{name: data, dataVolume: {}}")).toBe("vmi.yaml: document 0, spec.volumes[1].dataVolume.name: required field missing (expected string)")
    expect(message("{name: data, persistentVolumeClaim: {claimName: 5}}")).toBe("vmi.yaml: document 0, spec.volumes[1].persistentVolumeClaim.claimName: expected string, got 5")
    expect(message("{name: data, ephemeral: {persistentVolumeClaim: {readOnly: true}}}")).toBe(
      "vmi.yaml: document 0, spec.volumes[1].ephemeral.persistentVolumeClaim.claimName: required field missing (expected string)",
    )
    expect(message("{name: data, hostDisk: {type: Disk}}")).toBe("vmi.yaml: document 0, spec.volumes[1].hostDisk.path: required field missing (expected string)")
    expect(message("{name: data, containerDisk: {image: 7}}")).toBe("vmi.yaml: document 0, spec.volumes[1].containerDisk.image: expected string, got 7")
  })
})

describe("claims a controller creates (StatefulSet volumeClaimTemplates, DataVolumes)", () => {
  const message = (text: string): string => {
    try {
      workloadFromText(text, "apps.yaml")
    } catch (e) {
      expect(e).toBeInstanceOf(SchedulerInputError)
      return (e as Error).message
    }
    return "no error"
  }
  const statefulSet = (claimSpec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: "postgres:17"}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: ${claimSpec}
`
  const dataVolume = (spec: string) => `apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata: {name: dv, namespace: data}
spec: ${spec}
`
  it("a malformed claim spec names the path inside the template and the problem in one line (was io-ts' message without a path)", () => {
    expect(message(statefulSet("{accessModes: ReadWriteOnce, resources: {requests: {storage: 10Gi}}}"))).toBe(
      'apps.yaml: document 0, spec.volumeClaimTemplates[0].spec.accessModes: not a valid PersistentVolumeClaim spec: expected Array<PersistentVolumeAccessMode>, got "ReadWriteOnce"',
    )
    // a DataVolume's claim is its spec.pvc or spec.storage: the path says which
    expect(message(dataVolume("{storage: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Qi}}}}"))).toBe(
      'apps.yaml: document 0, spec.storage.resources.requests.storage: not a valid PersistentVolumeClaim spec: expected a quantity, got "1Qi": unexpected character "Q" at position 1',
    )
    expect(message(dataVolume("{pvc: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeMode: 3}}"))).toMatch(/^apps\.yaml: document 0, spec\.pvc\.volumeMode: not a valid PersistentVolumeClaim spec: /)
    expect(message(statefulSet("{accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}"))).toBe("no error")
  })
})

describe("CSINodes read with the nodes (`schedule --nodes`)", () => {
  const nodesText = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: a}
  status: {allocatable: {cpu: "1", memory: 1Gi, pods: "10"}}
- apiVersion: storage.k8s.io/v1
  kind: CSINode
  metadata: {name: a}
  spec: {drivers: [{name: ebs.csi.aws.com, nodeID: i-a, allocatable: {count: 2}}]}`
  const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: c, namespace: default}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}`

  it("a nodes file's CSINodes join the workload's storage objects", () => {
    const file = nodesFileFromText(nodesText, "nodes.yaml")
    expect(file.nodes.map((n) => n.name)).toEqual(["a"])
    const workload = workloadFromText(claim, "pods.yaml", { csiNodes: file.csiNodes })
    expect(workload.objects.storage?.csiNodes).toEqual([{ nodeName: "a", drivers: [{ name: "ebs.csi.aws.com", allocatableCount: 2 }] }])
    expect(workload.objects.storage?.persistentVolumeClaims.map((c) => c.name)).toEqual(["c"])
    // a plain nodes reader still takes nodes only
    expect(() => nodesFromText(nodesText, "nodes.yaml")).toThrow("nodes.yaml: document 0, items[1], kind: expected Node, got CSINode")
  })

  it("a CSINode given in both files is refused where the second one is", () => {
    const again = `${claim}\n---\napiVersion: storage.k8s.io/v1\nkind: CSINode\nmetadata: {name: a}\nspec: {drivers: []}`
    expect(() => workloadFromText(again, "pods.yaml", { csiNodes: nodesFileFromText(nodesText, "nodes.yaml").csiNodes })).toThrow(
      new SchedulerInputError("pods.yaml: document 1, metadata.name", "a second CSINode named a"),
    )
  })
})
