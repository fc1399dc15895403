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
}
