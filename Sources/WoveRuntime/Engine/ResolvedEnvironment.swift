/// An environment tasks run in, with its settings: a class, so that each task of a weave reads
/// them through one reference rather than copying them.
final class ResolvedEnvironment: Sendable {
    let name: String
    let settings: EnvironmentSettings

    init(name: String, settings: EnvironmentSettings) {
        self.name = name
        self.settings = settings
    }
}
