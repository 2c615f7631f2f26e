/**
 * `storageGaps` on storage objects built by hand: which claims count as missing, classless or
 * naming an absent class, which do not (bound or binding, a default class, a PersistentVolume
 * without a class, volumes that are no claims), CSIStorageCapacities whose provisioner has no
 * CSIDriver, and how the warnings are worded and ordered.
 */
import { describe, expect, it } from "vitest"
import { noStorage, pod, type PersistentVolumeClaim, type SchedulingPod, type StorageObjects, storageGaps } from "../../src/scheduler/index.ts"

const mounting = (key: string, ...claims: string[]): SchedulingPod => ({
  ...pod(key, { cpu: 100 }),
  volumes: [
    { name: "config", source: { type: "other", kind: "configMap" } },
    ...claims.map((claimName, i) => ({ name: `v${i}`, source: { type: "persistentVolumeClaim" as const, claimName, readOnly: false } })),
  ],
})
const claim = (name: string, rest: Partial<PersistentVolumeClaim> = {}): PersistentVolumeClaim => ({
  namespace: "ns",
  name,
  accessModes: ["ReadWriteOnce"],
  requestBytes: 2 ** 30,
  phase: "Pending",
  ...rest,
})
const storage = (rest: Partial<StorageObjects>): StorageObjects => ({ ...noStorage, ...rest })
const pv = (name: string, storageClassName: string) => ({ name, labels: {}, capacityBytes: 2 ** 30, accessModes: ["ReadWriteOnce" as const], storageClassName })

