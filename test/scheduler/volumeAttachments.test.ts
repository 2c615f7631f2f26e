/**
 * NodeVolumeLimits and VolumeAttachments (kube-scheduler v1.35, csi.go `getNodeVolumeAttachmentInfo`
 * and Filter's merge; no feature gate): the two cases of csi_test.go TestCSILimits with
 * VolumeAttachments (also restated in nodeVolumeLimits.test.ts on the plugin alone) and cases of
 * our own for what csi.go decides — the node name must match, the attacher is the driver counted,
 * a volume both attached and used by a pod on the node counts once, attached or not, an inline
 * source or a PV that is missing or not CSI is not counted, a batch creates no VolumeAttachments.
 * Each case runs the plugin alone and both engines under the whole default profile, which must
 * give every node the same reasons. Then the kind from manifests (decoded, bad input refused) and
 * through the CLI (no "does not model" warning; bad input exits 2 naming the file, document and
 * path). The manifest fixtures attachment* of fixtures/volumes/node-volume-limits run
 * `schedule --explain --json` on both engines.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, type Manifest } from "../../src/domain/manifest/index.ts"
import {
  type ClusterSnapshot,
  defaultProfile,
  hotScheduler,
  nodeVolumeLimitsFilterPlugin,
  type PersistentVolume,
  readableScheduler,
  REASON_MAX_VOLUME_COUNT,
  type SchedulingNode,
  type SchedulingPod,
  SchedulerInputError,
  storageObjectsOf,
  type VolumeAttachment,
} from "../../src/scheduler/index.ts"
import { attachment, boundClaim, csiNode, podWith, pvcVolume, runPlugin, storage, volume, worker } from "./volumeSupport.ts"
import { spawnCli } from "../support/spawnCli.ts"

const EBS = "ebs.csi.aws.com"
const GCE = "pd.csi.storage.gke.io"
const NODE = "node-1"

// PVs csi-<driver>-<j> with their handle as name, each bound to a claim of the same name
const volumes = (driver: string, count: number): ReadonlyArray<PersistentVolume> =>
  Array.from({ length: count }, (_, j) => volume(`csi-${driver}-${j}`, { csiDriver: driver, volumeHandle: `csi-${driver}-${j}`, claimRef: { namespace: "default", name: `csi-${driver}-${j}` } }))

const objectsWith = (limits: Readonly<Record<string, number>>, attachments: ReadonlyArray<VolumeAttachment>, extraVolumes: ReadonlyArray<PersistentVolume> = []) => {
  const pvs = [...volumes(EBS, 4), ...volumes(GCE, 2), ...extraVolumes]
  return storage({
    persistentVolumes: pvs,
    persistentVolumeClaims: pvs.map((pv) => boundClaim(pv.name, pv.name)),
    csiNodes: [csiNode(NODE, Object.entries(limits).map(([name, allocatableCount]) => ({ name, allocatableCount })))],
    volumeAttachments: attachments,
  })
}

const using = (key: string, ...claims: string[]): SchedulingPod => podWith(key, claims.map((c, i) => pvcVolume(c, `v${i}`)))
const ebs = (j: number): string => `csi-${EBS}-${j}`
const gce = (j: number): string => `csi-${GCE}-${j}`
const on = (pv: string, rest: Partial<VolumeAttachment> = {}, node = NODE, attacher = pv.includes(GCE) ? GCE : EBS): VolumeAttachment =>
  attachment(`va-${pv}-${node}`, node, attacher, pv, rest)

const ok = { code: "Success", reasons: [] }
const over = { code: "Unschedulable", reasons: [REASON_MAX_VOLUME_COUNT] }

/**
 * The plugin's Filter status on node-1, after checking that both engines, under the whole default
 * profile with `existing` bound to node-1, give it the same reasons.
 */
