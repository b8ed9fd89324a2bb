#if Tracing
    // `import WoveTracing` gives the tracing API too.
    @_exported public import Tracing
    @_exported public import WoveDSL
#endif
