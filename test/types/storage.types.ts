/**
 * Type-level tests of the CSI lifecycle: the legal order compiles, every illegal order is a
 * compile error (each `@ts-expect-error` fails the build if the line ever type-checks).
 */
import {
  attachVirtio,
  controllerPublish,
  controllerUnpublish,
  createVolume,
  deleteVolume,
  detachVirtio,
  nodePublish,
  nodeStage,
  nodeUnpublish,
  nodeUnstage,
  type Volume,
} from "../../src/domain/storage/index.ts"

const created = createVolume("pvc-1")
const attached = controllerPublish(created, "node-a")
const staged = nodeStage(attached, "/var/lib/kubelet/plugins/kubernetes.io/csi/globalmount")
const published = nodePublish(staged, "/var/lib/kubelet/pods/uid/volumes/kubernetes.io~csi/pvc-1/mount")
const inGuest = attachVirtio(published)

// The full way back compiles.
const deleted: Volume<"Deleted"> = deleteVolume(controllerUnpublish(nodeUnstage(nodeUnpublish(detachVirtio(inGuest)))))
void deleted

// @ts-expect-error NodePublish before NodeStage: a Created volume is not NodeStaged
nodePublish(created, "/target")

// @ts-expect-error NodeStage before ControllerPublish
nodeStage(created, "/staging")

// @ts-expect-error the seed's VM path: QEMU attaches a staged but unpublished volume
attachVirtio(staged)

// @ts-expect-error DeleteVolume while still published on a node
deleteVolume(published)

// @ts-expect-error DeleteVolume while controller-published
deleteVolume(attached)

// @ts-expect-error NodeUnstage while still published into a pod
nodeUnstage(published)

// @ts-expect-error ControllerPublish twice
controllerPublish(attached, "node-b")

// @ts-expect-error a state is not a string the caller can forge: Volume<"NodeStaged"> needs state "NodeStaged"
const forged: Volume<"NodeStaged"> = { id: "x", state: "Created" }
void forged
