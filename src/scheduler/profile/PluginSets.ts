/**
 * How kube-scheduler v1.35 turns a profile's `plugins` into the plugin list of every extension
 * point:
 *
 * 1. `mergePluginSet` (apis/config/v1/default_plugins.go), per extension point and for
 *    `multiPoint`: the default set minus the disabled names (`*` drops every default), a default
 *    that is enabled again is replaced in place by the custom entry (its weight), then the custom
 *    entries that replaced no default are appended.
 * 2. The framework (runtime/framework.go): an extension point's own enabled plugins are taken in
 *    order (each must exist, implement the point and appear once), then the `multiPoint` plugins
 *    are expanded into every point they implement, unless the point disables them (or `*`);
 *    a plugin enabled both ways keeps its explicit place. Final order: the explicit plugins that
 *    override a multiPoint one, the multiPoint-only plugins, the remaining explicit ones.
 * 3. Score weights (`getScoreWeights`): the first of `score.enabled` then `multiPoint.enabled`
 *    naming the plugin gives its weight; 0 (or none) means 1.
 *
 * @since 0.1.0
 */
import { type At, fail } from "./ConfigInput.ts"
import { DEFAULT_MULTI_POINT, EXTENSION_POINTS, type ExtensionPoint, implementsPoint, isKnownPlugin, PLUGIN_CATALOG, POINT_INTERFACE, type PluginRef } from "./PluginCatalog.ts"

/** A plugin reference and where the configuration wrote it (`undefined`: a default). @since 0.1.0 @category model */
export interface PluginEntry extends PluginRef {
  readonly at?: At
}

/** A plugin set: enabled entries in order, disabled names. @since 0.1.0 @category model */
export interface PluginSet {
  readonly enabled: ReadonlyArray<PluginEntry>
  readonly disabled: ReadonlyArray<string>
}

/** The `plugins` of a profile: a set per extension point and `multiPoint`. @since 0.1.0 @category model */
export type Plugins = Readonly<Record<ExtensionPoint | "multiPoint", PluginSet>>

/** An empty plugin set. @since 0.1.0 @category constants */
export const emptySet: PluginSet = { enabled: [], disabled: [] }

/**
 * The default `plugins`: everything in `multiPoint`.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultPlugins: Plugins = {
  multiPoint: { enabled: DEFAULT_MULTI_POINT, disabled: [] },
  ...(Object.fromEntries(EXTENSION_POINTS.map((p) => [p, emptySet])) as Record<ExtensionPoint, PluginSet>),
}

/**
 * `mergePluginSet`: the custom set merged over the default one.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergePluginSet = (defaults: PluginSet, custom: PluginSet): PluginSet => {
  const disabled = [...custom.disabled, ...defaults.disabled]
  const replaced = new Set<number>()
  const enabled: PluginEntry[] = []
  if (!disabled.includes("*")) {
    for (const d of defaults.enabled) {
      if (disabled.includes(d.name)) continue
      // the last custom entry of that name wins, as in upstream's map
      let index = -1
      custom.enabled.forEach((c, i) => {
        if (c.name === d.name) index = i
      })
      if (index >= 0) {
        replaced.add(index)
        enabled.push(custom.enabled[index] as PluginEntry)
      } else enabled.push(d)
    }
  }
  custom.enabled.forEach((c, i) => {
    if (!replaced.has(i)) enabled.push(c)
  })
  return { enabled, disabled }
}

/**
 * `mergePlugins`: every set of the custom `plugins` merged over the defaults.
 *
 * @since 0.1.0
 * @category combinators
 */
export const mergePlugins = (defaults: Plugins, custom: Plugins): Plugins =>
  Object.fromEntries((["multiPoint", ...EXTENSION_POINTS] as const).map((p) => [p, mergePluginSet(defaults[p], custom[p])])) as Plugins

/** The plugins of every extension point, in order, and the score weights. @since 0.1.0 @category model */
export interface ExpandedPlugins {
  readonly points: Readonly<Record<ExtensionPoint, ReadonlyArray<PluginEntry>>>
  readonly weights: ReadonlyMap<string, number>
}

const notImplemented = (entry: PluginEntry, at: At): never =>
  fail(
    entry.at ?? at,
    `plugin "${entry.name}" is not implemented by catcluster (kube-scheduler v1.35 in-tree plugins it models: ${Object.keys(PLUGIN_CATALOG).join(", ")})`,
  )

/**
 * The framework's view of merged `plugins` (`at` is the profile's `plugins` path, for errors not
 * tied to one entry). A plugin catcluster does not implement is a `SchedulerInputError` at the
 * entry that enables it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const expandPlugins = (plugins: Plugins, at: At): ExpandedPlugins => {
  for (const point of ["multiPoint", ...EXTENSION_POINTS] as const) {
    for (const e of plugins[point].enabled) if (!isKnownPlugin(e.name)) notImplemented(e, at)
  }
  const points = {} as Record<ExtensionPoint, ReadonlyArray<PluginEntry>>
  for (const point of EXTENSION_POINTS) {
    const own = plugins[point]
    const seen = new Set<string>()
    for (const e of own.enabled) {
      if (!implementsPoint(e.name, point)) fail(e.at ?? at, `plugin "${e.name}" does not extend ${POINT_INTERFACE[point]} plugin`)
      if (seen.has(e.name)) fail(e.at ?? at, `plugin "${e.name}" already registered as "${POINT_INTERFACE[point]}"`)
      seen.add(e.name)
    }
    if (own.disabled.includes("*")) {
      points[point] = own.enabled
      continue
    }
    const overrides = new Set<string>()
    const fromMultiPoint: PluginEntry[] = []
    for (const e of plugins.multiPoint.enabled) {
      if (!implementsPoint(e.name, point) || own.disabled.includes(e.name)) continue
      if (seen.has(e.name)) {
        overrides.add(e.name)
        continue
      }
      if (fromMultiPoint.some((m) => m.name === e.name)) fail(e.at ?? at, `plugin "${e.name}" already registered as "${POINT_INTERFACE[point]}"`)
      fromMultiPoint.push(e)
    }
    points[point] = [
      ...own.enabled.filter((e) => overrides.has(e.name)),
      ...fromMultiPoint,
      ...own.enabled.filter((e) => !overrides.has(e.name)),
    ]
  }
  const weights = new Map<string, number>()
  for (const e of [...plugins.score.enabled, ...plugins.multiPoint.enabled]) {
    if (!implementsPoint(e.name, "score") || weights.has(e.name)) continue
    weights.set(e.name, e.weight === undefined || e.weight === 0 ? 1 : e.weight)
  }
  return { points, weights }
}
