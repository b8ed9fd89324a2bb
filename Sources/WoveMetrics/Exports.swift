#if Metrics
    // `import WoveMetrics` gives the metrics API too.
    @_exported public import CoreMetrics
    @_exported public import WoveDSL
#endif
