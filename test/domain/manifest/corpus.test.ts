/**
 * Every manifest of the shared corpus decodes, with values read back from the files.
 * The corpus lives beside the repository (`../shared/corpus`); a clone without it skips.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { decodeManifests, ofKind, showManifestError, workloadRequests } from "../../../src/domain/manifest/index.ts"
import type { Manifest } from "../../../src/domain/manifest/index.ts"
import { canonical, value } from "../../../src/domain/quantity/index.ts"
import { podLimits, podRequests, qosClass, resourceRequirements, toRecord } from "../../../src/domain/resources/index.ts"

const repoRoot = join(import.meta.dirname, "..", "..", "..")
const corpus = join(repoRoot, "..", "shared", "corpus")
const present = existsSync(corpus)
if (!present) console.warn(`corpus tests skipped: ${corpus} not found (it sits beside the repository in the team's workspace)`)

const load = (sub: string, file: string): ReadonlyArray<Manifest> => {
  const r = decodeManifests(readFileSync(join(corpus, sub, file), "utf8"), `${sub}/${file}`)
  if (E.isLeft(r)) throw new Error(r.left.map(showManifestError).join("\n"))
  return r.right
}
const only = <K extends Manifest["kind"]>(sub: string, file: string, kind: K) => {
  const [m, ...rest] = ofKind(kind)(load(sub, file))
  expect(rest).toEqual([])
  if (m === undefined) throw new Error(`${file} has no ${kind}`)
  return m
}
const MI = 1024n * 1024n

describe.skipIf(!present)("corpus (../shared/corpus): every manifest decodes", () => {
  for (const sub of ["k8s", "kubevirt"]) {
    const files = present ? readdirSync(join(corpus, sub)).filter((f) => f.endsWith(".yaml")) : []
    it.each(files)(`${sub}/%s decodes with no unknown field and no unknown kind`, (file) => {
      const manifests = load(sub, file)
      expect(manifests.length).toBeGreaterThan(0)
      for (const m of manifests) {
        expect(m.kind).not.toBe("Unknown")
        expect(m.unknownFields).toEqual([])
        expect(m.source.file).toBe(`${sub}/${file}`)
      }
    })
  }

  it("cpu-demo: request 500m, limit 1 cpu, Burstable", () => {
    const pod = only("k8s", "cpu-request-limit.yaml", "Pod")
    expect(pod.metadata?.name).toBe("cpu-demo")
    expect(toRecord(podRequests(pod.spec))).toEqual({ cpu: "500" })
    expect(toRecord(podLimits(pod.spec))).toEqual({ cpu: "1000" })
    expect(qosClass(pod.spec)).toBe("Burstable")
  })

  it("memory-demo: request 100Mi, limit 200Mi", () => {
    const pod = only("k8s", "memory-request-limit.yaml", "Pod")
    expect(podRequests(pod.spec).get("memory")).toBe(100n * MI)
    expect(podLimits(pod.spec).get("memory")).toBe(200n * MI)
  })

  it("extended-resource-demo: the bare integer 3 is a quantity; request = limit as required", () => {
    const pod = only("k8s", "extended-resource-pod.yaml", "Pod")
    const c = pod.spec.containers[0]!
    expect(canonical(c.resources!.requests!["example.com/dongle"]!)).toBe("3")
    expect(E.isRight(resourceRequirements(c, "spec.containers[0]"))).toBe(true)
    expect(toRecord(podRequests(pod.spec))).toEqual({ "example.com/dongle": "3" })
  })

  it("qos-demo is Guaranteed (700m, 200Mi), qos-demo-2 Burstable", () => {
    const guaranteed = only("k8s", "qos-pod.yaml", "Pod")
    expect(toRecord(podRequests(guaranteed.spec))).toEqual({ cpu: "700", memory: String(200n * MI) })
    expect(qosClass(guaranteed.spec)).toBe("Guaranteed")
    expect(qosClass(only("k8s", "qos-pod-2.yaml", "Pod").spec)).toBe("Burstable")
  })

  it("init-demo: one init container, nothing requested anywhere → empty request, BestEffort", () => {
    const pod = only("k8s", "init-containers.yaml", "Pod")
    expect(pod.spec.initContainers?.map((c) => c.name)).toEqual(["install"])
    expect(pod.spec.dnsPolicy).toBe("Default")
    expect(toRecord(podRequests(pod.spec))).toEqual({})
    expect(qosClass(pod.spec)).toBe("BestEffort")
  })

  it("pod-resources-demo: pod-level requests (1 cpu, 100Mi) win over the containers' (500m, 50Mi)", () => {
    const pod = only("k8s", "pod-level-resources.yaml", "Pod")
    expect(toRecord(podRequests(pod.spec))).toEqual({ cpu: "1000", memory: String(100n * MI) })
    expect(toRecord(podRequests(pod.spec, { podLevelResources: false }))).toEqual({ cpu: "500", memory: String(50n * MI) })
    expect(toRecord(podLimits(pod.spec))).toEqual({ cpu: "1000", memory: String(200n * MI) })
    // the file has "- inf " with a trailing space: a plain YAML scalar drops it, and "inf" is not a float
    expect(pod.spec.containers[1]?.command).toEqual(["sleep", "inf"])
  })

  it("nginx-deployment: 3 replicas; php-apache: Deployment (200m request, 500m limit) + Service on port 80", () => {
    const nginx = only("k8s", "nginx-deployment.yaml", "Deployment")
    expect(workloadRequests(nginx)?.replicas).toBe(3)
    const php = load("k8s", "php-apache.yaml")
    expect(php.map((m) => m.kind)).toEqual(["Deployment", "Service"])
    const deployment = ofKind("Deployment")(php)[0]!
    expect(toRecord(workloadRequests(deployment)!.total)).toEqual({ cpu: "200" })
    expect(toRecord(podLimits(deployment.spec.template.spec))).toEqual({ cpu: "500" })
    expect(ofKind("Service")(php)[0]?.spec?.ports?.[0]?.port).toBe(80)
    expect(php[1]?.source.document).toBe(1)
  })

  it("job pi: restartPolicy Never, backoffLimit 4", () => {
    const job = only("k8s", "job.yaml", "Job")
    expect(job.spec.template.spec.restartPolicy).toBe("Never")
    expect(job.spec.backoffLimit).toBe(4)
    expect(workloadRequests(job)?.replicas).toBe(1)
  })

  it("vmi-fedora: guest memory 1024M is decimal (1,024,000,000 bytes), not 1Gi", () => {
    const vmi = only("kubevirt", "vmi-fedora.yaml", "VirtualMachineInstance")
    const guest = vmi.spec.domain.memory?.guest
    expect(guest && value(guest)).toBe(1_024_000_000n)
    expect(guest?.format).toBe("DecimalSI")
    expect(guest && canonical(guest)).toBe("1024M")
  })

  it("vmi-fedora-isolated: dedicated CPUs with an isolated emulator thread, 1×1×1 topology", () => {
    const cpu = only("kubevirt", "vmi-fedora-isolated.yaml", "VirtualMachineInstance").spec.domain.cpu
    expect(cpu).toMatchObject({ cores: 1, sockets: 1, threads: 1, dedicatedCpuPlacement: true, isolateEmulatorThread: true })
  })

  it("vmi-gpu passes through nvidia.com/GP102GL_Tesla_P40; vmi-windows keeps model e1000 as a string", () => {
    const gpu = only("kubevirt", "vmi-gpu.yaml", "VirtualMachineInstance")
    expect(gpu.spec.domain.devices?.gpus).toEqual([{ deviceName: "nvidia.com/GP102GL_Tesla_P40", name: "gpu1" }])
    const windows = only("kubevirt", "vmi-windows.yaml", "VirtualMachineInstance")
    expect(windows.spec.domain.devices?.interfaces?.[0]?.model).toBe("e1000")
    expect(windows.spec.domain.cpu?.cores).toBe(2)
  })

  it("VMs are Halted with 128Mi guests; the migration names vmi-migratable; the policy allows 2000Mi/s", () => {
    const cirros = only("kubevirt", "vm-cirros.yaml", "VirtualMachine")
    expect(cirros.spec.runStrategy).toBe("Halted")
    expect(value(cirros.spec.template.spec.domain.memory!.guest!)).toBe(128n * MI)
    expect(only("kubevirt", "vm-windows-clarge-windows.yaml", "VirtualMachine").spec.instancetype).toEqual({ kind: "VirtualMachineInstancetype", name: "clarge" })
    expect(only("kubevirt", "migration-job.yaml", "VirtualMachineInstanceMigration").spec.vmiName).toBe("vmi-migratable")
    const policy = only("kubevirt", "example-migration-policy.yaml", "MigrationPolicy")
    expect(value(policy.spec!.bandwidthPerMigration!)).toBe(2000n * MI)
    expect(policy.spec?.completionTimeoutPerGiB).toBe(123456789)
    expect(policy.spec?.selectors?.virtualMachineInstanceSelector).toEqual({ "vmi-key": "vmi-value" })
  })

  it("every pod workload of the corpus has a computed footprint", () => {
    const footprints: Record<string, Record<string, string>> = {}
    for (const file of readdirSync(join(corpus, "k8s")).filter((f) => f.endsWith(".yaml"))) {
      for (const m of load("k8s", file)) {
        const w = workloadRequests(m)
        if (w !== undefined) footprints[`${file}#${m.source.document}`] = toRecord(w.total)
      }
    }
    expect(Object.keys(footprints)).toHaveLength(10)
    expect(footprints["qos-pod.yaml#0"]).toEqual({ cpu: "700", memory: "209715200" })
  })
})
