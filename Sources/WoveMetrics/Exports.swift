#if Metrics
    // `import WoveMetrics` gives the weave API too; the metrics API is swift-metrics' own import.
    @_exported public import WoveDSL
#endif
