#if WebSocket
    // `import WoveWebSocket` gives the network security types too.
    @_exported public import WoveNetwork
#endif
