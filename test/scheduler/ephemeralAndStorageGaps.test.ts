/**
 * Two things a user's own manifests meet first: generic ephemeral volumes, whose claims the
 * ephemeral volume controller creates (`<pod>-<volume>`, owned by the pod) before the pod can be
 * scheduled, and storage the input does not hold (a claim, a StorageClass, a default class),
 * which keeps pods pending as in a cluster without it and is said once as a warning
 * (`storageGaps`), in-process, through `schedule` and through `run`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { modelFromFiles, noStorage, pod, scheduleBatch, SchedulerInputError, storageGaps } from "../../src/scheduler/index.ts"
import { spawnCli } from "../support/spawnCli.ts"

const NODES = `apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
`
const DEFAULT_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: std, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers: [{name: c, image: busybox, resources: {requests: {cpu: 100m}}}]
      volumes:
      - name: scratch
        ephemeral:
          volumeClaimTemplate:
            metadata: {labels: {tier: scratch}, annotations: {note: kept}}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`
const model = (...docs: string[]) => modelFromFiles([{ file: "nodes.yaml", text: NODES }, { file: "in.yaml", text: docs.join("---\n") }])
const claimsOf = (m: ReturnType<typeof model>) => m.cluster.storage?.persistentVolumeClaims ?? []

describe("generic ephemeral volumes: the controller's claims", () => {
  it("each replica gets <pod>-<volume>, owned by it, with the template's class resolution, and is placed", () => {
    const m = model(DEFAULT_CLASS, DEPLOYMENT)
    const names = m.workload.pending.map((p) => p.key)
    expect(names).toHaveLength(2)
    const claims = claimsOf(m)
    expect(claims.map((c) => `${c.namespace}/${c.name}`).sort()).toEqual(names.map((k) => `${k}-scratch`).sort())
    for (const c of claims) {
      expect(c.controllerPod).toBe(c.name.slice(0, -"-scratch".length))
      expect(c.phase).toBe("Pending")
      expect(c.requestBytes).toBe(2 ** 30)
      expect(c.storageClassName).toBeUndefined() // the default class applies when read
    }
    for (const engine of ["hot", "readable"] as const) {
      expect(scheduleBatch(m.cluster, m.workload.pending, { engine }).map((p) => p.node)).toEqual(["n1", "n1"])
    }
  })

  it("a claim of that name already in the input is the one read: not owned by the pod, the pod stays pending with upstream's message", () => {
    const foreign = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: solo-scratch, namespace: shop}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
`
    const solo = `apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: shop}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: scratch, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}}]
`
    const m = model(DEFAULT_CLASS, foreign, solo)
    expect(claimsOf(m).map((c) => c.requestBytes)).toEqual([5 * 2 ** 30])
    const [placed] = scheduleBatch(m.cluster, m.workload.pending)
    expect(placed?.node).toBeNull()
    expect(placed?.message).toContain("PVC shop/solo-scratch was not created for pod shop/solo (pod is not owner)")
  })

  it("the API server's validation: a missing volumeClaimTemplate, and a template spec that is not a claim's, name their path", () => {
    const noTemplate = `apiVersion: v1
kind: Pod
metadata: {name: e}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: v, ephemeral: {}}]
`
    expect(() => model(noTemplate)).toThrow(SchedulerInputError)
    expect(() => model(noTemplate)).toThrow("in.yaml: document 0, spec.volumes[0].ephemeral.volumeClaimTemplate: Required value")
    const badSpec = DEPLOYMENT.replace("accessModes: [ReadWriteOnce]", "accessModes: ReadWriteOnce")
    expect(() => model(badSpec)).toThrow(
      'in.yaml: document 0, spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: not a valid PersistentVolumeClaim spec: expected Array<PersistentVolumeAccessMode>, got "ReadWriteOnce"',
    )
  })
})

const STATEFUL = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 2
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres, resources: {requests: {cpu: 100m}}}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`
const gapsOf = (m: ReturnType<typeof model>) => storageGaps(m.workload.pending, m.cluster.storage ?? noStorage)

describe("storageGaps: what the pods need and the input lacks", () => {
  it("claims without a class and no default StorageClass: one warning naming them; the pods stay pending as upstream says", () => {
    const m = model(STATEFUL)
    expect(gapsOf(m)).toEqual([
      '2 PersistentVolumeClaims name no StorageClass and the input holds no default StorageClass (annotation storageclass.kubernetes.io/is-default-class: "true") nor a PersistentVolume without a class (shop/data-db-0, shop/data-db-1): they stay unbound and the pods mounting them pending, as in a cluster without a default class; if yours has one, add it (kubectl get storageclass -o yaml)',
    ])
    for (const p of scheduleBatch(m.cluster, m.workload.pending)) {
      expect(p.node).toBeNull()
      expect(p.message).toMatch(/^0\/1 nodes are available: pod has unbound immediate PersistentVolumeClaims\./)
    }
  })

  it("nothing to say with a default class, with a PersistentVolume of no class, or for a bound claim", () => {
    expect(gapsOf(model(DEFAULT_CLASS, STATEFUL))).toEqual([])
    const classless = `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv0}
spec: {storageClassName: "", capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /d}}
`
    expect(gapsOf(model(classless, STATEFUL))).toEqual([])
    const boundClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data-db-0, namespace: shop, annotations: {pv.kubernetes.io/bind-completed: "yes"}}
spec: {volumeName: pv9, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`
    expect(gapsOf(model(boundClaim, STATEFUL))).toEqual([
      expect.stringMatching(/^1 PersistentVolumeClaim names no StorageClass .*\(shop\/data-db-1\): it stays unbound and the pods mounting it pending/),
    ])
  })

  it("a claim the input lacks, and a StorageClass named but absent", () => {
    const mounts = (name: string, claim: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: a}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: v, persistentVolumeClaim: {claimName: ${claim}}}]
`
    const fast = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: fast-claim, namespace: a}
spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`
    const gaps = gapsOf(model(DEFAULT_CLASS, mounts("p1", "nope"), mounts("p2", "nope"), fast, mounts("p3", "fast-claim")))
    expect(gaps).toEqual([
      "2 pods mount PersistentVolumeClaims the input does not hold (a/nope for a/p1, a/nope for a/p2): kube-scheduler finds no such claim and keeps them pending, as σ does here; if your cluster has them, add them (kubectl get pvc -A -o yaml)",
      'StorageClass "fast", named by 1 unbound PersistentVolumeClaim (a/fast-claim), is not in the input: without it no provisioner creates a volume for it (kube-scheduler reads it as an unbound Immediate claim) and the pods mounting it stay pending, as σ shows here; add it (kubectl get storageclass -o yaml)',
    ])
    // more than three are shown with a count
    const many = gapsOf(model(...["a", "b", "c", "d"].map((n) => mounts(n, `c-${n}`))))
    expect(many).toEqual([expect.stringContaining("(a/c-a for a/a, a/c-b for a/b, a/c-c for a/c, … (4 in all))")])
  })

  it("the documented example", () => {
    const p = { ...pod("shop/db-0", { cpu: 100 }), volumes: [{ name: "data", source: { type: "persistentVolumeClaim" as const, claimName: "data-db-0", readOnly: false } }] }
    expect(storageGaps([p], noStorage)[0]).toMatch(/^1 pod mounts PersistentVolumeClaims the input does not hold \(shop\/data-db-0 for shop\/db-0\): /)
  })
})

describe("the CLI says each gap on stderr", () => {
  const dir = mkdtempSync(join(tmpdir(), "catcluster-gaps-"))
  writeFileSync(join(dir, "nodes.yaml"), NODES)
  writeFileSync(join(dir, "db.yaml"), STATEFUL)

  it("schedule: the warning on stderr, the pods pending on stdout, exit 0", async () => {
    const r = await spawnCli("schedule", "--nodes", join(dir, "nodes.yaml"), "--workloads", join(dir, "db.yaml"))
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("catcluster: warning: 2 PersistentVolumeClaims name no StorageClass")
    expect(r.stdout).toContain("shop/db-0  (pending)  0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.")
  }, 120_000)

  it("schedule: only the ordinals OrderedReady creates are named (db-1 waits for db-0, which stays pending)", async () => {
    writeFileSync(join(dir, "ordered.yaml"), STATEFUL.replace("  podManagementPolicy: Parallel\n", ""))
    const r = await spawnCli("schedule", "--nodes", join(dir, "nodes.yaml"), "--workloads", join(dir, "ordered.yaml"))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/catcluster: warning: 1 PersistentVolumeClaim names no StorageClass .*\(shop\/data-db-0\)/)
    expect(r.stderr).not.toContain("data-db-1")
    expect(r.stdout).toContain("shop/db-1  (not created)")
  }, 120_000)

  it("run: only the ordinals OrderedReady creates are counted (db-1 waits for db-0, which stays pending)", async () => {
    const out = join(dir, "ordered-out")
    const r = await spawnCli("run", "--nodes", join(dir, "nodes.yaml"), "--workloads", join(dir, "ordered.yaml"), "--out", out, "--only", "decode,schedule", "-q")
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { warnings: string[] }
    expect(report.warnings).toEqual([expect.stringMatching(/^1 PersistentVolumeClaim names no StorageClass .*\(shop\/data-db-0\)/)])
    expect(r.stderr).toContain("catcluster: warning: 1 PersistentVolumeClaim names no StorageClass")
  }, 120_000)

  it("run: the warning on stderr, in the summary and in report.json", async () => {
    const out = join(dir, "out")
    const r = await spawnCli("run", "--nodes", join(dir, "nodes.yaml"), "--workloads", join(dir, "db.yaml"), "--out", out, "--only", "decode,schedule", "-q")
    expect(r.stderr).toContain("catcluster: warning: 2 PersistentVolumeClaims name no StorageClass")
    expect(r.stdout).toContain("1 storage warning (objects the pods need are not in the input)")
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { warnings: string[]; steps: { schedule: { result: { storageWarnings: string[] } } } }
    expect(report.warnings).toHaveLength(1)
    expect(report.steps.schedule.result.storageWarnings).toEqual(report.warnings)
  }, 120_000)
})
