#if Slurm
    @_exported public import WoveBackends
#endif