const onBothEngines = (incoming: SchedulingPod, existing: ReadonlyArray<SchedulingPod>, objects: ReturnType<typeof objectsWith>) => {
  const node: SchedulingNode = worker(NODE)
  const alone = runPlugin(nodeVolumeLimitsFilterPlugin, incoming, [{ node, pods: existing }], objects)
  const cluster: ClusterSnapshot = { nodes: [node], bound: existing.map((pod) => ({ pod, node: NODE })), storage: objects }
  const reasonsOf = (engine: "hot" | "readable") => {
    const s = engine === "hot" ? hotScheduler(cluster, { profile: defaultProfile }) : readableScheduler(cluster, { profile: defaultProfile })
    const placed = s.schedule(incoming, { explain: true })
    return placed.scores?.find((e) => e.node === NODE)?.reasons ?? []
  }
  const readable = reasonsOf("readable")
  expect(reasonsOf("hot")).toEqual(readable)
  expect(readable).toEqual(alone.filter?.[0]?.reasons)
  return alone.filter?.[0]
}

interface Row {
  readonly test: string
  readonly newPod: SchedulingPod
  readonly existing?: ReadonlyArray<SchedulingPod>
  readonly limits: Readonly<Record<string, number>>
  readonly attachments: ReadonlyArray<VolumeAttachment>
  readonly extraVolumes?: ReadonlyArray<PersistentVolume>
  readonly fits: boolean
}

const rows: ReadonlyArray<Row> = [
  // csi_test.go TestCSILimits: upstream's VolumeAttachments are for csi-<driver>-<j>, j < vaCount, on the node
  { test: "should count VolumeAttachments towards volume limit when no pods exist", newPod: using("ebs-one", ebs(0)), limits: { [EBS]: 2 }, attachments: [on(ebs(0)), on(ebs(1))], fits: false },
  { test: "should schedule pod when VolumeAttachments count does not exceed limit", newPod: using("ebs-one", ebs(0)), limits: { [EBS]: 2 }, attachments: [on(ebs(0))], fits: true },
  // ours: what csi.go decides
  { test: "an attachment of a volume no pod uses takes a slot", newPod: using("new", ebs(2)), limits: { [EBS]: 1 }, attachments: [on(ebs(1))], fits: false },
  { test: "a volume attached and used by a pod on the node counts once", newPod: using("new", ebs(2)), existing: [using("old", ebs(0))], limits: { [EBS]: 2 }, attachments: [on(ebs(0))], fits: true },
  { test: "a volume used by two pods and attached counts once", newPod: using("new", ebs(2)), existing: [using("old", ebs(0)), using("old-2", ebs(0))], limits: { [EBS]: 2 }, attachments: [on(ebs(0))], fits: true },
  { test: "an attachment and a pod's volume that differ count twice", newPod: using("new", ebs(2)), existing: [using("old", ebs(0))], limits: { [EBS]: 2 }, attachments: [on(ebs(1))], fits: false },
  { test: "an attachment to another node does not count", newPod: using("new", ebs(2)), limits: { [EBS]: 1 }, attachments: [on(ebs(1), {}, "node-2"), on(ebs(0), {}, "node-3")], fits: true },
  { test: "an attachment counts under its attacher: a GCE PD one leaves the EBS limit alone", newPod: using("new", ebs(2)), limits: { [EBS]: 1, [GCE]: 1 }, attachments: [on(gce(0)), on(gce(1))], fits: true },
  { test: "…and takes the GCE PD slot", newPod: using("new", gce(1)), limits: { [EBS]: 1, [GCE]: 1 }, attachments: [on(gce(0))], fits: false },
  // csi.go keys the attachment by spec.attacher and the PV's handle, not the PV's driver
  { test: "an EBS PV attached by another attacher counts under that attacher, not EBS", newPod: using("new", ebs(2)), limits: { [EBS]: 1, [GCE]: 0 }, attachments: [on(ebs(0), {}, NODE, GCE)], fits: true },
  { test: "attached or not, and however the status reads, it counts", newPod: using("new", ebs(2)), limits: { [EBS]: 2 }, attachments: [on(ebs(0), { attached: true }), on(ebs(1))], fits: false },
  { test: "an inline (migrated) source is not counted", newPod: using("new", ebs(2)), limits: { [EBS]: 1 }, attachments: [{ name: "va-inline", attacher: EBS, nodeName: NODE, inline: true }], fits: true },
  { test: "an attachment of a missing PV is not counted", newPod: using("new", ebs(2)), limits: { [EBS]: 1 }, attachments: [on("gone")], fits: true },
  {
    test: "an attachment of a PV that is not CSI (in-tree EBS) is not counted",
    newPod: using("new", ebs(2)),
    limits: { [EBS]: 1 },
    attachments: [on("in-tree")],
    extraVolumes: [volume("in-tree", { inTree: { plugin: "kubernetes.io/aws-ebs", volumeID: "vol-in-tree" } })],
    fits: true,
  },
  { test: "no limit for the driver: attachments change nothing", newPod: using("new", gce(1)), limits: { [EBS]: 0 }, attachments: [on(gce(0))], fits: true },
]

