/**
 * A VMI's virt-launcher pod as the scheduler sees it, rendered as KubeVirt v1.9.0's
 * virt-controller does (`services/template.go`, `nodeselectorrenderer.go`):
 *
 * - requests: Ω′ (`src/domain/kubevirt/virtLauncherPod.ts`), overhead included;
 * - labels: the VMI's, then `kubevirt.io: virt-launcher`, `kubevirt.io/created-by: <VMI uid>`,
 *   `vm.kubevirt.io/name: <hostname>` and `vmi.kubevirt.io/id`; the controller is the VMI
 *   (`kubevirt.io/v1`), so PodTopologySpread gives it system-default spreading only when a Service
 *   selects it (upstream `DefaultSelector` knows only ReplicationControllers, ReplicaSets and
 *   StatefulSets as owners);
 * - nodeSelector: `kubevirt.io/schedulable: "true"`, `kubernetes.io/arch` for an explicit
 *   `spec.architecture`, the VMI's own, then `"true"` for `kubevirt.io/cpumanager` (dedicated
 *   CPUs), `cpu-model.node.kubevirt.io/<model>` (a named model), `cpu-feature.node.kubevirt.io/<f>`
 *   (features with policy require), `machine-type.node.kubevirt.io/<type>` (an explicit machine
 *   type), `kubevirt.io/realtime`, `kubevirt.io/sev`, `kubevirt.io/sev-es`, `kubevirt.io/sev-snp`,
 *   `kubevirt.io/tdx`, `kubevirt.io/s390-pv`;
 * - affinity: the VMI's, with `node-labeller.kubevirt.io/obsolete-host-model DoesNotExist` added
 *   to every required node term for a host-model CPU (KubeVirt's default model) and
 *   `DoesNotExist` of the feature label for each feature with policy forbid; tolerations and
 *   spread constraints copied;
 * - volumes: persistentVolumeClaim, ephemeral and dataVolume volumes become PVC volumes (a
 *   DataVolume's claim has its name; hotpluggable ones are not in the launcher pod), hostDisk a
 *   hostPath;
 * - images: the containerDisk and kernel-boot images (the virt-launcher image itself depends on
 *   the installation and is left out).
 *
 * The defaults KubeVirt's webhook takes from the KubeVirt CR (architecture, machine type, a
 * cluster-wide CPU model, `developerConfiguration.nodeSelectors`) are cluster configuration, not
 * part of the manifest, and are not applied. catcluster keeps `requiredFeatures`, `requiresKvm`
 * and the NUMA requirement of dedicated CPUs for its own VM filters.
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import * as E from "fp-ts/lib/Either.js"
import type { Affinity } from "../../domain/manifest/codecs/pod.ts"
import type { VirtualMachineInstanceSpec } from "../../domain/manifest/codecs/kubevirt.ts"
import { decodeVmiSpec } from "../../domain/kubevirt/VmiSpec.ts"
import { KVM_DEVICE, virtLauncherPod } from "../../domain/kubevirt/virtLauncherPod.ts"
import type { Labels } from "../model/LabelSelector.ts"
import type { SchedulingPod } from "../model/SchedulingPod.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { type Locate } from "./fieldErrors.ts"
import { dynamicResourcesRefused, placementOf } from "./pod.ts"
import { podVolumesOf } from "./storage.ts"

/** KubeVirt's node and pod label keys (v1.9.0, `kubevirt.io/api/core/v1`). @since 0.1.0 @category constants */
export const KUBEVIRT_LABELS = {
  app: "kubevirt.io",
  createdBy: "kubevirt.io/created-by",
  vmName: "vm.kubevirt.io/name",
  vmiId: "vmi.kubevirt.io/id",
  schedulable: "kubevirt.io/schedulable",
  cpuManager: "kubevirt.io/cpumanager",
  cpuModel: "cpu-model.node.kubevirt.io/",
  cpuFeature: "cpu-feature.node.kubevirt.io/",
  machineType: "machine-type.node.kubevirt.io/",
  obsoleteHostModel: "node-labeller.kubevirt.io/obsolete-host-model",
  realtime: "kubevirt.io/realtime",
  sev: "kubevirt.io/sev",
  sevEs: "kubevirt.io/sev-es",
  sevSnp: "kubevirt.io/sev-snp",
  tdx: "kubevirt.io/tdx",
  secureExecution: "kubevirt.io/s390-pv",
} as const

/** A VMI to render: its identity, decoded spec and the plain document Ω′ reads. @since 0.1.0 @category model */
export interface VmiSource {
  readonly namespace: string
  readonly name: string
  readonly uid: string
  readonly labels: Labels
  readonly spec: VirtualMachineInstanceSpec
  /** The VMI or VirtualMachine document as written (quantities as text). */
  readonly raw: unknown
  readonly file: string
  /** Where the VMI spec's fields are (`spec` or `spec.template.spec`). */
  readonly locate: Locate
  /** Where a path of the whole document is. */
  readonly locateDocument: Locate
  readonly priority: number
  readonly creationTimestamp?: number
  readonly terminating?: boolean
}

