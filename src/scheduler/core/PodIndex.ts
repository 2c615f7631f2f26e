/**
 * The hot path's index of bound pods by what relates them to other pods: pods with the same
 * namespace, labels and terminating flag form one *label class* (the replicas of one template
 * share a class), and each class knows on which nodes how many of its pods run. Selectors are
 * matched against classes, not pods, and the matches are memoised: classes only ever get added,
 * so a memo entry just extends itself over the classes created since it was last read. A selector
 * with an equality requirement only looks at the classes carrying that label (an inverted index
 * by `key=value`), so a new Deployment's selector costs its own classes, not every class.
 *
 * Inter-pod affinity terms of bound pods are indexed the same way (`TermClass`): one class per
 * distinct (owner namespace, kind, weight, effective selector, namespaces, namespace selector,
 * topology key), with its per-node counts.
 *
 * @since 0.1.0
 */
import type { LabelSelector, Labels } from "../model/LabelSelector.ts"
import { labelSelectorMatches, mergeLabelKeys, showSelector } from "../model/LabelSelector.ts"
import type { PodAffinityTerm } from "../model/PodAffinity.ts"
import { labelsOf, namespaceOf, type SchedulingPod } from "../model/SchedulingPod.ts"

/** Pods of one namespace with the same labels (and terminating flag). @since 0.1.0 @category model */
export interface LabelClass {
  readonly namespace: string
  readonly labels: Labels
  readonly terminating: boolean
  /** Node index → pods of this class bound there (only non-zero entries). */
  readonly onNode: Map<number, number>
}

/** The four kinds of term a bound pod can carry. @since 0.1.0 @category constants */
export const TERM = { requiredAffinity: 0, requiredAntiAffinity: 1, preferredAffinity: 2, preferredAntiAffinity: 3 } as const

/** One distinct affinity term of bound pods. @since 0.1.0 @category model */
export interface TermClass {
  readonly kind: number
  readonly weight: number
  /** The effective selector (matchLabelKeys / mismatchLabelKeys merged from the owner's labels). */
  readonly selector: LabelSelector | undefined
  readonly namespaces: ReadonlySet<string>
  readonly namespaceSelector: LabelSelector | undefined
  readonly topologyKey: string
  readonly onNode: Map<number, number>
}

/** @since 0.1.0 @category model */
export interface PodIndex {
  readonly classes: LabelClass[]
  readonly classByKey: Map<string, number>
  readonly terms: TermClass[]
  readonly termByKey: Map<string, number>
  /** Class ids per `key=value` label, ascending. */
  readonly byLabel: Map<string, number[]>
  /** Selector memo: key → matching class ids, the candidate list examined, and how far. */
  readonly memo: Map<string, { readonly matches: number[]; readonly candidates: ReadonlyArray<number> | null; checked: number }>
  /** The last class looked up, by the identity of its labels object (classes never change id). */
  readonly last: { labels: Labels | undefined; namespace: string; terminating: boolean; id: number }
}

/** An empty index. @since 0.1.0 @category constructors */
export const podIndex = (): PodIndex => ({ classes: [], classByKey: new Map(), terms: [], termByKey: new Map(), byLabel: new Map(), memo: new Map(), last: { labels: undefined, namespace: "", terminating: false, id: -1 } })

const sortedLabels = (labels: Labels): string =>
  JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]))

/**
 * The label class of a pod, created when new.
 *
 * @since 0.1.0
 * @category mutations
 */
export const labelClassOf = (index: PodIndex, pod: SchedulingPod): number => {
  const namespace = namespaceOf(pod)
  const labels = labelsOf(pod)
  const terminating = pod.terminating === true
  // a template's replicas share its labels object: the class of the last pod, without its key
  const last = index.last
  if (last.labels === labels && last.namespace === namespace && last.terminating === terminating) return last.id
  const id = classFor(index, namespace, labels, terminating)
  last.labels = labels
  last.namespace = namespace
  last.terminating = terminating
  last.id = id
  return id
}

const classFor = (index: PodIndex, namespace: string, labels: Labels, terminating: boolean): number => {
  const key = `${namespace}\u0000${terminating ? 1 : 0}\u0000${sortedLabels(labels)}`
  let id = index.classByKey.get(key)
  if (id === undefined) {
    id = index.classes.length
    index.classes.push({ namespace, labels, terminating, onNode: new Map() })
    index.classByKey.set(key, id)
    for (const [k, v] of Object.entries(labels)) {
      const pair = `${k}=${v}`
      const list = index.byLabel.get(pair)
      if (list === undefined) index.byLabel.set(pair, [id])
      else list.push(id)
    }
  }
  return id
}

const bump = (onNode: Map<number, number>, node: number, delta: number): void => {
  const next = (onNode.get(node) ?? 0) + delta
  if (next === 0) onNode.delete(node)
  else onNode.set(node, next)
}

/** Count a pod of class `c` on `node` (delta ±1). @since 0.1.0 @category mutations */
export const moveClass = (index: PodIndex, c: number, node: number, delta: number): void =>
  bump((index.classes[c] as LabelClass).onNode, node, delta)

/**
 * The namespaces a term looks in, from its owner: listed ones, or the owner's own when neither
 * names nor a namespace selector are given.
 *
 * @since 0.1.0
 * @category accessors
 */
