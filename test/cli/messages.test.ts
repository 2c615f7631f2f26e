/**
 * Messages a user reads: quantities in Kubernetes' canonical form (never raw milli-cores or
 * bytes), and a manifest missing a required field named in one line with file, line and JSON
 * path (never an io-ts type dump).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { resourceArrow } from "../../src/domain/resources/ResourceOrder.ts"
import { resources, showAmount } from "../../src/domain/resources/ResourceVector.ts"
import { ResourceLawError } from "../../src/domain/cluster/morphisms.ts"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const file = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "catcluster-messages-")), name)
  writeFileSync(path, text)
  return path
}

const node = `apiVersion: v1
kind: Node
metadata: {name: n1}
status:
  capacity: {cpu: "16", memory: 64Gi, pods: "110", devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k}
  allocatable: {cpu: "16", memory: 62Gi, pods: "110", devices.kubevirt.io/kvm: 1k, devices.kubevirt.io/tun: 1k, devices.kubevirt.io/vhost-net: 1k}
`

describe("quantities in messages", () => {
  it("shows each amount as Kubernetes writes it, with a size beside bytes no unit divides", () => {
    expect(showAmount("cpu", 64000n)).toBe("64")
    expect(showAmount("cpu", 1500n)).toBe("1500m")
    expect(showAmount("cpu", -1800n)).toBe("-1800m")
    expect(showAmount("memory", 2n ** 31n)).toBe("2Gi")
    expect(showAmount("memory", 274688n * 1024n)).toBe("274688Ki")
    expect(showAmount("memory", 387875968n)).toBe("387875968 (≈370Mi)")
    expect(showAmount("memory", -3909091327n)).toBe("-3909091327 (≈-3.6Gi)")
    expect(showAmount("ephemeral-storage", 50_000_000n)).toBe("50M")
    expect(showAmount("memory", 1000n)).toBe("1k")
    expect(showAmount("memory", 1001n)).toBe("1001")
    expect(showAmount("pods", 110n)).toBe("110")
    expect(showAmount("devices.kubevirt.io/kvm", 1n)).toBe("1")
  })

  it("names resource-law and Res≤ failures in those units", () => {
    expect(new ResourceLawError("c ≪ p", "Ψ(web)", [{ name: "cpu", amount: 64000n, bound: 16000n, against: "capacity" }]).message).toBe("Ψ(web): c ≪ p fails: cpu 64 > capacity 16")
    const arrow = resourceArrow(resources({ cpu: 1500, memory: 387875968 }), resources({ cpu: 1000, memory: 256 * 2 ** 20 }))
    expect(arrow._tag === "Left" && arrow.left.message).toBe("cpu 1500m > 1, memory 387875968 (≈370Mi) > 256Mi")
  })

  it("check prints shortfalls and footprints in canonical units", () => {
    const workloads = file(
      "w.yaml",
      `apiVersion: v1
kind: Pod
metadata: {name: big, namespace: default}
spec:
  containers:
  - name: c
    resources: {requests: {cpu: "64", memory: 1G}}
---
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: v, namespace: default}
spec:
  domain:
    cpu: {cores: 2}
    memory: {guest: 1G}
    devices: {}
`,
    )
    const r = cli("check", "--nodes", file("n.yaml", node), "--workloads", workloads)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain("asks cpu=64 memory=1G; closest node n1: cpu 64 > 16 (short by 48)")
    expect(r.stdout).toMatch(/default\/v: F\(Ω′∘Φ\) − F\(Ω∘Ψ\) = cpu −1800m, memory \+\d+ \(≈\d+Mi\), ephemeral-storage \+50M/)
    // no raw milli-cores or byte counts without a unit or a size beside them
    expect(r.stdout).not.toMatch(/cpu[ =+−-]*\d{4,}(?![\dm])/)
    expect(r.stdout).not.toMatch(/memory[ =+−-]*\d{7,}(?!\d)(?! \(≈)/)
  })
})

describe("a manifest missing a required field", () => {
  it("is one line with file, line, JSON path and the missing field (exit 2, no type dump)", () => {
    const pod = file("nospec.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n")
    const r = cli("schedule", "--workloads", pod)
    expect(r.code).toBe(2)
    const lines = r.stderr.trim().split("\n")
    expect(lines).toEqual(["catcluster: the input does not decode (1 problem):", `  ${pod}:1:1: document 0, spec: required field missing (expected { containers: Array<Container> })`])
  })

  it("says what shape a long type expects instead of dumping it", () => {
    const pod = file("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    resources: 5\n")
    const r = cli("schedule", "--workloads", pod)
    expect(r.code).toBe(2)
    const problem = r.stderr.trim().split("\n")[1]!
    expect(problem).toMatch(new RegExp(`^  ${pod.replace(/[.]/g, "\\.")}:8:16: document 0, spec\\.containers\\[0\\]\\.resources: expected .+, got 5$`))
    expect(problem.length).toBeLessThan(200)
  })
})
