#if Logging
    public import Logging
    public import WoveDSL

    extension WeaveOption {
        /// Logs the weave's events to `logger` through a ``WeaveLogger``.
        ///
        /// ```swift
        /// var logger = Logger(label: "reports")
        /// logger.logLevel = .debug
        /// try await weave(options: .logger(logger)) { … }
        /// ```
        public static func logger(_ logger: Logger) -> Self { .observer(WeaveLogger(logger)) }
    }
#endif