describe("NodeVolumeLimits with VolumeAttachments, on the plugin and both engines", () => {
  for (const r of rows) {
    it(r.test, () => {
      expect(onBothEngines(r.newPod, r.existing ?? [], objectsWith(r.limits, r.attachments, r.extraVolumes))).toEqual(r.fits ? ok : over)
    })
  }

  for (const engine of ["hot", "readable"] as const) {
    it(`${engine}: a batch creates no VolumeAttachment; an attached volume bound again by a pod still counts once`, () => {
      // limit 2, csi-ebs-0 attached with no pod: a takes csi-ebs-0 (1 attached + 1 new = 2), b csi-ebs-1
      // (csi-ebs-0 now a's, counted once, + 1 = 2), c csi-ebs-2 (2 + 1 = 3) finds no room
      const node = worker(NODE)
      const cluster: ClusterSnapshot = { nodes: [node], bound: [], storage: objectsWith({ [EBS]: 2 }, [on(ebs(0))]) }
      const s = engine === "hot" ? hotScheduler(cluster, { profile: defaultProfile }) : readableScheduler(cluster, { profile: defaultProfile })
      expect([using("a", ebs(0)), using("b", ebs(1)), using("c", ebs(2))].map((p) => s.schedule(p).node)).toEqual([NODE, NODE, null])
      expect(s.bindings()).toEqual([{ node: NODE, pods: ["default/a", "default/b"] }])
    })
  }
})

const decode = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "storage.yaml")
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const vaDoc = (spec: string, rest = "") => `apiVersion: storage.k8s.io/v1\nkind: VolumeAttachment\nmetadata: {name: va}\nspec: ${spec}\n${rest}`

describe("VolumeAttachments from manifests", () => {
  it("reads the attacher, the node and the PV; an inline source; status.attached, loose", () => {
    const s = storageObjectsOf(
      decode(`apiVersion: storage.k8s.io/v1
kind: VolumeAttachmentList
items:
- apiVersion: storage.k8s.io/v1
  kind: VolumeAttachment
  metadata: {name: csi-1, deletionTimestamp: "2026-01-01T00:00:00Z", finalizers: [external-attacher/ebs-csi-aws-com]}
  spec: {attacher: ebs.csi.aws.com, nodeName: n1, source: {persistentVolumeName: pv-1}}
  status: {attached: true, attachmentMetadata: {devicePath: /dev/xvdba}}
- apiVersion: storage.k8s.io/v1
  kind: VolumeAttachment
  metadata: {name: csi-2}
  spec: {attacher: ebs.csi.aws.com, nodeName: n2, source: {inlineVolumeSpec: {csi: {driver: ebs.csi.aws.com, volumeHandle: vol-2}, accessModes: [ReadWriteOnce]}}}
  status: {attached: "yes", detachError: {message: busy}}
`),
    )
    expect(s.volumeAttachments).toEqual([
      { name: "csi-1", attacher: EBS, nodeName: "n1", persistentVolumeName: "pv-1", attached: true },
      { name: "csi-2", attacher: EBS, nodeName: "n2", inline: true },
    ])
    expect(Object.keys(storageObjectsOf(decode("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\nprovisioner: p\n")))).not.toContain("volumeAttachments")
  })

  const refused: ReadonlyArray<[string, string, string]> = [
    ["an empty attacher", vaDoc('{attacher: "", nodeName: node-a, source: {persistentVolumeName: p}}'), "storage.yaml: document 0, spec.attacher: Required value"],
    ["an empty nodeName", vaDoc('{attacher: a, nodeName: "", source: {persistentVolumeName: p}}'), "storage.yaml: document 0, spec.nodeName: Required value"],
    ["no source", vaDoc("{attacher: a, nodeName: node-a, source: {}}"), "storage.yaml: document 0, spec.source: must specify exactly one of inlineVolumeSpec and persistentVolumeName"],
    ["both sources", vaDoc("{attacher: a, nodeName: node-a, source: {persistentVolumeName: p, inlineVolumeSpec: {csi: {driver: a, volumeHandle: h}}}}"), "storage.yaml: document 0, spec.source: must specify exactly one of inlineVolumeSpec and persistentVolumeName"],
    ["an empty persistentVolumeName", vaDoc('{attacher: a, nodeName: node-a, source: {persistentVolumeName: ""}}'), "storage.yaml: document 0, spec.source.persistentVolumeName: Required value"],
    ["two of one name", `${vaDoc("{attacher: a, nodeName: node-a, source: {persistentVolumeName: p}}")}---\n${vaDoc("{attacher: a, nodeName: node-b, source: {persistentVolumeName: p}}")}`, "storage.yaml: document 1, metadata.name: a second VolumeAttachment named va"],
  ]
  for (const [name, text, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(() => storageObjectsOf(decode(text))).toThrow(SchedulerInputError)
      expect(() => storageObjectsOf(decode(text))).toThrow(message)
    })
  }
})

