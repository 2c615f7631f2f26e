/**
 * VolumeZone (kube-scheduler v1.35): upstream's TestSingleZone (14 cases), TestMultiZone (5) and
 * TestWithBinding (5) restated = 24 cases. One of TestWithBinding's fixtures is a StorageClass
 * without `volumeBindingMode`, which the API server never stores (it defaults to Immediate); that
 * case is restated with an Immediate class, for which upstream answers "PersistentVolume had no
 * name". Upstream's fake listers print plural resource names in not-found messages; the real
 * listers (and catcluster) print the singular ones.
 */
import { describe, expect, it } from "vitest"
import { REASON_VOLUME_ZONE_CONFLICT, volumeZoneFilterPlugin, zonesOf } from "../../src/scheduler/index.ts"
import { boundClaim, claim, podWith, pvcVolume, runPlugin, storage, storageClass, volume, worker } from "./volumeSupport.ts"

const BETA_ZONE = "failure-domain.beta.kubernetes.io/zone"
const BETA_REGION = "failure-domain.beta.kubernetes.io/region"
const ZONE = "topology.kubernetes.io/zone"
const REGION = "topology.kubernetes.io/region"

const conflict = { code: "UnschedulableAndUnresolvable", reasons: [REASON_VOLUME_ZONE_CONFLICT] }
const ok = { code: "Success", reasons: [] }
const podUsing = (claimName: string) => podWith("pod_1", [pvcVolume(claimName)])

const singleZone = storage({
  persistentVolumes: [
    volume("Vol_1", { labels: { [BETA_ZONE]: "us-west1-a" } }),
    volume("Vol_2", { labels: { [BETA_REGION]: "us-west1", uselessLabel: "none" } }),
    volume("Vol_3", { labels: { [BETA_REGION]: "us-west1" } }),
    volume("Vol_Stable_1", { labels: { [ZONE]: "us-west1-a" } }),
    volume("Vol_Stable_2", { labels: { [REGION]: "us-west1", uselessLabel: "none" } }),
    volume("Vol_Stable_3", { labels: { [ZONE]: "us-west1-a", [REGION]: "us-west1-a" } }),
  ],
  persistentVolumeClaims: [
    boundClaim("PVC_1", "Vol_1"),
    boundClaim("PVC_2", "Vol_2"),
    boundClaim("PVC_3", "Vol_3"),
    boundClaim("PVC_4", "Vol_not_exist"),
    boundClaim("PVC_Stable_1", "Vol_Stable_1"),
    boundClaim("PVC_Stable_2", "Vol_Stable_2"),
    boundClaim("PVC_Stable_3", "Vol_Stable_3"),
  ],
})

describe("VolumeZone: upstream TestSingleZone", () => {
  const table: ReadonlyArray<[string, string | undefined, Readonly<Record<string, string>>, boolean]> = [
    ["node without labels", "PVC_1", {}, true],
    ["beta zone label matched", "PVC_1", { [BETA_ZONE]: "us-west1-a", uselessLabel: "none" }, true],
    ["beta region label matched", "PVC_2", { [BETA_REGION]: "us-west1", uselessLabel: "none" }, true],
    ["beta region label doesn't match", "PVC_2", { [BETA_REGION]: "no_us-west1", uselessLabel: "none" }, false],
    ["beta zone label doesn't match", "PVC_1", { [BETA_ZONE]: "no_us-west1-a", uselessLabel: "none" }, false],
    ["zone label matched", "PVC_Stable_1", { [ZONE]: "us-west1-a", uselessLabel: "none" }, true],
    ["region label matched", "PVC_Stable_2", { [REGION]: "us-west1", uselessLabel: "none" }, true],
    ["region label doesn't match", "PVC_Stable_2", { [REGION]: "no_us-west1", uselessLabel: "none" }, false],
    ["zone label doesn't match", "PVC_Stable_1", { [ZONE]: "no_us-west1-a", uselessLabel: "none" }, false],
    ["pv with zone and region, node with only zone", "PVC_Stable_3", { [ZONE]: "us-west1-a" }, false],
    ["pv with zone,node with beta zone", "PVC_Stable_1", { [BETA_ZONE]: "us-west1-a" }, false],
    ["pv with beta label,node with ga label, matched", "PVC_1", { [ZONE]: "us-west1-a" }, true],
    ["pv with beta label,node with ga label, don't match", "PVC_1", { [ZONE]: "us-west1-b" }, false],
  ]
  it("pod without volume: PreFilter skips, Filter passes", () => {
    const r = runPlugin(volumeZoneFilterPlugin, podWith("pod_1", []), [{ node: worker("host1", { [BETA_ZONE]: "us-west1-a" }) }], singleZone)
    expect(r.preFilter).toEqual({ kind: "skip" })
    expect(r.filter).toEqual([ok])
  })
  for (const [name, pvc, labels, fits] of table) {
    it(name, () => {
      const r = runPlugin(volumeZoneFilterPlugin, podUsing(pvc as string), [{ node: { ...worker("host1"), labels } }], singleZone)
      expect(r.preFilter?.kind).toBe("proceed")
      expect(r.filter).toEqual([fits ? ok : conflict])
    })
  }
})

