/**
 * What a drain does to a VMI: its effective eviction strategy (own, KubeVirt CR, KubeVirt's
 * default None), migratability, and the migration settings from defaults, CR and the
 * MigrationPolicy that selects it (most matching labels, then name).
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import {
  clusterEvictionStrategy,
  effectiveEvictionStrategy,
  kubevirtMigrationDefaults,
  liveMigratable,
  migratesOnDrain,
  migrationContext,
  migrationSettingsFor,
  selectPolicy,
} from "../../../src/domain/kubevirt/migrationSettings.ts"
import { vmiSpec } from "../../../src/domain/kubevirt/VmiSpec.ts"
import { decodeManifests, showManifestError } from "../../../src/domain/manifest/index.ts"
import type { Manifest, ManifestOf } from "../../../src/domain/manifest/Manifest.ts"

const decode = (text: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(text, "kv.yaml")
  if (E.isLeft(r)) throw new Error(r.left.map(showManifestError).join("\n"))
  return r.right
}

const cr = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: { name: kubevirt, namespace: kubevirt }
spec:
  configuration:
    evictionStrategy: LiveMigrate
    migrations: { bandwidthPerMigration: 64Mi, completionTimeoutPerGiB: 800, allowPostCopy: true }
`
const policies = `apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata: { name: b-broad }
spec: { bandwidthPerMigration: 1Gi, selectors: { virtualMachineInstanceSelector: { app: db } } }
---
apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata: { name: a-broad }
spec: { bandwidthPerMigration: 2Gi, selectors: { virtualMachineInstanceSelector: { app: db } } }
---
apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata: { name: z-narrow }
spec: { allowAutoConverge: true, selectors: { virtualMachineInstanceSelector: { app: db }, namespaceSelector: { tier: data } } }
---
apiVersion: v1
kind: Namespace
metadata: { name: data, labels: { tier: data } }
`

describe("eviction strategy", () => {
  it("the VMI's own, else the KubeVirt CR's, else KubeVirt's default None", () => {
    const none = clusterEvictionStrategy([])
    expect(none).toEqual({ strategy: "None", from: "KubeVirt's default" })
    const withCr = clusterEvictionStrategy(decode(cr))
    expect(withCr).toEqual({ strategy: "LiveMigrate", from: "KubeVirt CR kubevirt" })
    expect(effectiveEvictionStrategy({ domain: {} }, withCr)).toEqual(withCr)
    expect(effectiveEvictionStrategy({ domain: {}, evictionStrategy: "None" }, withCr)).toEqual({ strategy: "None", from: "the VMI" })
  })

  it("a drain migrates only a migratable VMI; LiveMigrate on a non-migratable one is refused, IfPossible shuts it down", () => {
    expect(migratesOnDrain("LiveMigrate", true)).toBe(true)
    expect(migratesOnDrain("LiveMigrate", false)).toBe(false)
    expect(migratesOnDrain("LiveMigrateIfPossible", true)).toBe(true)
    expect(migratesOnDrain("LiveMigrateIfPossible", false)).toBe(false)
    expect(migratesOnDrain("None", true)).toBe(false)
    expect(migratesOnDrain("External", true)).toBe(false)
  })

  it("VFIO devices and a PVC without ReadWriteMany make a VMI non-migratable; an absent PVC is an assumption", () => {
    const plain = vmiSpec({ name: "v" })
    const gpu = vmiSpec({ name: "g", gpus: [{ name: "gpu1", deviceName: "nvidia.com/gpu" }] })
    expect(liveMigratable(plain, { domain: {} }, "ns", []).migratable).toBe(true)
    expect(liveMigratable(gpu, { domain: {} }, "ns", [])).toMatchObject({ migratable: false, reason: "GPU passthrough (VFIO) is not live-migratable" })
    const claims = decode(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: rwo, namespace: ns }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }
`) as ReadonlyArray<ManifestOf<"PersistentVolumeClaim">>
    const onRwo = liveMigratable(plain, { domain: {}, volumes: [{ name: "d", persistentVolumeClaim: { claimName: "rwo" } }] }, "ns", claims)
    expect(onRwo).toMatchObject({ migratable: false, reason: "PVC rwo is not ReadWriteMany (ReadWriteOnce)" })
    const absent = liveMigratable(plain, { domain: {}, volumes: [{ name: "d", dataVolume: { name: "elsewhere" } }] }, "ns", claims)
    expect(absent).toEqual({ migratable: true, reason: undefined, assumptions: ["PVC elsewhere is not in the input: assumed ReadWriteMany"] })
  })
})

describe("migration settings", () => {
  it("KubeVirt defaults when nothing is given: bandwidth unlimited, 150 s per GiB", () => {
    expect(migrationSettingsFor(migrationContext([]), {}, "default")).toEqual(kubevirtMigrationDefaults)
    expect(kubevirtMigrationDefaults.bandwidthMiBps).toBeUndefined()
    expect(kubevirtMigrationDefaults.completionTimeoutPerGiB).toBe(150)
  })

  it("the CR overrides the defaults and the selecting policy overrides the CR", () => {
    const ctx = migrationContext([...decode(cr), ...decode(policies)])
    const elsewhere = migrationSettingsFor(ctx, { app: "web" }, "default")
    expect(elsewhere).toMatchObject({ bandwidthMiBps: 64, completionTimeoutPerGiB: 800, allowPostCopy: true, policy: undefined, sources: ["KubeVirt CR kubevirt"] })
    // two policies match one label each: the first by name wins
    const db = migrationSettingsFor(ctx, { app: "db" }, "default")
    expect(db).toMatchObject({ bandwidthMiBps: 2048, completionTimeoutPerGiB: 800, policy: "a-broad", sources: ["KubeVirt CR kubevirt", "MigrationPolicy a-broad"] })
    // in namespace data the narrow policy matches two labels (VMI + namespace) and wins
    const dataDb = migrationSettingsFor(ctx, { app: "db" }, "data")
    expect(dataDb).toMatchObject({ bandwidthMiBps: 64, allowAutoConverge: true, policy: "z-narrow" })
    expect(selectPolicy(ctx, { app: "db" }, "data")?.metadata?.name).toBe("z-narrow")
    expect(selectPolicy(ctx, { app: "web" }, "data")).toBeUndefined()
  })
})