export const termNamespaces = (term: PodAffinityTerm, ownerNamespace: string): ReadonlySet<string> =>
  term.namespaces.length === 0 && term.namespaceSelector === undefined ? new Set([ownerNamespace]) : new Set(term.namespaces)

/**
 * The term classes of a pod's affinity terms (created when new), each with its kind.
 *
 * @since 0.1.0
 * @category mutations
 */
export const termClassesOf = (index: PodIndex, pod: SchedulingPod): ReadonlyArray<number> => {
  const out: number[] = []
  const owner = namespaceOf(pod)
  const labels = labelsOf(pod)
  const add = (kind: number, weight: number, t: PodAffinityTerm): void => {
    const selector = mergeLabelKeys(t.labelSelector, labels, t.matchLabelKeys ?? [], t.mismatchLabelKeys ?? [])
    const namespaces = termNamespaces(t, owner)
    const key = JSON.stringify([kind, weight, showSelector(selector), [...namespaces].sort(), t.namespaceSelector === undefined ? null : showSelector(t.namespaceSelector), t.topologyKey])
    let id = index.termByKey.get(key)
    if (id === undefined) {
      id = index.terms.length
      index.terms.push({ kind, weight, selector, namespaces, namespaceSelector: t.namespaceSelector, topologyKey: t.topologyKey, onNode: new Map() })
      index.termByKey.set(key, id)
    }
    out.push(id)
  }
  for (const t of pod.podAffinity?.required ?? []) add(TERM.requiredAffinity, 0, t)
  for (const t of pod.podAntiAffinity?.required ?? []) add(TERM.requiredAntiAffinity, 0, t)
  for (const w of pod.podAffinity?.preferred ?? []) add(TERM.preferredAffinity, w.weight, w.term)
  for (const w of pod.podAntiAffinity?.preferred ?? []) add(TERM.preferredAntiAffinity, w.weight, w.term)
  return out
}

/** Count a term of a pod on `node` (delta ±1). @since 0.1.0 @category mutations */
export const moveTerm = (index: PodIndex, t: number, node: number, delta: number): void =>
  bump((index.terms[t] as TermClass).onNode, node, delta)

/**
 * The label classes a predicate over (namespace, labels) selects, memoised under `key` (the
 * caller's stable description of the predicate). Terminating pods are included; callers that
 * skip them test `terminating`.
 *
 * @since 0.1.0
 * @category accessors
 */
export const matchingClasses = (
  index: PodIndex,
  key: string,
  matches: (namespace: string, labels: Labels) => boolean,
  selector?: LabelSelector,
): ReadonlyArray<number> => {
  let m = index.memo.get(key)
  if (m === undefined) {
    m = { matches: [], candidates: selector === undefined ? null : candidatesOf(index, selector), checked: 0 }
    index.memo.set(key, m)
  }
  if (m.candidates === null) {
    for (; m.checked < index.classes.length; m.checked++) {
      const c = index.classes[m.checked] as LabelClass
      if (matches(c.namespace, c.labels)) m.matches.push(m.checked)
    }
  } else {
    for (; m.checked < m.candidates.length; m.checked++) {
      const id = m.candidates[m.checked] as number
      const c = index.classes[id] as LabelClass
      if (matches(c.namespace, c.labels)) m.matches.push(id)
    }
  }
  return m.matches
}

const NONE: ReadonlyArray<number> = []

// The classes a selector can possibly match: those carrying one of its equality labels (the
// shortest such list), or null for "every class". The lists grow in place as classes are added.
const candidatesOf = (index: PodIndex, selector: LabelSelector): ReadonlyArray<number> | null => {
  for (const r of selector.matchExpressions ?? []) if (r.operator === "In" && r.values.length === 0) return NONE
  let best: ReadonlyArray<number> | null = null
  const consider = (pair: string): void => {
    let list = index.byLabel.get(pair)
    if (list === undefined) {
      // no class has it yet: register the (empty) list so later classes land in it
      list = []
      index.byLabel.set(pair, list)
    }
    if (best === null || list.length < best.length) best = list
  }
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) consider(`${k}=${v}`)
  for (const r of selector.matchExpressions ?? []) if (r.operator === "In" && r.values.length === 1) consider(`${r.key}=${r.values[0] as string}`)
  return best
}

/**
 * The memo key and predicate of "in `namespace`, selected by `selector`".
 *
 * @since 0.1.0
 * @category accessors
 */
export const inNamespaceSelected = (
  index: PodIndex,
  namespace: string,
  selector: LabelSelector | undefined,
): ReadonlyArray<number> =>
  selector === undefined
    ? []
    : matchingClasses(index, `ns\u0000${namespace}\u0000${shown(selector)}`, (ns, labels) => ns === namespace && labelSelectorMatches(selector, labels), selector)

// Selectors are immutable and asked for again at every replica's cycle: their text, once each.
const shownSelectors = new WeakMap<LabelSelector, string>()
const shown = (selector: LabelSelector): string => {
  let text = shownSelectors.get(selector)
  if (text === undefined) {
    text = showSelector(selector)
    shownSelectors.set(selector, text)
  }
  return text
}
