// The environment is a C global: read here only, by the C library's own rules (see `entries`).
#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Reads this process's environment.
///
/// `ProcessInfo.processInfo.environment` builds a dictionary of every variable on each call,
/// about a million instructions in a usual shell: too much for what every program start (which
/// asks whether it is a worker) and every worker start asks.
package enum ProcessEnvironment {
    /// The value of `name`, or `nil` when it is not set.
    package static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every `NAME=value` entry but those of `excluded` names, copied: another thread's `setenv`
    /// may free an entry in some C libraries (and racing one is undefined anyway, as with
    /// `getenv`).
    package static func entries(excluding excluded: some Collection<String>) -> [String] {
        #if canImport(Glibc)
            // `__environ`, not the overlay's `environ`, which traps once `clearenv()` emptied it.
            var cursor: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = __environ
        #else
            var cursor: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        #endif
        let prefixes = excluded.map { Array("\($0)=".utf8CString.dropLast()) }
        var entries: [String] = []
        while let current = cursor, let entry = current.pointee {
            if !prefixes.contains(where: { strncmp(entry, $0, $0.count) == 0 }) {
                entries.append(String(cString: entry))
            }
            cursor = current + 1
        }
        return entries
    }
}
