/**
 * `catcluster run` computes every section from the manifests it is given. The embedded default
 * model and a second example cluster written for these tests (`test/fixtures/second-cluster`:
 * other nodes in three zones, an HPA on a VirtualMachineInstanceReplicaSet, a VM with
 * `evictionStrategy: LiveMigrate` selected by a MigrationPolicy, a KubeVirt CR) go through the
 * whole pipeline; each section's values in report.json are asserted for both, so a section that
 * showed the default model whatever the input would fail here.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { defaultModelText } from "../../src/app/model.ts"
import { runPipeline, type PipelineResult } from "../../src/app/pipeline.ts"
import { ledgerScope } from "../../src/app/steps.ts"
import type { ModelFile } from "../../src/app/model.ts"
import { makeProgress } from "../../src/cli/Progress.ts"

const fixtures = join(import.meta.dirname, "..", "fixtures", "second-cluster")
const second: ReadonlyArray<ModelFile> = readdirSync(fixtures)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => ({ file: `second-cluster/${f}`, text: readFileSync(join(fixtures, f), "utf8") }))

interface Report {
  readonly steps: Record<string, { readonly summary: string; readonly result: any; readonly failures: ReadonlyArray<string> }>
  readonly failures: ReadonlyArray<string>
}

const run = async (model: ReadonlyArray<ModelFile>): Promise<{ readonly report: Report; readonly result: PipelineResult; readonly outDir: string }> => {
  const outDir = mkdtempSync(join(tmpdir(), "catcluster-run-"))
  const result = await runPipeline(model, { outDir, seed: 20261127, progress: makeProgress({ quiet: true }) })
  return { report: JSON.parse(readFileSync(join(outDir, "report.json"), "utf8")) as Report, result, outDir }
}

let base: Awaited<ReturnType<typeof run>>
let other: Awaited<ReturnType<typeof run>>
const step = (r: typeof base, name: string) => r.report.steps[name]!.result

beforeAll(async () => {
  base = await run([{ file: "default-cluster.yaml", text: defaultModelText() }])
  other = await run(second)
}, 180_000)

describe("run on the default model and on a second cluster", () => {
  it("both complete without failures", () => {
    expect(base.report.failures).toEqual([])
    expect(other.report.failures).toEqual([])
  })

  it("decode lists the objects of each input", () => {
    expect(step(base, "decode").kinds).toMatchObject({ Node: 4, Deployment: 1, VirtualMachinePool: 1, HorizontalPodAutoscaler: 2 })
    expect(step(other, "decode").kinds).toMatchObject({ Node: 5, KubeVirt: 1, MigrationPolicy: 1, VirtualMachineInstanceReplicaSet: 1, StatefulSet: 1, Namespace: 1 })
    expect(step(other, "decode").kinds.VirtualMachinePool).toBeUndefined()
  })

  it("the cluster category counts the objects and arrows of each cluster", () => {
    expect(step(base, "category").census).toEqual({ objects: { P: 4, V: 5, C: 5, Pod: 5, VMI: 5 }, arrows: { "Φ": 5, "Ψ": 5, "Ω": 5, "Ω′": 5, σ_pod: 0, σ_vmi: 0 } })
    // 4 api + 2 cache + probe + db-migrate pods (probe bound to app-1a); pg-primary, 3 render replicas, nightly-batch
    expect(step(other, "category").census).toEqual({ objects: { P: 5, V: 5, C: 8, Pod: 8, VMI: 5 }, arrows: { "Φ": 5, "Ψ": 8, "Ω": 8, "Ω′": 5, σ_pod: 1, σ_vmi: 0 } })
  })

  it("the footprint residual is given per workload of each cluster", () => {
    const rows = (r: typeof base) => Object.fromEntries((step(r, "category").footprint as Array<{ workload: string; units: number; residual: string }>).map((x) => [x.workload, [x.units, x.residual]]))
    expect(rows(base)["prod/api-with-sidecar"]).toEqual([1, "cpu +1, memory +128Mi"]) // the init container's 2 cpu over the 1 cpu app
    expect(rows(base)["prod/worker-vm"]![0]).toBe(2)
    expect(rows(other)["shop/db-migrate"]).toEqual([1, "cpu +800m"]) // init 1 cpu vs 200m
    expect(rows(other)["media/render"]![0]).toBe(3)
    expect(rows(other)["media/render"]![1]).toMatch(/^cpu −1800m, memory \+/) // 2 vCPU → 200m launcher vs 2000m container
    expect(rows(base)["media/render"]).toBeUndefined()
  })

  it("the state machines are those of the kinds present, with the phases the manifests report", () => {
    const machines = (r: typeof base) => Object.fromEntries((step(r, "category").machines as Array<{ machine: string; objects: string }>).map((m) => [m.machine.replace(/ \(.*$/, ""), m.objects]))
    expect(machines(base)["Pod phase"]).toBe("5 pods: to be created by its controller 3, no status given 2")
    expect(machines(other)["Pod phase"]).toBe("8 pods: to be created by its controller 6, Running 1, Pending 1")
    expect(machines(base)["Migration phase"]).toContain("1 VMI(s) live-migrate on a drain")
    expect(machines(other)["Migration phase"]).toContain("4 VMI(s) live-migrate on a drain")
  })

  it("the laws run on each model", () => {
    expect(step(base, "laws").suites[0].subject).toBe("1 file(s), 21 manifest(s)")
    expect(step(other, "laws").suites[0].subject).toBe("4 file(s), 19 manifest(s)")
    expect(step(other, "laws").suites[0].notes).toEqual(["5 node(s), 13 scheduling unit(s), 1 placement(s) given"])
  })

  it("scheduling reports each cluster's zones", () => {
    const zones = (r: typeof base) => (step(r, "schedule").zones as Array<{ zone: string; nodes: number }>).map((z) => [z.zone, z.nodes])
    expect(zones(base)).toEqual([["zone-1", 2], ["zone-2", 2]])
    expect(zones(other)).toEqual([["eu-west-1a", 2], ["eu-west-1b", 2], ["eu-west-1c", 1]])
    expect(step(other, "schedule").placed).toBe(12) // 13 units, the probe pod already bound
    const where = Object.fromEntries((step(other, "schedule").placements as Array<{ pod: string; node: string }>).map((p) => [p.pod, p.node]))
    expect(["kvm-1a", "kvm-1b", "kvm-1c"]).toContain(where["data/pg-primary"])
  })

  it("backend health is per runtime present, and per Service of each cluster", () => {
    const services = (r: typeof base) => (step(r, "markov").services as Array<{ service: string; containers?: number; vms?: number; expectedHealthy?: string }>).map((s) => [s.service, s.containers, s.vms, s.expectedHealthy])
    expect(services(base)).toEqual([["prod/web", 3, 0, "2895/982 ≈ 2.948"]])
    // 3 render VMs at π_H(vm) = 790/807; 4 api pods at π_H(container) = 965/982
    expect(services(other)).toEqual([
      ["shop/api", 4, 0, "1930/491 ≈ 3.931"],
      ["media/render", 0, 3, "790/269 ≈ 2.937"],
    ])
    expect((step(other, "markov").runtimes as Array<{ runtime: string; objects: number }>).map((r) => [r.runtime, r.objects])).toEqual([["container", 8], ["vm", 5]])
  })

  it("each HPA is simulated against its own target, start-up model chosen by the target's kind", () => {
    const hpas = (r: typeof base) =>
      (step(r, "autoscaling").hpas as Array<Record<string, unknown>>).map((h) => [h.hpa, h.workload, h.minReplicas, h.maxReplicas, h.targetUtilization, h.requestMilli, h.limitMilli, h.initialReplicas])
    expect(hpas(base)).toEqual([
      ["prod/worker-vm", "vm", 2, 8, 70, 100, 1000, 2], // 1 vCPU: launcher requests 100m, can use 1000m
      ["prod/web", "container", 2, 20, 60, 500, 1000, 3],
    ])
    expect(hpas(other)).toEqual([["media/render", "vm", 3, 12, 50, 200, 2000, 3]])
    const render = (step(other, "autoscaling").hpas as Array<{ behavior: { scaleUp: { stabilizationWindowSeconds: number; policies: unknown }; scaleDown: { stabilizationWindowSeconds: number } } }>)[0]!
    expect(render.behavior.scaleUp).toMatchObject({ stabilizationWindowSeconds: 30, policies: [{ type: "Pods", value: 3, periodSeconds: 60 }] })
    expect(render.behavior.scaleDown.stabilizationWindowSeconds).toBe(120)
  })

  it("the Smith predictor reacts faster than the plain HPA on the VM targets (VM start-up is the dead time)", () => {
    for (const r of [base, other]) {
      const vm = (step(r, "autoscaling").hpas as Array<{ workload: string; hpaRun: { reactionSeconds: number }; smithRun: { reactionSeconds: number } }>).find((h) => h.workload === "vm")!
      expect(vm.smithRun.reactionSeconds).toBeLessThan(vm.hpaRun.reactionSeconds)
    }
  })

  it("migration follows each VMI's eviction strategy, the KubeVirt CR and the MigrationPolicy that selects it", () => {
    const drain = (r: typeof base) => (step(r, "migration").drain as Array<{ workload: string; vmis: number; strategy: { strategy: string; from: string }; action: string }>).map((d) => [d.workload, d.vmis, d.strategy.strategy, d.strategy.from, d.action])
    expect(step(base, "migration").clusterStrategy).toEqual({ strategy: "None", from: "KubeVirt's default" })
    expect(drain(base)).toContainEqual(["VirtualMachine prod/db-vm", 1, "LiveMigrate", "the VMI", "live-migrated"])
    expect(drain(base)).toContainEqual(["VirtualMachinePool prod/worker-vm", 2, "None", "KubeVirt's default", "shut down"])
    expect(step(other, "migration").clusterStrategy).toEqual({ strategy: "LiveMigrateIfPossible", from: "KubeVirt CR kubevirt" })
    expect(drain(other)).toEqual([
      ["VirtualMachine data/pg-primary", 1, "LiveMigrate", "the VMI", "live-migrated"],
      ["VirtualMachineInstanceReplicaSet media/render", 3, "LiveMigrateIfPossible", "KubeVirt CR kubevirt", "live-migrated"],
      ["VirtualMachineInstance media/nightly-batch", 1, "None", "the VMI", "shut down"],
    ])
    const estimates = (r: typeof base) =>
      (step(r, "migration").estimates as Array<{ workloads: string[]; memoryMiB: number; bandwidthMiBps: number; bandwidthAssumed: boolean; settings: { completionTimeoutPerGiB: number; allowAutoConverge: boolean; sources: string[] }; converges: boolean; maxDirtyRateMiBps: number }>).map((e) => ({
        workloads: e.workloads,
        memoryMiB: e.memoryMiB,
        bandwidthMiBps: e.bandwidthMiBps,
        assumed: e.bandwidthAssumed,
        timeout: e.settings.completionTimeoutPerGiB,
        autoConverge: e.settings.allowAutoConverge,
        sources: e.settings.sources,
        converges: e.converges,
        max: e.maxDirtyRateMiBps,
      }))
    const [db] = estimates(base)
    expect(db).toMatchObject({ workloads: ["VirtualMachine prod/db-vm"], memoryMiB: 2048, bandwidthMiBps: 1024, assumed: true, timeout: 150, autoConverge: false, sources: [], converges: true })
    // without auto-converge pre-copy cannot outrun the link: it converges only below the bandwidth
    expect(db!.max).toBeLessThan(1024)
    expect(db!.max).toBeGreaterThan(900)
    const [pg, render] = estimates(other)
    // the policy's 256Mi and auto-converge, the CR's 100 s per GiB
    expect(pg).toMatchObject({ workloads: ["VirtualMachine data/pg-primary"], memoryMiB: 16384, bandwidthMiBps: 256, assumed: false, timeout: 100, autoConverge: true, sources: ["KubeVirt CR kubevirt", "MigrationPolicy data-tier"], converges: true })
    // auto-converge throttles the guest, so it converges beyond the bandwidth
    expect(pg!.max).toBeGreaterThan(256)
    expect(render).toMatchObject({ workloads: ["VirtualMachineInstanceReplicaSet media/render"], memoryMiB: 4096, bandwidthMiBps: 1024, assumed: true, timeout: 100, autoConverge: false })
  })

  it("the model checker runs the scenarios on each cluster's numbers", () => {
    const instances = (r: typeof base) => Object.fromEntries((step(r, "verify").cluster as Array<{ scenario: string; of: string; status: string; control: boolean }>).filter((a) => !a.control).map((a) => [a.scenario, [a.of, a.status]]))
    expect(instances(base)["pending-vm"]).toEqual(["5 VMIs (cpu requests, largest first) on 3 KVM nodes (2 distinct cpu)", "holds"])
    expect(instances(base)["quota"]![0]).toBe("8 pods and launcher pods of namespace prod")
    expect(instances(other)["quota"]![0]).toBe("8 pods and launcher pods of namespace shop")
    expect(instances(other)["pod-fits-node"]![0]).toBe("8 pods (cpu requests, largest first) on 5 nodes (3 distinct cpu)")
    // the render VMs behind media/render have no liveness probe: a crash is forever
    expect(instances(other)["service-health"]).toEqual(["Service(s) media/render", "violated"])
    expect(instances(base)["service-health"]).toBeUndefined()
    expect(step(base, "verify").notInstantiated).toEqual(["S15.4 (VM Running ⇝ Service Healthy): no Service selects a VMI"])
    expect(step(other, "verify").notInstantiated).toEqual(["S15.1 (no Pod and VMI share an IP): no namespace has both pods and VMIs"])
  })

  it("the claims ledger is the seed's: the same for both, and says so", () => {
    const claims = (r: typeof base) => readFileSync(join(r.outDir, "claims.md"), "utf8")
    expect(claims(other)).toBe(claims(base))
    expect(claims(base)).toContain(ledgerScope)
    expect(base.report.steps["ledger"]!.summary).toBe(other.report.steps["ledger"]!.summary)
  })

  it("every section of the report differs between the two clusters except the seed's decisions and ledger", () => {
    const differs = Object.keys(base.report.steps).filter((s) => JSON.stringify(step(base, s)) !== JSON.stringify(step(other, s)))
    expect(differs).toEqual(["decode", "category", "laws", "schedule", "operations", "markov", "autoscaling", "migration", "verify"])
  })
})
