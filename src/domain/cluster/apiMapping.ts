/**
 * S1.8's "isomorphism degree", computed from data: every field of a Kubernetes v1.35 `PodSpec`
 * and of a KubeVirt v1.9 `VirtualMachineInstanceSpec`, each with its counterpart on the other
 * side and how well it carries over:
 *
 * - `mapped`: same meaning and shape (an isomorphism on that field);
 * - `partial`: a counterpart exists but covers part of the meaning or has another shape;
 * - `none`: no counterpart.
 *
 * The degree is the share of fields that map, under three readings: strict (mapped only),
 * weighted (partial counts ½) and lenient (partial counts 1), in both directions. The table is
 * a judgement per field, written down so it can be argued with; the numbers follow from it.
 *
 * @since 0.1.0
 */

/** How a field carries over. @since 0.1.0 @category model */
export type FieldMapping = "mapped" | "partial" | "none"

/** One row of the table. @since 0.1.0 @category model */
export interface FieldRow {
  readonly field: string
  readonly mapping: FieldMapping
  readonly counterpart: string
}

const row = (field: string, mapping: FieldMapping, counterpart: string): FieldRow => ({ field, mapping, counterpart })

/**
 * `PodSpec` (v1.35) fields → VMI spec. The deprecated alias `serviceAccount` is left out.
 *
 * @since 0.1.0
 * @category data
 */
export const podSpecFields: ReadonlyArray<FieldRow> = [
  row("volumes", "partial", "volumes (PVC, configMap, secret, downwardAPI, serviceAccount overlap; plus containerDisk, dataVolume, cloudInit…)"),
  row("initContainers", "none", ""),
  row("containers", "partial", "domain (image ↔ containerDisk, resources ↔ domain.resources, ports ↔ interfaces[].ports; no command/env)"),
  row("ephemeralContainers", "none", ""),
  row("restartPolicy", "none", "(VM runStrategy, on the VirtualMachine, not the VMI)"),
  row("terminationGracePeriodSeconds", "mapped", "terminationGracePeriodSeconds"),
  row("activeDeadlineSeconds", "none", ""),
  row("dnsPolicy", "mapped", "dnsPolicy"),
  row("nodeSelector", "mapped", "nodeSelector"),
  row("serviceAccountName", "partial", "a serviceAccount volume"),
  row("automountServiceAccountToken", "none", ""),
  row("nodeName", "none", "(status.nodeName only)"),
  row("hostNetwork", "none", ""),
  row("hostPID", "none", ""),
  row("hostIPC", "none", ""),
  row("shareProcessNamespace", "none", ""),
  row("securityContext", "none", ""),
  row("imagePullSecrets", "partial", "volumes[].containerDisk.imagePullSecret"),
  row("hostname", "mapped", "hostname"),
  row("subdomain", "mapped", "subdomain"),
  row("affinity", "mapped", "affinity"),
  row("schedulerName", "mapped", "schedulerName"),
  row("tolerations", "mapped", "tolerations"),
  row("hostAliases", "none", ""),
  row("priorityClassName", "mapped", "priorityClassName"),
  row("priority", "none", "(set on the launcher pod by admission)"),
  row("dnsConfig", "mapped", "dnsConfig"),
  row("readinessGates", "none", ""),
  row("runtimeClassName", "none", "(cluster-wide in the KubeVirt CR)"),
  row("enableServiceLinks", "none", ""),
  row("preemptionPolicy", "none", ""),
  row("overhead", "none", "(computed by KubeVirt, not declared)"),
  row("topologySpreadConstraints", "mapped", "topologySpreadConstraints"),
  row("setHostnameAsFQDN", "none", ""),
  row("os", "partial", "architecture"),
  row("hostUsers", "none", ""),
  row("schedulingGates", "none", ""),
  row("resourceClaims", "mapped", "resourceClaims"),
  row("resources", "partial", "domain.resources (pod-level resources)"),
]

/**
 * `VirtualMachineInstanceSpec` (KubeVirt v1.9) fields → PodSpec.
 *
 * @since 0.1.0
 * @category data
 */
export const vmiSpecFields: ReadonlyArray<FieldRow> = [
  row("priorityClassName", "mapped", "priorityClassName"),
  row("domain", "partial", "containers[].resources, image (the guest has firmware, devices, CPU topology a container lacks)"),
  row("nodeSelector", "mapped", "nodeSelector"),
  row("affinity", "mapped", "affinity"),
  row("schedulerName", "mapped", "schedulerName"),
  row("tolerations", "mapped", "tolerations"),
  row("topologySpreadConstraints", "mapped", "topologySpreadConstraints"),
  row("evictionStrategy", "none", "(LiveMigrate has no Pod counterpart)"),
  row("startStrategy", "none", ""),
  row("terminationGracePeriodSeconds", "mapped", "terminationGracePeriodSeconds"),
  row("volumes", "partial", "volumes"),
  row("livenessProbe", "partial", "containers[].livenessProbe (guest-agent ping has none)"),
  row("readinessProbe", "partial", "containers[].readinessProbe"),
  row("hostname", "mapped", "hostname"),
  row("subdomain", "mapped", "subdomain"),
  row("networks", "partial", "the pod network + Multus annotation"),
  row("dnsPolicy", "mapped", "dnsPolicy"),
  row("dnsConfig", "mapped", "dnsConfig"),
  row("accessCredentials", "none", ""),
  row("architecture", "partial", "os / node selector on kubernetes.io/arch"),
  row("resourceClaims", "mapped", "resourceClaims"),
]

/** The degree of one table under the three readings. @since 0.1.0 @category model */
export interface IsomorphismDegree {
  readonly fields: number
  readonly mapped: number
  readonly partial: number
  readonly none: number
  /** mapped / fields */
  readonly strict: number
  /** (mapped + partial/2) / fields */
  readonly weighted: number
  /** (mapped + partial) / fields */
  readonly lenient: number
}

/**
 * The isomorphism degree of a field table.
 *
 * @example
 * import { isomorphismDegree, podSpecFields } from "catcluster/domain/cluster"
 * isomorphismDegree(podSpecFields).strict // 12 / 39 ≈ 0.31
 *
 * @since 0.1.0
 * @category destructors
 */
export const isomorphismDegree = (rows: ReadonlyArray<FieldRow>): IsomorphismDegree => {
  const count = (m: FieldMapping) => rows.filter((r) => r.mapping === m).length
  const mapped = count("mapped")
  const partial = count("partial")
  const fields = rows.length
  return {
    fields,
    mapped,
    partial,
    none: count("none"),
    strict: mapped / fields,
    weighted: (mapped + partial / 2) / fields,
    lenient: (mapped + partial) / fields,
  }
}
