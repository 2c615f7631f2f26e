/**
 * Pod priorities as the Priority admission plugin sets them: `spec.priority` if given, else the
 * value of its `priorityClassName`, else the global default class's value, else 0; an unknown
 * class is rejected, as admission rejects the pod.
 *
 * @since 0.1.0
 */
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { where } from "./source.ts"

/** Priority classes every cluster has (Kubernetes' built-ins). @since 0.1.0 @category constants */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyMap<string, number> = new Map([
  ["system-cluster-critical", 2_000_000_000],
  ["system-node-critical", 2_000_001_000],
])

/** Priority classes known to a workload: by name, and the global default if one is marked. @since 0.1.0 @category model */
export interface PriorityClasses {
  readonly byName: ReadonlyMap<string, number>
  readonly globalDefault?: number
  /** Classes whose `preemptionPolicy` is Never (the API server defaults it to PreemptLowerPriority). */
  readonly neverPreempting?: ReadonlySet<string>
  /** The global default class's name, when one is marked. */
  readonly globalDefaultName?: string
}

/**
 * The PriorityClass objects among `manifests`, with the built-in system classes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const priorityClassesOf = (manifests: ReadonlyArray<Manifest>, base: PriorityClasses = { byName: SYSTEM_PRIORITY_CLASSES }): PriorityClasses => {
  const byName = new Map(base.byName)
  const neverPreempting = new Set(base.neverPreempting ?? [])
  let globalDefault = base.globalDefault
  let globalDefaultName = base.globalDefaultName
  for (const m of manifests) {
    if (m.kind !== "PriorityClass") continue
    const name = m.metadata?.name
    if (name === undefined) throw new SchedulerInputError(where(m, "metadata.name"), "a PriorityClass needs a name")
    byName.set(name, m.value)
    if (m.preemptionPolicy === "Never") neverPreempting.add(name)
    else neverPreempting.delete(name)
    if (m.globalDefault === true) {
      globalDefault = m.value
      globalDefaultName = name
    }
  }
  return {
    byName,
    ...(globalDefault === undefined ? {} : { globalDefault }),
    ...(globalDefaultName === undefined ? {} : { globalDefaultName }),
    ...(neverPreempting.size === 0 ? {} : { neverPreempting }),
  }
}

/**
 * A pod's priority from its spec (`priority`, `priorityClassName`); `at` is where the class name is.
 *
 * @since 0.1.0
 * @category destructors
 */
export const resolvePriority = (
  spec: { readonly priority?: number; readonly priorityClassName?: string } | undefined,
  classes: PriorityClasses,
  at: string,
): number => {
  const given: unknown = spec?.priority
  const name = spec?.priorityClassName
  if (given !== undefined) {
    // spec.priority is an int32; admission sets it from the class, so a live dump carries it
    const priorityAt = at.replace(/priorityClassName$/, "priority")
    if (typeof given !== "number" || !Number.isInteger(given) || given < INT32_MIN || given > INT32_MAX) {
      throw new SchedulerInputError(priorityAt, `Invalid value: ${JSON.stringify(given)}: must be a 32-bit integer`)
    }
    // when the class is known, a different value is what the Priority admission plugin refuses
    const resolved = name === undefined || name === "" ? classes.globalDefault : classes.byName.get(name)
    if (resolved !== undefined && resolved !== given) {
      throw new SchedulerInputError(
        priorityAt,
        `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${resolved} from the given PriorityClass name`,
      )
    }
    return given
  }
  if (name === undefined || name === "") return classes.globalDefault ?? 0
  const value = classes.byName.get(name)
  if (value === undefined) throw new SchedulerInputError(at, `no PriorityClass with name ${name} was found`)
  return value
}

/**
 * Whether a pod never preempts, as the Priority admission plugin decides it: its class's
 * `preemptionPolicy` (the global default class's when it names none) is written into the pod; a
 * pod that gives a different one is refused, as admission refuses it. `at` is where the class
 * name is.
 *
 * @since 0.1.0
 * @category destructors
 */
export const resolveNeverPreempts = (
  spec: { readonly preemptionPolicy?: string | undefined; readonly priorityClassName?: string | undefined } | undefined,
  classes: PriorityClasses,
  at: string,
): boolean => {
  const name = spec?.priorityClassName === undefined || spec.priorityClassName === "" ? classes.globalDefaultName : spec.priorityClassName
  const known = name !== undefined && classes.byName.has(name)
  const fromClass = !known ? undefined : classes.neverPreempting?.has(name) === true ? "Never" : "PreemptLowerPriority"
  const given = spec?.preemptionPolicy
  if (given !== undefined && fromClass !== undefined && given !== fromClass) {
    throw new SchedulerInputError(
      at.replace(/priorityClassName$/, "preemptionPolicy"),
      `the string value of PreemptionPolicy (${given}) must not be provided in pod spec; priority admission controller computed ${fromClass} from the given PriorityClass name`,
    )
  }
  return (given ?? fromClass) === "Never"
}

const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1
