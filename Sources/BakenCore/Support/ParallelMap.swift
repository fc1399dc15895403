import Dispatch

/// Maps an array on all cores; the result keeps the input's order, so output never depends on scheduling.
enum ParallelMap {
    /// Set for a build with `singleThreaded`: every map runs in order on the calling thread.
    @TaskLocal static var serial = false

    static func map<T: Sendable, U>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if serial { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = Slots(results)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.buffer[index] = transform(items[index])
        }
        return results.map { $0! }
    }
}

/// Lets concurrent workers write their own slots of one buffer; each index is written by one worker only.
struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
