#if Backends
    extension BackendJob {
        /// ``command`` as one POSIX shell command line, every word single-quoted: what a job script
        /// or an entrypoint runs.
        public var shellCommand: String { command.map(Self.shellQuoted).joined(separator: " ") }

        /// `word` single-quoted for a POSIX shell, so that it stays one word whatever it holds.
        public static func shellQuoted(_ word: String) -> String {
            "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
#endif
