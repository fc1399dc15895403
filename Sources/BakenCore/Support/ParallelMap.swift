import Dispatch

/// Maps an array on all cores; the result keeps the input's order, so output never depends on scheduling.
enum ParallelMap {
    /// Set for a build with `singleThreaded`: every map runs in order on the calling thread.
    @TaskLocal static var serial = false

    static func map<T: Sendable, U>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        map(items, alongside: {}, transform).0
    }

    /// Maps `items` on all cores with `side` as one more piece of work: the first worker to start takes `side`
    /// while the others take items, and joins them when it is done. Cores stay busy without more threads
    /// than cores. Single-threaded, `side` runs first.
    static func map<T: Sendable, U, S>(_ items: [T], alongside side: @Sendable () -> S, _ transform: @Sendable (T) -> U) -> ([U], S) {
        if serial {
            let sideResult = side()
            return (items.map(transform), sideResult)
        }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        let sideResult = UnsafeMutableBufferPointer<S?>.allocate(capacity: 1)
        sideResult.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
            sideResult.deinitialize()
            sideResult.deallocate()
        }
        let slots = Slots(results), sideSlot = Slots(sideResult)
        DispatchQueue.concurrentPerform(iterations: items.count + 1) { index in
            if index == 0 {
                sideSlot.buffer[0] = side()
            } else {
                slots.buffer[index - 1] = transform(items[index - 1])
            }
        }
        return (results.map { $0! }, sideResult[0]!)
    }
}

/// Lets concurrent workers write their own slots of one buffer; each index is written by one worker only.
struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