describe("catcluster schedule with VolumeAttachments", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-attachments-"))
  const nodes = join(import.meta.dirname, "fixtures", "volumes", "node-volume-limits", "one-node.nodes.yaml")
  // the project's CLI runner, on a file of these manifests (the file is kept: messages name it)
  const cli = async (pods: string) => {
    const file = join(dir, `pods-${Math.random().toString(36).slice(2)}.yaml`)
    writeFileSync(file, pods)
    return { ...(await spawnCli("schedule", "--nodes", nodes, "--pods", file, "--json")), file }
  }
  const claimAndPod = `apiVersion: storage.k8s.io/v1
kind: CSINode
metadata: {name: node-1}
spec: {drivers: [{name: ebs.csi.aws.com, nodeID: i-1, allocatable: {count: 1}}]}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-2}
spec: {capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], claimRef: {namespace: default, name: data}, csi: {driver: ebs.csi.aws.com, volumeHandle: vol-2}}
status: {phase: Bound}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default}
spec: {accessModes: [ReadWriteOnce], storageClassName: "", volumeName: pv-2, resources: {requests: {storage: 1Gi}}}
status: {phase: Bound}
---
apiVersion: v1
kind: Pod
metadata: {name: pod-a, namespace: default}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
`

  it("a VolumeAttachment is read, not said to be left out, and takes the node's one EBS slot", async () => {
    const r = await cli(`${vaDoc("{attacher: ebs.csi.aws.com, nodeName: node-1, source: {persistentVolumeName: pv-1}}", "status: {attached: true}\n")}---\n${claimAndPod}`)
    expect(r.code).toBe(0)
    expect(r.stderr).not.toContain("does not model")
    expect(JSON.parse(r.stdout).placements[0]).toMatchObject({ node: null, message: expect.stringContaining("1 node(s) exceed max volume count") })
    // the same input without it: the slot is free
    expect(JSON.parse((await cli(claimAndPod)).stdout).placements[0].node).toBe("node-1")
  })

  const refused: ReadonlyArray<readonly [string, string, string]> = [
    ["a missing attacher", "{nodeName: node-1, source: {persistentVolumeName: pv-1}}", "document 0, spec.attacher: required field missing (expected string)"],
    ["a missing nodeName", "{attacher: ebs.csi.aws.com, source: {persistentVolumeName: pv-1}}", "document 0, spec.nodeName: required field missing (expected string)"],
    ["neither source", "{attacher: ebs.csi.aws.com, nodeName: node-1, source: {}}", "document 0, spec.source: must specify exactly one of inlineVolumeSpec and persistentVolumeName"],
    ["both sources", "{attacher: ebs.csi.aws.com, nodeName: node-1, source: {persistentVolumeName: pv-1, inlineVolumeSpec: {csi: {driver: ebs.csi.aws.com, volumeHandle: v}}}}", "document 0, spec.source: must specify exactly one of inlineVolumeSpec and persistentVolumeName"],
  ]
  for (const [name, spec, message] of refused) {
    it(`refuses ${name}: exit 2, the file, document and path`, async () => {
      const r = await cli(`${vaDoc(spec)}---\n${claimAndPod}`)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`${r.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(:\\d+:\\d+)?: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
      expect(r.stderr).not.toMatch(/\n\s+at /)
    })
  }
})
