import Foundation

/// Processor time, for the figures `build --verbose` prints: wall time alone hides how much of the cores a
/// piece of work took while others ran beside it.
enum ProcessorTime {
    /// Processor time of the calling thread so far, in seconds.
    static func thread() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Processor time of the whole process so far (all threads, user and system), in seconds.
    static func process() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
