#if HTTP || WebSocket || GRPC || Backends
    import WoveRuntime

    /// The nonces a verifier has seen recently, oldest first, so pruning is cheap.
    struct NonceMemory: Sendable {
        private var seen: Set<String> = []
        private var order: [(nonce: String, timestamp: Double)] = []
        private var head = 0

        var count: Int { seen.count }

        func contains(_ nonce: String) -> Bool { seen.contains(nonce) }

        mutating func insert(_ nonce: String, at timestamp: Double) {
            seen.insert(nonce)
            order.append((nonce, timestamp))
        }

        /// Forgets nonces whose timestamp is before `cutoff`. Timestamps arrive roughly in order; a
        /// late one is forgotten when those before it are.
        mutating func prune(olderThan cutoff: Double) {
            while head < order.count, order[head].timestamp < cutoff {
                seen.remove(order[head].nonce)
                head += 1
            }
            if head > 1024, head * 2 > order.count {
                order.removeFirst(head)
                head = 0
            }
        }
    }
#endif
