/// Tells every open browser tab what the last build did: reload, or show these errors.
actor LiveReload {
    enum State: Sendable, Equatable {
        case ready(version: Int)
        case failed([String])
    }

    private(set) var state: State = .ready(version: 0)
    private var listeners: [Int: AsyncStream<State>.Continuation] = [:]
    private var nextID = 0
    private var version = 0

    /// A stream that starts with the current state and then yields every change.
    func subscribe() -> AsyncStream<State> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<State>.makeStream()
        continuation.yield(state)
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    func publish(_ new: State) {
        state = new
        for continuation in listeners.values { continuation.yield(new) }
    }

    /// A new good build: every page reloads.
    func succeeded() {
        version += 1
        publish(.ready(version: version))
    }

    private func remove(_ id: Int) { listeners[id] = nil }

    /// One server-sent event.
    static func event(_ state: State) -> String {
        switch state {
        case .ready(let version):
            return "event: ready\ndata: \(version)\n\n"
        case .failed(let messages):
            let data = messages.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: failed\n\(data)\n\n"
        }
    }
}
