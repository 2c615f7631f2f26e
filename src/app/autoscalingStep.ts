import { UserError } from "../cli/UserError.ts"
import type { HpaSpec, Metric } from "../dynamics/autoscaling/Controller.ts"
import { hpaFromManifest, SnapshotInputError } from "../dynamics/autoscaling/FromManifests.ts"
import type { StepProfile } from "../dynamics/simulation/LoadProfile.ts"
import { autoscalingChart } from "../dynamics/simulation/Output.ts"
import { simulateAutoscaling, type SimulationResult } from "../dynamics/simulation/Simulate.ts"
import type { WorkloadKind } from "../dynamics/simulation/Workload.ts"
import type { Manifest, ManifestOf } from "../domain/manifest/Manifest.ts"
import { containerLimits, containerRequests } from "../domain/resources/ResourceRequirements.ts"
import { figure, paragraph, table, type Block } from "../report/Html.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { namespaceOf, userCluster, type UserCluster } from "./userCluster.ts"

/**
 * S12 on the user's cluster: each HorizontalPodAutoscaler simulated in closed loop against its
 * target workload, with and without the Smith predictor. The start-up model follows the target's
 * kind (Deployment, ReplicaSet, StatefulSet: containers; VirtualMachinePool,
 * VirtualMachineInstanceReplicaSet: VMs); the HPA's min/max, CPU target and `behavior` are its
 * own; the per-pod CPU request and limit are the target's (a VM's pod is its virt-launcher pod,
 * whose CPU request is vCPUs / cpuAllocationRatio; it can use at most its vCPUs). The load is not
 * in any manifest: a step profile scaled to the HPA's range, said in the report.
 *
 * @since 0.1.0
 */

/** Simulated seconds per run. @since 0.1.0 @category constants */
export const AUTOSCALING_SECONDS = 1800

/** What is simulated for one HPA. @since 0.1.0 @category model */
export interface HpaPlan {
  readonly hpa: string
  readonly target: string
  readonly workload: WorkloadKind
  readonly spec: HpaSpec
  readonly requestMilli: number
  readonly limitMilli: number
  readonly initialReplicas: number
  readonly profile: StepProfile
  /** The metrics left out (only CPU is simulated) and other notes. */
  readonly notes: ReadonlyArray<string>
}

/** An HPA that is not simulated, and why. @since 0.1.0 @category model */
export interface HpaSkipped {
  readonly hpa: string
  readonly target: string
  readonly reason: string
}

const CONTAINER_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet"])
const VM_KINDS = new Set(["VirtualMachinePool", "VirtualMachineInstanceReplicaSet"])

const cpuMetrics = (metrics: ReadonlyArray<Metric>): { readonly cpu: ReadonlyArray<Metric>; readonly dropped: ReadonlyArray<string> } => {
  const cpu: Metric[] = []
  const dropped: string[] = []
  for (const m of metrics) {
    if (m.type === "Resource" && m.name === "cpu" && m.target.type !== "Value") cpu.push({ type: "Resource", name: "cpu", target: m.target })
    else dropped.push(`${m.type} ${m.name}${m.type === "Resource" && m.container !== undefined ? ` (container ${m.container})` : ""}`)
  }
  return { cpu, dropped }
}

