/**
 * Storage the pods to place need and the input does not hold: the claims they mount, the
 * StorageClasses those claims name, and a default class for claims that name none. kube-scheduler
 * keeps such pods pending (VolumeBinding's "not found", "unbound immediate PersistentVolumeClaims"),
 * and that is what σ answers too; but the likeliest cause is an input made of manifests without the
 * cluster's storage objects, so each gap is also said once, as a warning naming the objects and
 * what to add. CSIStorageCapacity objects whose provisioner (through their StorageClass) has no
 * CSIDriver in the input are such a gap too: without the CSIDriver kube-scheduler does not check
 * capacity, nor does σ, though the cluster's driver likely opted in.
 *
 * @since 0.1.0
 */
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { namespaceOf } from "../model/SchedulingPod.ts"
import type { StorageObjects } from "../model/Volumes.ts"
import { claimClassOf, claimNameOf, isClaimBound, storageIndex } from "../plugins/VolumeStorage.ts"

const SHOWN = 3

const some = (keys: ReadonlyArray<string>): string => keys.slice(0, SHOWN).join(", ") + (keys.length > SHOWN ? `, … (${keys.length} in all)` : "")

/**
 * The warnings for `pods` (the pods to place): claims that are not in `storage`, unbound claims
 * whose class resolves to none (no `storageClassName`, no default StorageClass, no PersistentVolume
 * without a class to bind to) and StorageClasses named but absent; then, whatever the pods, one
 * per provisioner that has CSIStorageCapacity objects (through their class) and no CSIDriver.
 * Empty when nothing is missing.
 *
 * @example
 * import { pod, storageGaps } from "catcluster/scheduler"
 * const p = { ...pod("shop/db-0", { cpu: 100 }), volumes: [{ name: "data", source: { type: "persistentVolumeClaim" as const, claimName: "data-db-0", readOnly: false } }] }
 * storageGaps([p], { persistentVolumes: [], persistentVolumeClaims: [], storageClasses: [], csiNodes: [] })
 * // ["1 pod mounts PersistentVolumeClaims the input does not hold (shop/data-db-0 for shop/db-0): …"]
 *
 * @since 0.1.0
 * @category input
 */
export const storageGaps = (pods: ReadonlyArray<SchedulingPod>, storage: StorageObjects): ReadonlyArray<string> => {
  const index = storageIndex(storage)
  const missing: string[] = []
  const missingPods = new Set<string>()
  const classless = new Set<string>()
  const unknownClass = new Map<string, Set<string>>()
  const classlessVolume = storage.persistentVolumes.some((v) => v.storageClassName === "")
  for (const pod of pods) {
    for (const volume of pod.volumes ?? []) {
      const name = claimNameOf(pod, volume)
      if (name === undefined) continue
      const ns = namespaceOf(pod)
      const claim = index.claim(ns, name)
      if (claim === undefined) {
        missing.push(`${ns}/${name} for ${pod.key}`)
        missingPods.add(pod.key)
        continue
      }
      if (isClaimBound(claim) || claim.volumeName !== undefined) continue
      const cls = claimClassOf(claim, index)
      if (cls === "") {
        if (!classlessVolume) classless.add(`${ns}/${name}`)
      } else if (index.storageClass(cls) === undefined) {
        const claims = unknownClass.get(cls) ?? new Set<string>()
        claims.add(`${ns}/${name}`)
        unknownClass.set(cls, claims)
      }
    }
  }
  const out: string[] = []
  if (missing.length > 0) {
    const n = missingPods.size
    out.push(
      `${n} pod${n === 1 ? " mounts" : "s mount"} PersistentVolumeClaims the input does not hold (${some(missing)}): kube-scheduler finds no such claim and keeps ${n === 1 ? "it" : "them"} pending, as σ does here; if your cluster has them, add them (kubectl get pvc -A -o yaml)`,
    )
  }
  if (classless.size > 0) {
    const n = classless.size
    out.push(
      `${n} PersistentVolumeClaim${n === 1 ? " names" : "s name"} no StorageClass and the input holds no default StorageClass (annotation storageclass.kubernetes.io/is-default-class: "true") nor a PersistentVolume without a class (${some([...classless])}): ${n === 1 ? "it stays" : "they stay"} unbound and the pods mounting ${n === 1 ? "it" : "them"} pending, as in a cluster without a default class; if yours has one, add it (kubectl get storageclass -o yaml)`,
    )
  }
  for (const [cls, claims] of [...unknownClass].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const n = claims.size
    out.push(
      `StorageClass "${cls}", named by ${n} unbound PersistentVolumeClaim${n === 1 ? "" : "s"} (${some([...claims])}), is not in the input: without it no provisioner creates ${n === 1 ? "a volume for it" : "their volumes"} (kube-scheduler reads ${n === 1 ? "it as an unbound Immediate claim" : "them as unbound Immediate claims"}) and the pods mounting ${n === 1 ? "it" : "them"} stay pending, as σ shows here; add it (kubectl get storageclass -o yaml)`,
    )
  }
  out.push(...capacityWithoutDriver(storage))
  return out
}

// CSIStorageCapacity objects per provisioner without a CSIDriver, by provisioner name
const capacityWithoutDriver = (storage: StorageObjects): ReadonlyArray<string> => {
  const index = storageIndex(storage)
  const orphans = new Map<string, string[]>()
  for (const c of storage.csiStorageCapacities ?? []) {
    const provisioner = index.storageClass(c.storageClassName)?.provisioner
    // a class not in the input names no provisioner: nothing to say about its driver
    if (provisioner === undefined || provisioner === "" || index.csiDriver(provisioner) !== undefined) continue
    const of = orphans.get(provisioner) ?? []
    of.push(`${c.namespace}/${c.name}`)
    orphans.set(provisioner, of)
  }
  return [...orphans].sort(([a], [b]) => (a < b ? -1 : 1)).map(([provisioner, capacities]) => {
    const n = capacities.length
    return `${n} CSIStorageCapacit${n === 1 ? "y" : "ies"} for provisioner "${provisioner}" (${some(capacities)}) but no CSIDriver "${provisioner}" in the input: kube-scheduler checks storage capacity only for a driver whose CSIDriver sets storageCapacity: true, so σ does not check it here and may place pods where the provisioner has no room; if your cluster has the CSIDriver, add it (kubectl get csidrivers -o yaml)`
  })
}