describe("storageGaps", () => {
  it("volumes that are no claims, bound claims and claims being bound say nothing", () => {
    const objects = storage({
      persistentVolumeClaims: [claim("bound", { volumeName: "pv1", phase: "Bound" }), claim("binding", { volumeName: "pv2" })],
    })
    expect(storageGaps([mounting("ns/a"), mounting("ns/b", "bound", "binding")], objects)).toEqual([])
  })

  it("missing claims: the pods counted once each, three shown, then the count", () => {
    expect(storageGaps([mounting("ns/a", "c1", "c2"), mounting("ns/b", "c3")], noStorage)).toEqual([
      "2 pods mount PersistentVolumeClaims the input does not hold (ns/c1 for ns/a, ns/c2 for ns/a, ns/c3 for ns/b): kube-scheduler finds no such claim and keeps them pending, as σ does here; if your cluster has them, add them (kubectl get pvc -A -o yaml)",
    ])
    expect(storageGaps([mounting("ns/a", "c1", "c2", "c3", "c4")], noStorage)).toEqual([
      "1 pod mounts PersistentVolumeClaims the input does not hold (ns/c1 for ns/a, ns/c2 for ns/a, ns/c3 for ns/a, … (4 in all)): kube-scheduler finds no such claim and keeps it pending, as σ does here; if your cluster has them, add them (kubectl get pvc -A -o yaml)",
    ])
  })

  it("classless claims: warned unless a default class or a classless PersistentVolume exists (a PersistentVolume of another class does not help)", () => {
    const claims = [claim("c1"), claim("c2")]
    const warning =
      '2 PersistentVolumeClaims name no StorageClass and the input holds no default StorageClass (annotation storageclass.kubernetes.io/is-default-class: "true") nor a PersistentVolume without a class (ns/c1, ns/c2): they stay unbound and the pods mounting them pending, as in a cluster without a default class; if yours has one, add it (kubectl get storageclass -o yaml)'
    expect(storageGaps([mounting("ns/a", "c1", "c2")], storage({ persistentVolumeClaims: claims }))).toEqual([warning])
    expect(storageGaps([mounting("ns/a", "c1", "c2")], storage({ persistentVolumeClaims: claims, persistentVolumes: [pv("pv-fast", "fast")] }))).toEqual([warning])
    expect(storageGaps([mounting("ns/a", "c1", "c2")], storage({ persistentVolumeClaims: claims, persistentVolumes: [pv("pv-plain", "")] }))).toEqual([])
    const byDefault = storage({ persistentVolumeClaims: claims, storageClasses: [{ name: "std", provisioner: "p", volumeBindingMode: "Immediate", isDefault: true }] })
    expect(storageGaps([mounting("ns/a", "c1", "c2")], byDefault)).toEqual([])
    // the same claim mounted twice is one claim
    expect(storageGaps([mounting("ns/a", "c1"), mounting("ns/b", "c1")], storage({ persistentVolumeClaims: [claim("c1")] }))[0]).toMatch(/^1 PersistentVolumeClaim names no StorageClass .*\(ns\/c1\): it stays unbound and the pods mounting it pending/)
  })

  it("absent classes: one warning per class, in name order, worded for one claim or several", () => {
    const objects = storage({
      persistentVolumeClaims: [
        claim("z1", { storageClassName: "zeta" }),
        claim("m1", { storageClassName: "mu" }),
        claim("a1", { storageClassName: "alpha" }),
        claim("a2", { storageClassName: "alpha" }),
        claim("k", { storageClassName: "known" }),
      ],
      storageClasses: [{ name: "known", provisioner: "p", volumeBindingMode: "WaitForFirstConsumer" }],
    })
    const gaps = storageGaps([mounting("ns/p", "a1", "a2", "z1", "m1", "k")], objects)
    expect(gaps.map((g) => g.slice(0, g.indexOf(","))).map((g) => g.replace("StorageClass ", ""))).toEqual(['"alpha"', '"mu"', '"zeta"'])
    expect([gaps[0], gaps[2]]).toEqual([
      'StorageClass "alpha", named by 2 unbound PersistentVolumeClaims (ns/a1, ns/a2), is not in the input: without it no provisioner creates their volumes (kube-scheduler reads them as unbound Immediate claims) and the pods mounting them stay pending, as σ shows here; add it (kubectl get storageclass -o yaml)',
      'StorageClass "zeta", named by 1 unbound PersistentVolumeClaim (ns/z1), is not in the input: without it no provisioner creates a volume for it (kube-scheduler reads it as an unbound Immediate claim) and the pods mounting it stay pending, as σ shows here; add it (kubectl get storageclass -o yaml)',
    ])
  })

  it("CSIStorageCapacities of a provisioner without a CSIDriver: one warning per provisioner, whatever the pods; a driver of any storageCapacity, or a class not in the input, says nothing", () => {
    const cap = (name: string, storageClassName: string) => ({ namespace: "kube-system", name, storageClassName, capacityBytes: 2 ** 30, nodeTopology: {} })
    const classes = [
      { name: "lvm", provisioner: "lvm.csi.example.com", volumeBindingMode: "WaitForFirstConsumer" as const },
      { name: "lvm-fast", provisioner: "lvm.csi.example.com", volumeBindingMode: "WaitForFirstConsumer" as const },
      { name: "ebs", provisioner: "ebs.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer" as const },
      { name: "nfs", provisioner: "nfs.csi.k8s.io", volumeBindingMode: "Immediate" as const },
    ]
    const objects = storage({
      storageClasses: classes,
      csiDrivers: [{ name: "nfs.csi.k8s.io", storageCapacity: false }],
      csiStorageCapacities: [cap("a", "lvm"), cap("b", "lvm-fast"), cap("c", "ebs"), cap("d", "nfs"), cap("e", "absent"), cap("f", "lvm"), cap("g", "lvm")],
    })
    expect(storageGaps([], objects)).toEqual([
      '1 CSIStorageCapacity for provisioner "ebs.csi.aws.com" (kube-system/c) but no CSIDriver "ebs.csi.aws.com" in the input: kube-scheduler checks storage capacity only for a driver whose CSIDriver sets storageCapacity: true, so σ does not check it here and may place pods where the provisioner has no room; if your cluster has the CSIDriver, add it (kubectl get csidrivers -o yaml)',
      '4 CSIStorageCapacities for provisioner "lvm.csi.example.com" (kube-system/a, kube-system/b, kube-system/f, … (4 in all)) but no CSIDriver "lvm.csi.example.com" in the input: kube-scheduler checks storage capacity only for a driver whose CSIDriver sets storageCapacity: true, so σ does not check it here and may place pods where the provisioner has no room; if your cluster has the CSIDriver, add it (kubectl get csidrivers -o yaml)',
    ])
    expect(storageGaps([], storage({ ...objects, csiDrivers: [...(objects.csiDrivers ?? []), { name: "ebs.csi.aws.com", storageCapacity: true }, { name: "lvm.csi.example.com", storageCapacity: false }] }))).toEqual([])
  })
})