/**
 * The load, in replicas needed at the target: the current count, a step at 120 s to 60 % of the
 * way to max, down at 900 s to 20 % of the way; ±5 % noise.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stepProfileFor = (spec: HpaSpec, initial: number, perReplicaMilli: number): StepProfile => {
  const span = spec.maxReplicas - spec.minReplicas
  const high = Math.min(spec.maxReplicas, spec.minReplicas + Math.max(1, Math.ceil(0.6 * span)))
  const low = Math.min(spec.maxReplicas, spec.minReplicas + Math.ceil(0.2 * span))
  return { at: [0, 120, 900], levels: [initial, high, low].map((r) => r * perReplicaMilli * 0.95), noise: 0.05 }
}

const templateOf = (m: Manifest) =>
  m.kind === "Deployment" || m.kind === "ReplicaSet" || m.kind === "StatefulSet" ? { spec: m.spec.template.spec, replicas: m.spec.replicas ?? 1 } : undefined

/**
 * What to simulate for each HPA of the cluster, or why it cannot be.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hpaPlans = (uc: UserCluster): ReadonlyArray<HpaPlan | HpaSkipped> =>
  uc.manifests.flatMap((m): ReadonlyArray<HpaPlan | HpaSkipped> => {
    if (m.kind !== "HorizontalPodAutoscaler") return []
    const name = `${namespaceOf(m)}/${m.metadata?.name ?? "<unnamed>"}`
    const ref = m.spec.scaleTargetRef
    const target = `${ref.kind} ${namespaceOf(m)}/${ref.name}`
    let hpa: ReturnType<typeof hpaFromManifest>
    try {
      hpa = hpaFromManifest(m as ManifestOf<"HorizontalPodAutoscaler">)
    } catch (error) {
      if (error instanceof SnapshotInputError) throw new UserError(error.message)
      throw error
    }
    const skip = (reason: string): ReadonlyArray<HpaSkipped> => [{ hpa: name, target, reason }]
    if (!CONTAINER_KINDS.has(ref.kind) && !VM_KINDS.has(ref.kind)) return skip(`no start-up model for a ${ref.kind} (containers: Deployment, ReplicaSet, StatefulSet; VMs: VirtualMachinePool, VirtualMachineInstanceReplicaSet)`)
    const t = uc.manifests.find((x) => x.kind === ref.kind && x.metadata?.name === ref.name && namespaceOf(x) === namespaceOf(m))
    if (t === undefined) return skip("the target is not in the input")
    const { cpu, dropped } = cpuMetrics(hpa.spec.metrics)
    if (cpu.length === 0) return skip(`only CPU is simulated (the load is CPU); its metrics are ${dropped.join(", ")}`)
    const notes = dropped.length > 0 ? [`not simulated: ${dropped.join(", ")} (only CPU load is modelled)`] : []
    const spec: HpaSpec = { ...hpa.spec, metrics: cpu }
    let request: number
    let limit: number
    let replicas: number
    let workload: WorkloadKind
    if (CONTAINER_KINDS.has(ref.kind)) {
      const tpl = templateOf(t)!
      // the HPA sums the requests of the pod's containers (sidecars included), as `hpa` reads a snapshot
      const containers = [...tpl.spec.containers, ...(tpl.spec.initContainers ?? []).filter((c) => c.restartPolicy === "Always")]
      const requests = containers.map((c) => containerRequests(c).get("cpu"))
      const limits = containers.map((c) => containerLimits(c).get("cpu"))
      if (requests.some((r) => r === undefined) && cpu.some((x) => x.target.type === "Utilization")) {
        return skip("a container has no cpu request, so the CPU Utilization target cannot be computed (the controller reports FailedGetResourceMetric)")
      }
      request = requests.reduce<number>((a, r) => a + Number(r ?? 0n), 0)
      limit = limits.every((l) => l !== undefined) ? limits.reduce<number>((a, l) => a + Number(l), 0) : Infinity
      replicas = tpl.replicas
      workload = "container"
    } else {
      const unit = uc.vmis.find((u) => u.origin.source === t.source)
      if (unit === undefined || unit.unit._tag !== "VMI") return skip("its VMs are not running, so there is no VMI to scale")
      request = Number(unit.request.get("cpu") ?? 0n)
      limit = unit.unit.vm.vcpus * 1000
      replicas = (t as ManifestOf<"VirtualMachinePool"> | ManifestOf<"VirtualMachineInstanceReplicaSet">).spec.replicas ?? 1
      workload = "vm"
    }
    if (request <= 0) return skip("the target's pods request no CPU, so no CPU target can be reached")
    if (replicas === 0 && spec.minReplicas !== 0) return skip("the target has 0 replicas: the HPA is disabled (ScalingDisabled)")
    const initial = Math.min(spec.maxReplicas, Math.max(spec.minReplicas, replicas))
    const targetPercent = cpu[0]!.target.type === "Utilization" ? cpu[0]!.target.averageUtilization : (100 * (cpu[0]!.target as { averageValue: number }).averageValue) / request
    const perReplica = (targetPercent / 100) * request
    return [{ hpa: name, target, workload, spec, requestMilli: request, limitMilli: limit, initialReplicas: initial, profile: stepProfileFor(spec, initial, perReplica), notes }]
  })

const isPlan = (p: HpaPlan | HpaSkipped): p is HpaPlan => "spec" in p

const behaviorLine = (spec: HpaSpec): string => {
  const b = spec.behavior
  if (b === undefined) return "no behavior (5 min downscale stabilisation)"
  const rules = (r: NonNullable<HpaSpec["behavior"]>["scaleUp"]) =>
    `window ${r.stabilizationWindowSeconds} s, ${r.policies.map((p) => `${p.type} ${p.value}/${p.periodSeconds} s`).join(" + ")} (${r.selectPolicy})`
  return `up: ${rules(b.scaleUp)}; down: ${rules(b.scaleDown)}`
}

const MAX_HPAS_SHOWN = 40

/** S12: each of the cluster's HPAs in closed loop, with and without the Smith predictor. @since 0.1.0 @category steps */
export const autoscalingStep: Step<Context> = {
  name: "autoscaling",
  run: async (ctx, progress) => {
    const uc = userCluster(ctx)
    const plans = hpaPlans(uc)
    const runnable = plans.filter(isPlan)
    const skipped = plans.filter((p): p is HpaSkipped => !isPlan(p))
    if (plans.length === 0) {
      return {
        summary: "no HorizontalPodAutoscaler in the input",
        sections: [{ id: "autoscaling", title: "Autoscaling with dead time (S12)", blocks: [paragraph("The input has no HorizontalPodAutoscaler: nothing to simulate.")] }],
        json: { hpas: [], skipped: [] },
        failures: [],
      }
    }
    // The same HPA, target shape and load give the same run: simulate each distinct one once.
    const cache = new Map<string, SimulationResult>()
    progress.start("autoscaling simulations", runnable.length * 2 * AUTOSCALING_SECONDS)
    const results = runnable.map((plan, i) => {
      const runs = [false, true].map((predictor, k) => {
        const options = {
          workload: plan.workload,
          predictor,
          seed: ctx.seed,
          durationSeconds: AUTOSCALING_SECONDS,
          profile: plan.profile,
          hpa: plan.spec,
          requestMilli: plan.requestMilli,
          limitMilli: plan.limitMilli,
          initialReplicas: plan.initialReplicas,
        }
        const key = JSON.stringify(options, (_, v: unknown) => (v === Infinity ? "Infinity" : v))
        const hit = cache.get(key)
        if (hit !== undefined) return hit
        const base = (2 * i + k) * AUTOSCALING_SECONDS
        const r = simulateAutoscaling({ ...options, onProgress: (done) => progress.update(base + done, `${plan.hpa}${predictor ? " + Smith" : ""}`) })
        cache.set(key, r)
        return r
      })
      return { plan, hpa: runs[0]!, smith: runs[1]! }
    })
    const row = (plan: HpaPlan, r: SimulationResult, label: string) => {
      const p = r.performance
      return [
        plan.hpa,
        `${plan.target} (${plan.workload === "vm" ? "VMs" : "containers"})`,
        label,
        `${plan.spec.minReplicas}–${plan.spec.maxReplicas}, cpu ${r.targetUtilization.toFixed(0)} % of ${plan.requestMilli}m`,
        p.reactionSeconds ?? "never",
        `${p.overshootReplicas} (${p.overshootPercent.toFixed(0)} %)`,
        p.settlingSeconds ?? "never",
        p.wastedReplicaSeconds,
        p.sloViolationSeconds,
      ]
    }
    const shown = results.slice(0, MAX_HPAS_SHOWN)
    const rows = shown.flatMap((r) => [row(r.plan, r.hpa, "HPA"), row(r.plan, r.smith, "+ Smith predictor")])
    const pick = [results.find((r) => r.plan.workload === "vm"), results.find((r) => r.plan.workload === "container")].filter((r) => r !== undefined)
    const charts = await Promise.all(
      pick.flatMap((r) => [autoscalingChart(r.hpa.series, `${r.plan.hpa} (${r.plan.target}), HPA`), autoscalingChart(r.smith.series, `${r.plan.hpa} (${r.plan.target}), Smith predictor`)]),
    )
    const better = results.filter((r) => r.smith.performance.sloViolationSeconds < r.hpa.performance.sloViolationSeconds).length
    const reaction = (r: SimulationResult) => r.performance.reactionSeconds ?? "never"
    const summary =
      `${results.length} HPA(s) simulated (${results.filter((r) => r.plan.workload === "vm").length} on VMs, ${cache.size} distinct runs)` +
      (skipped.length > 0 ? `, ${skipped.length} not simulated` : "") +
      (results.length > 0 ? `; ${results[0]!.plan.hpa}: reaction ${reaction(results[0]!.hpa)} s (HPA) vs ${reaction(results[0]!.smith)} s (Smith); Smith lowers SLO violations for ${better} of ${results.length}` : "")
    progress.stop(summary)
    const blocks: Block[] = [
      paragraph(
        `Each HPA of the cluster against its target, with the Kubernetes v1.35 controller every 15 s (its own min/max, CPU target and behavior), replicas ready after a sampled start-up latency chosen by the target's kind (seed ${ctx.seed}, ${AUTOSCALING_SECONDS} s). ` +
          "Assumed load (no manifest carries it): the CPU the current replicas handle at the target, a step at 120 s to what 60 % of the way to maxReplicas handles, down at 900 s to 20 % of the way, ±5 % noise. " +
          "V = (ready − reference)² is the seed's Lyapunov candidate (S12.2)." +
          (results.length > MAX_HPAS_SHOWN ? ` The first ${MAX_HPAS_SHOWN} of ${results.length} HPAs; report.json has all.` : ""),
      ),
      ...(rows.length > 0
        ? [table(["HPA", "target", "run", "range, target", "reaction (s)", "overshoot", "settling (s)", "wasted replica-s", "SLO-violation s"], rows)]
        : []),
      ...shown.length > 0 ? [table(["HPA", "behavior", "notes"], shown.map((r) => [r.plan.hpa, behaviorLine(r.plan.spec), r.plan.notes.join("; ") || "–"]))] : [],
      ...charts.map((svg, i) => figure(svg, `${i % 2 === 0 ? "Plain HPA" : "Smith predictor (S12.3)"}: replicas, desired, load and V over time.`)),
      ...(skipped.length > 0 ? [table(["HPA", "target", "not simulated because"], skipped.map((s) => [s.hpa, s.target, s.reason]))] : []),
    ]
    return {
      summary,
      sections: [{ id: "autoscaling", title: "Autoscaling with dead time (S12)", blocks }],
      json: {
        hpas: results.map((r) => ({
          hpa: r.plan.hpa,
          target: r.plan.target,
          workload: r.plan.workload,
          minReplicas: r.plan.spec.minReplicas,
          maxReplicas: r.plan.spec.maxReplicas,
          targetUtilization: r.hpa.targetUtilization,
          requestMilli: r.plan.requestMilli,
          limitMilli: Number.isFinite(r.plan.limitMilli) ? r.plan.limitMilli : null,
          initialReplicas: r.plan.initialReplicas,
          behavior: r.plan.spec.behavior ?? null,
          load: r.plan.profile,
          notes: r.plan.notes,
          seed: r.hpa.seed,
          hpaRun: r.hpa.performance,
          smithRun: r.smith.performance,
        })),
        skipped,
      },
      failures: [],
    }
  },
}
