#if Logging
    // `import WoveLogging` gives `Logger` too, and the weave option that takes one.
    @_exported public import Logging
    @_exported public import WoveDSL
#endif
