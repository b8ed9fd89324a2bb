/// A configuration as weaves read it: the configuration, and the options of a weave that sets
/// none of its own, resolved once.
///
/// ``Wove`` keeps one for the process-wide configuration, made again whenever it changes, and a
/// scope of ``Wove/withConfiguration(_:operation:)`` one of its own, so a weave that sets no
/// options takes its ``WeaveOptions`` as they are instead of resolving them from a copy of the
/// configuration each time.
final class ConfigurationSnapshot: Sendable {
    let configuration: WoveConfiguration
    /// The options of a weave that sets none, or why there are none (its environment is not
    /// configured).
    private let unsetOptions: Result<WeaveOptions, WeaveError>

    init(_ configuration: WoveConfiguration) {
        self.configuration = configuration
        unsetOptions = Result { () throws(WeaveError) in
            try WeaveOptions(WeaveSettings(), configuration: configuration)
        }
    }

    /// The options of a weave with `settings`.
    func options(for settings: WeaveSettings) throws(WeaveError) -> WeaveOptions {
        guard settings.setsNoOption else { return try WeaveOptions(settings, configuration: configuration) }
        return try unsetOptions.get()
    }
}