const DNS_LABEL_MAX = 63

/**
 * `vmi.kubevirt.io/id`: the name, or for names over 63 characters the first 54, "-" and eight
 * hex digits of the name's SHA-1 (`CalculateVirtualMachineInstanceID`).
 *
 * @since 0.1.0
 * @category destructors
 */
export const vmiId = (name: string): string =>
  name.length <= DNS_LABEL_MAX ? name : `${name.slice(0, DNS_LABEL_MAX - 9)}-${createHash("sha1").update(name).digest("hex").slice(0, 8)}`

/**
 * The launcher pod's labels for a VMI (`podLabels`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const launcherLabels = (vmi: { readonly name: string; readonly uid: string; readonly labels: Labels; readonly hostname?: string }): Labels => {
  const hostname = vmi.hostname !== undefined && vmi.hostname !== "" ? vmi.hostname : (vmi.name.split(".")[0] ?? "").slice(0, DNS_LABEL_MAX)
  return {
    ...vmi.labels,
    [KUBEVIRT_LABELS.app]: "virt-launcher",
    [KUBEVIRT_LABELS.createdBy]: vmi.uid,
    [KUBEVIRT_LABELS.vmName]: hostname,
    [KUBEVIRT_LABELS.vmiId]: vmiId(vmi.name),
  }
}

const record = (u: unknown): Readonly<Record<string, unknown>> | undefined =>
  typeof u === "object" && u !== null && !Array.isArray(u) ? (u as Record<string, unknown>) : undefined

/**
 * The launcher pod's nodeSelector (`NodeSelectorRenderer.Render`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const launcherNodeSelector = (spec: VirtualMachineInstanceSpec): Readonly<Record<string, string>> => {
  const out: Record<string, string> = { [KUBEVIRT_LABELS.schedulable]: "true" }
  if (spec.architecture !== undefined && spec.architecture !== "") out["kubernetes.io/arch"] = spec.architecture.toLowerCase()
  Object.assign(out, spec.nodeSelector ?? {})
  const cpu = spec.domain.cpu
  if (cpu?.dedicatedCpuPlacement === true) out[KUBEVIRT_LABELS.cpuManager] = "true"
  const model = cpu?.model ?? ""
  if (model !== "" && model !== "host-model" && model !== "host-passthrough") out[`${KUBEVIRT_LABELS.cpuModel}${model}`] = "true"
  // the renderer adds feature labels only with a model, which KubeVirt's defaulting always sets
  for (const f of cpu?.features ?? []) if ((f.policy ?? "") === "" || f.policy === "require") out[`${KUBEVIRT_LABELS.cpuFeature}${f.name}`] = "true"
  const machine = record(spec.domain.machine)?.["type"]
  if (typeof machine === "string" && machine !== "") out[`${KUBEVIRT_LABELS.machineType}${machine}`] = "true"
  if (cpu?.realtime !== undefined) out[KUBEVIRT_LABELS.realtime] = "true"
  const security = record(spec.domain.launchSecurity)
  if (security !== undefined) {
    const sev = record(security["sev"])
    if (sev !== undefined || security["snp"] !== undefined) out[KUBEVIRT_LABELS.sev] = "true"
    if (record(sev?.["policy"])?.["encryptedState"] === true) out[KUBEVIRT_LABELS.sevEs] = "true"
    if (security["snp"] !== undefined) out[KUBEVIRT_LABELS.sevSnp] = "true"
    if (security["tdx"] !== undefined) out[KUBEVIRT_LABELS.tdx] = "true"
    if (spec.architecture === "s390x") out[KUBEVIRT_LABELS.secureExecution] = "true"
  }
  return out
}

/** `modifyNodeAffintyToRejectLabel`: `label DoesNotExist` ANDed into every required term (or a new one). */
const rejectLabel = (affinity: Affinity | undefined, label: string): Affinity => {
  const requirement = { key: label, operator: "DoesNotExist" as const }
  const required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  const terms = required === undefined ? [{ matchExpressions: [requirement] }] : required.nodeSelectorTerms.map((t) => ({ ...t, matchExpressions: [...(t.matchExpressions ?? []), requirement] }))
  return { ...affinity, nodeAffinity: { ...affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } }
}

/**
 * The launcher pod's affinity: the VMI's, plus KubeVirt's host-model and forbidden-feature rules.
 *
 * @since 0.1.0
 * @category constructors
 */
export const launcherAffinity = (spec: VirtualMachineInstanceSpec): Affinity | undefined => {
  let affinity = spec.affinity
  const model = spec.domain.cpu?.model ?? ""
  if (model === "" || model === "host-model") affinity = rejectLabel(affinity, KUBEVIRT_LABELS.obsoleteHostModel)
  for (const f of spec.domain.cpu?.features ?? []) if (f.policy === "forbid") affinity = rejectLabel(affinity, `${KUBEVIRT_LABELS.cpuFeature}${f.name}`)
  return affinity
}

