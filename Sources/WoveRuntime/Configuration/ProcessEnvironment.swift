#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one variable of this process's environment.
///
/// `ProcessInfo.processInfo.environment` builds a dictionary of every variable on each call,
/// about a million instructions in a usual shell: too much for what every program start (which
/// asks whether it is a worker) and every worker start asks.
package enum ProcessEnvironment {
    /// The value of `name`, or `nil` when it is not set.
    package static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
