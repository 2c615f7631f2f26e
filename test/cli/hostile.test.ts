/**
 * Hostile input through the command line (issue 14): every case exits 2 with a message naming
 * the file, the path or the limit, never a stack trace and never a runtime warning, and nothing
 * blocks.
 */
import { spawnSync } from "node:child_process"
import { closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => cliWith({}, ...args)
const cliWith = (io: { readonly input?: string; readonly stdin?: number }, ...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], {
    encoding: "utf8",
    cwd: root,
    timeout: 60_000,
    ...(io.input === undefined ? {} : { input: io.input }),
    ...(io.stdin === undefined ? {} : { stdio: [io.stdin, "pipe", "pipe"] }),
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
/** Exit 2, the message, no stack trace, no Node warning. */
const refused = (r: { code: number | null; stderr: string }, ...messages: ReadonlyArray<string | RegExp>) => {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(r.stderr).not.toMatch(/\(node:\d+\) Warning/)
  for (const m of messages) expect(r.stderr).toMatch(m)
  expect(r.code).toBe(2)
}

const dir = mkdtempSync(join(tmpdir(), "catcluster-hostile-"))
const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const nodes = write("nodes.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: '8', memory: 16Gi, pods: '110', hugepages-2Mi: 1Gi}\n")

describe("hostile manifests: exit 2 at the path", () => {
  it("a complex YAML key (? [a, b] : c), in schedule and check", () => {
    const pods = write("complex.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: k\n  labels:\n    ? [a, b]\n    : c\nspec: {containers: [{name: c, image: x}]}\n")
    const message = `${pods}:6:5: document 0, metadata.labels: a mapping key is a sequence`
    refused(cli("schedule", "--nodes", nodes, "--pods", pods), message)
    refused(cli("check", "--nodes", nodes, "--workloads", pods), message)
  })
})

describe("accepted before although Kubernetes rejects it: exit 2 at the path", () => {
  it("hugepages requested without a limit, and a hugepages request ≠ its limit (schedule)", () => {
    const noLimit = write("hugepages.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec: {containers: [{name: c, image: x, resources: {requests: {cpu: 100m, hugepages-2Mi: 4Mi}}}]}\n")
    refused(cli("schedule", "--nodes", nodes, "--pods", noLimit), `${noLimit}: document 0, spec.containers[0].resources.limits["hugepages-2Mi"]: Required value: Limit must be set for non overcommitable resources`)
    const unequal = write("hugepages-unequal.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec: {containers: [{name: c, image: x, resources: {requests: {cpu: 100m, hugepages-2Mi: 4Mi}, limits: {hugepages-2Mi: 8Mi}}}]}\n")
    refused(cli("schedule", "--nodes", nodes, "--pods", unequal), `${unequal}: document 0, spec.containers[0].resources.requests["hugepages-2Mi"]: Invalid value: "4Mi": must be equal to hugepages-2Mi limit of 8Mi`)
  })

  it("two Pods of one name in one namespace, in two files: exit 2 naming both places (schedule and check)", () => {
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: twin}\nspec: {containers: [{name: c, image: x}]}\n"
    const a = write("twin-a.yaml", pod)
    const b = write("twin-b.yaml", pod)
    for (const command of ["schedule", "check"]) refused(cli(command, "--nodes", nodes, "--workloads", a, b), `Pod default/twin (${a}: document 0 and ${b}: document 0)`)
  })
})

describe("hostile files: only regular files, within a limit, named", () => {
  const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x, resources: {requests: {cpu: 100m}}}]}\n"

  it("a FIFO named *.yaml inside a --workloads directory and a dangling symlink: exit 2 naming each, nothing blocks", () => {
    const workloads = join(dir, "workloads")
    mkdirSync(join(workloads, "sub"), { recursive: true })
    write("workloads/a.yaml", pod)
    symlinkSync(join(dir, "gone.yaml"), join(workloads, "sub", "broken.yaml"))
    const hasFifo = spawnSync("mkfifo", [join(workloads, "sub", "pipe.yaml")]).status === 0
    const r = cli("schedule", "--nodes", nodes, "--workloads", workloads)
    refused(r, `cannot read ${join(workloads, "sub", "broken.yaml")}: a dangling symlink (to ${join(dir, "gone.yaml")})`)
    if (hasFifo) expect(r.stderr).toContain(`cannot read ${join(workloads, "sub", "pipe.yaml")}: not a regular file: a FIFO (named pipe)`)
    // the directory itself is not blamed
    expect(r.stderr).not.toMatch(new RegExp(`cannot read ${workloads}:`))
  })

  it("--pods /dev/zero and --stdin from /dev/zero: exit 2 naming the device, at once", () => {
    refused(cli("schedule", "--nodes", nodes, "--pods", "/dev/zero"), "cannot read /dev/zero: not a regular file: a character device")
    const zero = openSync("/dev/zero", "r")
    try {
      refused(cliWith({ stdin: zero }, "check", "--nodes", nodes, "--stdin"), "cannot read standard input: not a file or a pipe: a character device")
    } finally {
      closeSync(zero)
    }
  })

  it("a file over --max-file-size is exit 2 naming the limit; the flag raises it; standard input has the same limit; a bad value is exit 2", () => {
    const pods = write("one-pod.yaml", pod)
    refused(cli("schedule", "--nodes", nodes, "--pods", pods, "--max-file-size", "100"), `cannot read ${pods}: ${pod.length} bytes is over the limit of 100 bytes per file (--max-file-size raises it`)
    const ok = cli("schedule", "--nodes", nodes, "--pods", pods, "--max-file-size", "1Ki")
    expect(ok.stdout).toContain("default/p  n1")
    expect(ok.code).toBe(0)
    refused(cliWith({ input: pod + "#".repeat(50) }, "schedule", "--nodes", nodes, "--stdin", "--max-file-size", "150"), "cannot read standard input: more than 150 bytes, the limit per file (--max-file-size raises it")
    refused(cli("schedule", "--nodes", nodes, "--max-file-size", "-1"), "--max-file-size: expected a positive number of bytes")
    const help = cli("schedule", "--help")
    expect(help.stdout).toMatch(/--max-file-size <bytes>[\s\S]*only regular files are\s+read\s+\(default 256Mi\)/)
  })
})
