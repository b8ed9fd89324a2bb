/// The runnables of a shape's latest weave whose tasks set no option, kept with the shape
/// (``GraphShape/runnables``) so that the next such weave reuses them instead of resolving every
/// task's options and route again: the same block run in a loop, a `Weave` type run again.
///
/// A runnable holds no body and no value (a weave reads its bodies from its own definitions),
/// and the defaults it was resolved against are held weakly, so what is kept here keeps no weave,
/// observer or configuration alive: only each task's resolved options and environment. Kept
/// runnables are reused only when all of these hold; the shape already guarantees the same task
/// names, declaring lines and mapping sources:
/// - the weave resolves its options against the same ``OptionDefaults`` object, which is shared
///   (``OptionDefaults/isShared``) by the weaves that set no option of their own under one
///   configuration snapshot: another configuration, or an environment, limit, clock or observer
///   of the weave's own, makes other defaults; runnables resolved against defaults no other
///   weave shares are never kept;
/// - no task sets an option of its own (``TaskOptions/isUnset``): no environment, retries,
///   backoff, timeout, workers, pacing or delivery settings;
/// - every body is of the same kind (synchronous, `async`, mapped) as the kept one's;
/// - they run in the weave's environment, and it is local: a route to another process depends on
///   each task's codec and declaring `Weave` type as well, so such runnables are never kept.
final class RunnableMemo: Sendable {
    /// Runnables, and the defaults they were resolved against.
    private final class Kept: Sendable {
        /// Weak: once no weave and no snapshot holds these defaults, none can match them.
        weak let defaults: OptionDefaults?
        let runnables: [Runnable]

        init(defaults: OptionDefaults, runnables: [Runnable]) {
            self.defaults = defaults
            self.runnables = runnables
        }
    }

    /// The latest runnables kept, if any.
    private let kept = LockedValue<Kept?>(nil)

    /// The kept runnables, if `tasks` under `defaults` would resolve to them.
    func runnables(for tasks: [TaskDefinition], defaults: OptionDefaults) -> [Runnable]? {
        guard let kept = kept.withLock({ $0 }), kept.defaults === defaults,
            kept.runnables.count == tasks.count
        else { return nil }
        for (runnable, task) in zip(kept.runnables, tasks)
        where !task.options.isUnset || runnable.bodyKind != task.bodyKind {
            return nil
        }
        return kept.runnables
    }

    /// Keeps `runnables`, just resolved for `tasks` under `defaults`, if a later weave may reuse
    /// them.
    func keep(_ runnables: [Runnable], for tasks: [TaskDefinition], defaults: OptionDefaults) {
        guard defaults.isShared, !defaults.unsetInWeaveEnvironment.sendsRuns,
            tasks.allSatisfy(\.options.isUnset)
        else { return }
        let entry = Kept(defaults: defaults, runnables: runnables)
        kept.withLock { $0 = entry }
    }
}
