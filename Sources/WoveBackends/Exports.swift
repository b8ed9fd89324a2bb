#if Backends
    @_exported public import WoveNetwork
#endif
