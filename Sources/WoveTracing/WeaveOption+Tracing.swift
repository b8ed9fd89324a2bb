#if Tracing
    public import Tracing
    public import WoveDSL

    extension WeaveOption {
        /// Traces the weave with `tracer` (default: the bootstrapped one) through a
        /// ``WeaveTracing``.
        public static func tracing(_ tracer: any Tracer = InstrumentationSystem.tracer) -> Self {
            .observer(WeaveTracing(tracer: tracer))
        }
    }
#endif
