#if GRPC
    // `import WoveGRPC` gives the network security types too.
    @_exported public import WoveNetwork
#endif
