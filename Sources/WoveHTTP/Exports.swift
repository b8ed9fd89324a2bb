#if HTTP
    // `import WoveHTTP` gives the network security types too.
    @_exported public import WoveNetwork
#endif
