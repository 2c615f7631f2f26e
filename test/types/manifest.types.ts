/**
 * Type-level tests for manifests, quantities and resources. Checked by `npm run typecheck`
 * (tsc): every `@ts-expect-error` below must stay an error, every other line must compile.
 */
import { match } from "ts-pattern"
import { ofKind } from "../../src/domain/manifest/index.ts"
import type { Manifest, ManifestOf } from "../../src/domain/manifest/index.ts"
import type { Quantity } from "../../src/domain/quantity/index.ts"
import { podRequests, resourceArrow, ResourceOrder } from "../../src/domain/resources/index.ts"
import type { ResourceVector } from "../../src/domain/resources/index.ts"

declare const manifests: ReadonlyArray<Manifest>
declare const m: Manifest

// --- must compile ---
// an exhaustive match over every kind, checked by ts-pattern
export const kindName = (x: Manifest): string =>
  match(x)
    .with({ kind: "Pod" }, (p) => p.spec.containers[0]?.name ?? "")
    .with({ kind: "Deployment" }, { kind: "ReplicaSet" }, { kind: "StatefulSet" }, { kind: "DaemonSet" }, { kind: "Job" }, (w) => w.spec.template.spec.containers.length.toString())
    .with({ kind: "ReplicationController" }, (r) => String(r.spec?.replicas ?? 1))
    .with({ kind: "Node" }, (n) => n.metadata?.name ?? "")
    .with({ kind: "Namespace" }, (n) => n.metadata?.labels?.["team"] ?? "")
    .with({ kind: "PodDisruptionBudget" }, (p) => String(p.spec?.minAvailable ?? p.spec?.maxUnavailable ?? ""))
    .with({ kind: "VirtualMachine" }, (v) => v.spec.runStrategy ?? "")
    .with({ kind: "VirtualMachineInstance" }, (v) => String(v.spec.domain.cpu?.cores ?? 1))
    .with({ kind: "VirtualMachineInstanceReplicaSet" }, (rs) => String(rs.spec.replicas ?? 1))
    .with({ kind: "VirtualMachinePool" }, (pool) => pool.spec.virtualMachineTemplate.spec.runStrategy ?? "")
    .with({ kind: "KubeVirt" }, (kv) => kv.spec?.configuration?.evictionStrategy ?? "")
    .with({ kind: "VirtualMachineInstanceMigration" }, (mig) => mig.spec.vmiName)
    .with({ kind: "MigrationPolicy" }, (p) => String(p.spec?.allowPostCopy))
    .with({ kind: "PersistentVolumeClaim" }, (p) => p.spec.accessModes?.join(",") ?? "")
    .with({ kind: "PersistentVolume" }, (p) => p.spec?.csi?.driver ?? "")
    .with({ kind: "StorageClass" }, (c) => c.provisioner)
    .with({ kind: "CSINode" }, (c) => c.spec.drivers.map((d) => d.name).join(","))
    .with({ kind: "CSIDriver" }, (d) => String(d.spec.storageCapacity))
    .with({ kind: "CSIStorageCapacity" }, (c) => c.storageClassName)
    .with({ kind: "VolumeAttachment" }, (a) => a.spec.attacher)
    .with({ kind: "ResourceQuota" }, (q) => Object.keys(q.spec?.hard ?? {}).join(","))
    .with({ kind: "PriorityClass" }, (p) => String(p.value))
    .with({ kind: "RuntimeClass" }, (r) => r.handler)
    .with({ kind: "LimitRange" }, (l) => l.spec.limits.map((i) => i.type).join(","))
    .with({ kind: "Service" }, (s) => String(s.spec?.ports?.[0]?.port))
    .with({ kind: "EndpointSlice" }, (e) => e.addressType)
    .with({ kind: "HorizontalPodAutoscaler" }, (h) => String(h.spec.maxReplicas))
    .with({ kind: "Unknown" }, (g) => g.declaredKind)
    .exhaustive()

export const pods: ReadonlyArray<ManifestOf<"Pod">> = ofKind("Pod")(manifests)
export const cpuOfFirst: Quantity | undefined = pods[0]?.spec.containers[0]?.resources?.requests?.["cpu"]
export const request: ResourceVector = podRequests(pods[0]!.spec)
export const vmiGuest: Quantity | undefined = ofKind("VirtualMachineInstance")(manifests)[0]?.spec.domain.memory?.guest
export const arrow = resourceArrow(request, request)
export const identity = ResourceOrder.id(request)

// --- must not compile ---
// @ts-expect-error a match that forgets kinds is not exhaustive
match(m).with({ kind: "Pod" }, () => 1).exhaustive()
// @ts-expect-error a Node has no containers
ofKind("Node")(manifests)[0]?.spec?.containers
// @ts-expect-error a generic manifest has no typed spec
ofKind("Unknown")(manifests)[0]?.spec
// @ts-expect-error kinds are a closed set
ofKind("Widget")
// @ts-expect-error a quantity is not a number
export const notNumber: number = cpuOfFirst
// @ts-expect-error a VMI spec is not a pod spec (no containers)
podRequests(ofKind("VirtualMachineInstance")(manifests)[0]!.spec)
// @ts-expect-error runStrategy is an enumeration
export const strategy: ManifestOf<"VirtualMachine">["spec"]["runStrategy"] = "Sometimes"
