/// A problem found in a site, pointing at the file and line that caused it.
public struct Diagnostic: Error, Sendable, Equatable, Comparable, CustomStringConvertible {
    /// A note says what the build did about something unusual; it is never a warning, not even under --strict.
    public enum Severity: String, Sendable, Equatable { case error, warning, note }

    public var severity: Severity
    /// Path relative to the site folder, or nil for problems with the whole site.
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ severity: Severity = .error, file: String?, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    public static func warning(file: String?, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, message)
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        return location + (severity == .warning ? "warning: " : severity == .note ? "note: " : "") + message
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file ?? "", a.line ?? 0, a.message) < (b.file ?? "", b.line ?? 0, b.message)
    }
}

/// A build that stopped: every error found, with the warnings seen on the way.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics across a stage so that all of them are reported together.
struct Diagnostics: Sendable {
    private(set) var all: [Diagnostic] = []

    var hasErrors: Bool { all.contains { $0.severity == .error } }

    mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    mutating func add(contentsOf others: [Diagnostic]) { all.append(contentsOf: others) }

    mutating func error(_ file: String?, _ line: Int? = nil, _ message: String) {
        all.append(Diagnostic(file: file, line: line, message))
    }

    mutating func warning(_ file: String?, _ line: Int? = nil, _ message: String) {
        all.append(.warning(file: file, line: line, message))
    }

    mutating func note(_ file: String?, _ line: Int? = nil, _ message: String) {
        all.append(Diagnostic(.note, file: file, line: line, message))
    }

    /// Throws every diagnostic when any of them is an error.
    func check() throws(BuildFailure) {
        if hasErrors { throw BuildFailure(all) }
    }
}
