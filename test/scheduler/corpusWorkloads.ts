/**
 * The shared corpus (`../shared/corpus/{k8s,kubevirt}/*.yaml`) as the scheduler reads it, for the
 * tests that schedule it: each file's workload (VMs started), with a default StorageClass `local`
 * appended — the corpus's DataVolumes name that class, and without it upstream's VolumeBinding holds
 * the VM ("unbound immediate PersistentVolumeClaims"). The corpus is absent in a user's clone:
 * callers skip on {@link CORPUS_PRESENT}.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { type Workload, workloadFromText } from "../../src/scheduler/index.ts"

/** Where the corpus lives. */
export const CORPUS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus")

/** Whether this checkout has the corpus beside it. */
export const CORPUS_PRESENT = existsSync(CORPUS)

const DEFAULT_STORAGE_CLASS =
  "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local, annotations: {storageclass.kubernetes.io/is-default-class: 'true'}}\nprovisioner: rancher.io/local-path\nvolumeBindingMode: WaitForFirstConsumer\n"

/** Every corpus file (its base name) with its workload. */
export const corpusWorkloads = (): ReadonlyArray<{ readonly file: string; readonly workload: Workload }> =>
  ["k8s", "kubevirt"].flatMap((sub) =>
    readdirSync(join(CORPUS, sub))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => {
        const path = join(CORPUS, sub, f)
        return { file: f, workload: workloadFromText(`${readFileSync(path, "utf8")}\n---\n${DEFAULT_STORAGE_CLASS}`, path, { startVms: true }) }
      }),
  )
