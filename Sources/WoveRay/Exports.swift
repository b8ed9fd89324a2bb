#if Ray
    @_exported public import WoveBackends
#endif
