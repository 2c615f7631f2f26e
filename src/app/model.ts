import { readFileSync } from "node:fs"

/**
 * The embedded default model (`src/model/default-cluster.yaml`): a small hybrid cluster with
 * NUMA/KVM hosts, pods, VMs, VMIs, quotas, a service and an HPA.
 *
 * @since 0.1.0
 */

/** Where the default model lives inside the package. @since 0.1.0 @category constants */
export const defaultModelUrl = new URL("../model/default-cluster.yaml", import.meta.url)

/** The default model's YAML text. @since 0.1.0 @category constants */
export const defaultModelText = (): string => readFileSync(defaultModelUrl, "utf8")

/** A model file as given to the pipeline. @since 0.1.0 @category model */
export interface ModelFile {
  readonly file: string
  readonly text: string
}