describe("VolumeZone: upstream TestMultiZone (values joined by __)", () => {
  const objects = storage({
    persistentVolumes: [
      volume("Vol_1", { labels: { [BETA_ZONE]: "us-west1-a" } }),
      volume("Vol_2", { labels: { [BETA_ZONE]: "us-west1-b", uselessLabel: "none" } }),
      volume("Vol_3", { labels: { [BETA_ZONE]: "us-west1-c__us-west1-a" } }),
      volume("Vol_Stable_1", { labels: { [ZONE]: "us-west1-a" } }),
      volume("Vol_Stable_2", { labels: { [ZONE]: "us-west1-c__us-west1-a" } }),
    ],
    persistentVolumeClaims: [
      boundClaim("PVC_1", "Vol_1"),
      boundClaim("PVC_2", "Vol_2"),
      boundClaim("PVC_3", "Vol_3"),
      boundClaim("PVC_4", "Vol_not_exist"),
      boundClaim("PVC_Stable_1", "Vol_Stable_1"),
      boundClaim("PVC_Stable_2", "Vol_Stable_2"),
    ],
  })
  const table: ReadonlyArray<[string, string, Readonly<Record<string, string>>, boolean]> = [
    ["node without labels", "PVC_3", {}, true],
    ["beta zone label matched", "PVC_3", { [BETA_ZONE]: "us-west1-a", uselessLabel: "none" }, true],
    ["beta zone label doesn't match", "PVC_1", { [BETA_ZONE]: "us-west1-b", uselessLabel: "none" }, false],
    ["zone label matched", "PVC_Stable_2", { [ZONE]: "us-west1-a", uselessLabel: "none" }, true],
    ["zone label doesn't match", "PVC_Stable_1", { [ZONE]: "us-west1-b", uselessLabel: "none" }, false],
  ]
  for (const [name, pvc, labels, fits] of table) {
    it(name, () => {
      expect(runPlugin(volumeZoneFilterPlugin, podUsing(pvc), [{ node: { ...worker("host1"), labels } }], objects).filter).toEqual([fits ? ok : conflict])
    })
  }
  it("LabelZonesToSet: trimmed parts; an empty part makes the label unusable (ignored)", () => {
    expect([...(zonesOf(" a __b") ?? [])]).toEqual(["a", "b"])
    expect(zonesOf("a____b")).toBeUndefined()
    const broken = storage({ persistentVolumes: [volume("v", { labels: { [ZONE]: "a__" } })], persistentVolumeClaims: [boundClaim("c", "v")] })
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("c"), [{ node: worker("n", { [ZONE]: "b" }) }], broken).preFilter).toEqual({ kind: "skip" })
  })
})

describe("VolumeZone: upstream TestWithBinding", () => {
  const objects = storage({
    storageClasses: [storageClass("Class_Immediate"), storageClass("Class_Wait", { volumeBindingMode: "WaitForFirstConsumer" })],
    persistentVolumes: [volume("Vol_1", { labels: { [BETA_ZONE]: "us-west1-a" } })],
    persistentVolumeClaims: [
      boundClaim("PVC_1", "Vol_1"),
      claim("PVC_NoSC", { storageClassName: "Class_0" }),
      claim("PVC_EmptySC"),
      claim("PVC_WaitSC", { storageClassName: "Class_Wait" }),
      claim("PVC_ImmediateSC", { storageClassName: "Class_Immediate" }),
    ],
  })
  const node = worker("host1", { [BETA_ZONE]: "us-west1-a", uselessLabel: "none" })
  const rejected = (message: string) => ({ kind: "reject", status: { code: "UnschedulableAndUnresolvable", reasons: [message] } })

  it("label zone failure domain matched", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_1"), [{ node }], objects).filter).toEqual([ok])
  })
  it("unbound volume empty storage class", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_EmptySC"), [{ node }], objects).preFilter).toEqual(rejected("PersistentVolumeClaim had no pv name and storageClass name"))
  })
  it("unbound volume no storage class", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_NoSC"), [{ node }], objects).preFilter).toEqual(rejected('storageclass.storage.k8s.io "Class_0" not found'))
  })
  it("unbound volume immediate binding mode", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_ImmediateSC"), [{ node }], objects).preFilter).toEqual(rejected("PersistentVolume had no name"))
  })
  it("unbound volume wait binding mode: skipped", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_WaitSC"), [{ node }], objects).preFilter).toEqual({ kind: "skip" })
  })
  it("and the not-found rejections for a missing claim or PV", () => {
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("nope"), [{ node }], objects).preFilter).toEqual(rejected('persistentvolumeclaim "nope" not found'))
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_4"), [{ node }], singleZone).preFilter).toEqual(rejected('persistentvolume "Vol_not_exist" not found'))
  })
  it("an unbound claim without a class takes the default class", () => {
    const withDefault = storage({ ...objects, storageClasses: [...objects.storageClasses, storageClass("std", { volumeBindingMode: "WaitForFirstConsumer", isDefault: true })] })
    expect(runPlugin(volumeZoneFilterPlugin, podUsing("PVC_EmptySC"), [{ node }], withDefault).preFilter).toEqual({ kind: "skip" })
  })
})