/** The VMI's volumes as the launcher pod's (`VolumeRenderer`), in pod-volume form. */
const launcherVolumes = (spec: VirtualMachineInstanceSpec): ReadonlyArray<unknown> =>
  (spec.volumes ?? []).flatMap((v): ReadonlyArray<unknown> => {
    const name = v["name"]
    const pvc = record(v["persistentVolumeClaim"])
    if (pvc !== undefined && pvc["hotpluggable"] !== true) return [{ name, persistentVolumeClaim: { claimName: pvc["claimName"], readOnly: pvc["readOnly"] === true } }]
    const ephemeral = record(record(v["ephemeral"])?.["persistentVolumeClaim"])
    if (ephemeral !== undefined) return [{ name, persistentVolumeClaim: ephemeral }]
    const dv = record(v["dataVolume"])
    if (dv !== undefined && dv["hotpluggable"] !== true) return [{ name, persistentVolumeClaim: { claimName: dv["name"] } }]
    const hostDisk = record(v["hostDisk"])
    if (hostDisk !== undefined) return [{ name, hostPath: { path: hostDisk["path"] } }]
    return []
  })

const launcherImages = (spec: VirtualMachineInstanceSpec): ReadonlyArray<string> => {
  const out: string[] = []
  for (const v of spec.volumes ?? []) {
    const image = record(v["containerDisk"])?.["image"]
    if (typeof image === "string" && image !== "") out.push(image)
  }
  const kernel = record(record(record(spec.domain.firmware)?.["kernelBoot"])?.["container"])?.["image"]
  if (typeof kernel === "string" && kernel !== "") out.push(kernel)
  return out
}

/**
 * The virt-launcher pod of a VMI.
 *
 * @since 0.1.0
 * @category constructors
 */
export const launcherPodOf = (vmi: VmiSource): SchedulingPod => {
  const key = `${vmi.namespace}/${vmi.name}`
  if ((vmi.spec.resourceClaims ?? []).length > 0) throw dynamicResourcesRefused(key, vmi.locate("resourceClaims"))
  const r = decodeVmiSpec(vmi.raw, vmi.file)
  if (E.isLeft(r)) throw new SchedulerInputError(vmi.locateDocument(r.left.path), r.left.problem)
  const launcher = virtLauncherPod(r.right)
  const requests: Record<string, number> = {}
  for (const [k, v] of Object.entries(launcher.requests)) requests[k] = Number(v)
  const spec = vmi.spec
  const features = (spec.domain.cpu?.features ?? []).filter((f) => (f.policy ?? "require") === "require").map((f) => f.name)
  const affinity = launcherAffinity(spec)
  const base = placementOf(
    {
      nodeSelector: launcherNodeSelector(spec),
      ...(spec.tolerations === undefined ? {} : { tolerations: spec.tolerations }),
      ...(affinity === undefined ? {} : { affinity }),
      ...(spec.topologySpreadConstraints === undefined ? {} : { topologySpreadConstraints: spec.topologySpreadConstraints }),
    },
    vmi.locate,
  )
  const guest = Number(r.right.memoryGuest ?? r.right.requests["memory"] ?? 0n)
  const volumes = podVolumesOf(launcherVolumes(spec))
  const images = launcherImages(spec)
  return {
    key,
    containers: [{ name: "compute", requests }],
    initContainers: [],
    overhead: {},
    ...base,
    // virt-controller copies the VMI's schedulerName to its launcher pod
    ...(spec.schedulerName === undefined || spec.schedulerName === "" ? {} : { schedulerName: spec.schedulerName }),
    priority: vmi.priority,
    requiredFeatures: features,
    requiresKvm: requests[KVM_DEVICE] !== undefined,
    ...(launcher.dedicatedCpus
      ? // the isolated emulator thread's core is pinned too, so count the whole cpu request
        { numa: { vcpus: Math.ceil((requests["cpu"] ?? 1000 * launcher.vcpus) / 1000), memoryBytes: guest, hugepages: r.right.hugepagesPageSize !== undefined } }
      : {}),
    namespace: vmi.namespace,
    labels: launcherLabels({ name: vmi.name, uid: vmi.uid, labels: vmi.labels, ...(spec.hostname === undefined ? {} : { hostname: spec.hostname }) }),
    controller: { apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", name: vmi.name },
    ...(images.length === 0 ? {} : { images }),
    ...(volumes.length === 0 ? {} : { volumes }),
    ...(vmi.creationTimestamp === undefined ? {} : { creationTimestamp: vmi.creationTimestamp }),
    ...(vmi.terminating === true ? { terminating: true } : {}),
  }
}
