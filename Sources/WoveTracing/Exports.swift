#if Tracing
    // `import WoveTracing` gives the weave API too; the tracing API is swift-distributed-tracing's own
    // import.
    @_exported public import WoveDSL
#endif
