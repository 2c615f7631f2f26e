/**
 * VolumeRestrictions' ReadWriteOncePod count in preemption's dry run, as kube-scheduler v1.35
 * keeps it: PreFilter counts the pod's RWOP claims that scheduled pods use (namespace and name);
 * RemovePod then subtracts, per victim, how many of its `persistentVolumeClaim` volumes name one
 * of those claims by *name only*, and AddPod adds them back while victims are reprieved
 * (`conflictingPVCRefCountForPod`). Re-running PreFilter without the victims (what the readable σ
 * did before) differs when a victim in another namespace has a claim of the same name, or when
 * two scheduled pods use the claim. Both schedulers are checked.
 */
import { describe, expect, it } from "vitest"
import {
  type ClusterSnapshot,
  claimReferences,
  defaultProfile,
  hotScheduler,
  type Profile,
  readableScheduler,
  type SchedulingPod,
  volumeRestrictionsRemovePods,
} from "../../src/scheduler/index.ts"
import { boundClaim, podWith, pvcVolume, storage, volume, worker } from "./volumeSupport.ts"

const rwop = { accessModes: ["ReadWriteOncePod" as const] }
// the claims are bound, so VolumeBinding and VolumeZone let the pods through to Filter
const objects = storage({
  persistentVolumeClaims: [boundClaim("data", "pv-data", rwop), boundClaim("data", "pv-other", { namespace: "other" })],
  persistentVolumes: [volume("pv-data", { claimRef: { namespace: "default", name: "data" } }), volume("pv-other", { claimRef: { namespace: "other", name: "data" } })],
})
const profiles: ReadonlyArray<readonly [string, Profile]> = [
  ["default profile", defaultProfile],
  ["VolumeRestrictions alone", { ...defaultProfile, filters: ["VolumeRestrictions"], weights: {} }],
]
const user = (key: string, priority: number): SchedulingPod => podWith(key, [pvcVolume("data")], { priority })
const both = (cluster: ClusterSnapshot, profile: Profile, incoming: SchedulingPod) => {
  const readable = readableScheduler(cluster, { profile }).schedule(incoming, { explain: true })
  const hot = hotScheduler(cluster, { profile }).schedule(incoming, { explain: true })
  return { readable, hot }
}

describe("RemovePod's arithmetic", () => {
  it("counts every volume naming one of the claims, whatever the pod's namespace", () => {
    const names = new Set(["data"])
    expect(claimReferences(podWith("other/x", [pvcVolume("data")]), names)).toBe(1)
    expect(claimReferences(podWith("x", [pvcVolume("data", "a"), pvcVolume("data", "b"), pvcVolume("logs")]), names)).toBe(2)
    expect(claimReferences(podWith("x", [{ name: "e", source: { type: "ephemeral" } }]), new Set(["x-e"]))).toBe(0)
    expect(volumeRestrictionsRemovePods({ readWriteOncePodClaims: names, conflictingClaims: 1 }, [user("a", 0), user("b", 0)]).conflictingClaims).toBe(-1)
  })
})

for (const [name, profile] of profiles) {
  describe(`ReadWriteOncePod in preemption's dry run (${name})`, () => {
    it("a victim in another namespace with a claim of the same name frees the count, so the cheaper node wins", () => {
      // a: a priority-0 pod of namespace other using other/data; b: the holder of default/data, priority 5
      const cluster: ClusterSnapshot = {
        nodes: [worker("a"), worker("b")],
        bound: [
          { pod: user("other/x", 0), node: "a" },
          { pod: user("holder", 5), node: "b" },
        ],
        storage: objects,
      }
      const { readable, hot } = both(cluster, profile, user("urgent", 10))
      // upstream: removing other/x subtracts 1 (same claim name), the count is 0, a fits with the cheaper victim
      expect(readable).toMatchObject({ node: "a", victims: ["other/x"] })
      expect(hot).toEqual(readable)
    })

    it("two pods using the claim on one node: the more important one is reprieved once the count reaches 0", () => {
      const cluster: ClusterSnapshot = {
        nodes: [worker("a")],
        bound: [
          { pod: user("first", 0), node: "a" },
          { pod: user("second", 1), node: "a" },
        ],
        storage: objects,
      }
      const { readable, hot } = both(cluster, profile, user("urgent", 10))
      // 1 − 2 = −1 without both; adding back `second` gives 0: it stays, `first` is the only victim
      expect(readable).toMatchObject({ node: "a", victims: ["default/first"] })
      expect(hot).toEqual(readable)
    })

    it("a single holder is still the victim (the count is exact when one pod uses the claim)", () => {
      const cluster: ClusterSnapshot = { nodes: [worker("a"), worker("b")], bound: [{ pod: user("holder", 1), node: "b" }], storage: objects }
      const { readable, hot } = both(cluster, profile, user("urgent", 10))
      expect(readable).toMatchObject({ node: "b", victims: ["default/holder"] })
      expect(hot).toEqual(readable)
    })
  })
}
