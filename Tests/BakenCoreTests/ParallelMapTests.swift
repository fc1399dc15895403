@testable import BakenCore
import Foundation
import Testing

@Suite struct ParallelMapTests {
    @Test func keepsTheOrderOnAllCores() {
        let items = Array(0..<5_000)
        #expect(ParallelMap.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }

    /// A single-threaded build runs every map in order on the thread that asked for it.
    @Test func runsInOrderOnTheCallingThreadWhenSerial() {
        let caller = pthread_self()
        let seen = ParallelMap.$serial.withValue(true) {
            ParallelMap.map(Array(0..<200)) { _ in pthread_equal(pthread_self(), caller) != 0 }
        }
        #expect(seen.allSatisfy { $0 })
    }

    /// Work alongside the items runs once, and the items keep their order around it.
    @Test func runsSideWorkOnceAlongsideTheItems() {
        let items = Array(0..<5_000)
        let (doubled, side) = ParallelMap.map(items, alongside: { (0..<1_000).reduce(0, +) }) { $0 * 2 }
        #expect(doubled == items.map { $0 * 2 })
        #expect(side == 499_500)
    }

    /// Single-threaded, the side work comes first, on the calling thread.
    @Test func runsSideWorkFirstWhenSerial() {
        let caller = pthread_self()
        let order = Order()
        let (onCaller, sideOnCaller) = ParallelMap.$serial.withValue(true) {
            ParallelMap.map(Array(0..<50), alongside: { order.add(-1); return pthread_equal(pthread_self(), caller) != 0 }) { item in
                order.add(item)
                return pthread_equal(pthread_self(), caller) != 0
            }
        }
        #expect(onCaller.allSatisfy { $0 } && sideOnCaller)
        #expect(order.seen == [-1] + Array(0..<50))
    }
}

private final class Order: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var seen: [Int] = []
    func add(_ item: Int) { lock.withLock { seen.append(item) } }
}
