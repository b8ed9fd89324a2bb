#if Logging
    // `import WoveLogging` gives the weave API and the option that takes a `Logger` (from swift-log's
    // `Logging`, which callers import themselves).
    @_exported public import WoveDSL
#endif
