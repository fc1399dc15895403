import Foundation

/// A file the build writes: its path inside the output folder and where its bytes come from.
struct OutputFile: Sendable {
    enum Contents: Sendable {
        case text(String)
        /// Copied from a file of the site, path relative to the site folder.
        case copy(String)
        /// Bytes made by the build, such as a lesson pack.
        case data(Data)
    }

    var path: String
    var contents: Contents
}
