import CBrotli
import CDeflate
import Foundation

/// `.gz` and `.br` copies of text files, for hosts that serve precompressed files (nginx `gzip_static`,
/// `brotli_static`). Same input, same bytes: gzip carries no timestamp or name.
enum Precompressed {
    static let extensions: Set<String> = ["html", "css", "js", "xml", "json", "svg", "txt", "vcf"]
    /// Files smaller than this are not worth a compressed copy.
    static let minimumSize = 512

    static func wants(_ path: String) -> Bool {
        // The search index stays one file per shard: hosts that cap file counts count copies too (docs/search.md).
        guard let dot = path.lastIndex(of: "."), !path.hasPrefix("search-index/") else { return false }
        return extensions.contains(String(path[path.index(after: dot)...]))
    }

    /// The files with a `.gz` and a `.br` copy after each text file worth compressing; made on all cores.
    static func adding(to files: [(path: String, data: Data)]) -> [(path: String, data: Data)] {
        files + ParallelMap.map(files) { copies(of: $0.path, $0.data) }.flatMap { $0 }
    }

    /// The `.gz` and `.br` copies of one file; none when it is not text or too small to gain.
    static func copies(of path: String, _ data: Data) -> [(path: String, data: Data)] {
        guard wants(path), data.count >= minimumSize else { return [] }
        var result = [(path: path + ".gz", data: gzip(data))]
        if let br = brotli(data) { result.append((path + ".br", br)) }
        return result
    }

    /// A gzip file (RFC 1952) at libdeflate's level 6: zlib's ratio at level 6 in under half its time. libdeflate
    /// writes mtime 0 and no name, so the same input gives the same bytes.
    static func gzip(_ data: Data) -> Data {
        let compressor = Compressor.shared
        return data.withUnsafeBytes { input in
            var output = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor.pointer, input.count))
            let size = output.withUnsafeMutableBytes { buffer in
                libdeflate_gzip_compress(compressor.pointer, input.baseAddress, input.count, buffer.baseAddress, buffer.count)
            }
            return Data(output[0..<size])
        }
    }

    /// One libdeflate compressor per thread: a compressor holds its working memory and is not thread-safe.
    private final class Compressor {
        let pointer: OpaquePointer
        init() { pointer = libdeflate_alloc_compressor(6) }
        deinit { libdeflate_free_compressor(pointer) }

        static var shared: Compressor {
            let key = "baken.libdeflate"
            if let compressor = Thread.current.threadDictionary[key] as? Compressor { return compressor }
            let compressor = Compressor()
            Thread.current.threadDictionary[key] = compressor
            return compressor
        }
    }

    /// Brotli at quality 5: most of brotli's gain over gzip at a fraction of quality 11's time (at quality 4 and
    /// below, brotli makes the site's pages no smaller than gzip does). The window fits the file: a page needs
    /// no 4 MB window, and a smaller one is set up faster.
    static func brotli(_ data: Data) -> Data? {
        var size = BrotliEncoderMaxCompressedSize(data.count)
        guard size > 0 else { return nil }
        var window: Int32 = 16
        while window < 22 && (1 << window) - 16 < data.count { window += 1 }
        var output = [UInt8](repeating: 0, count: size)
        let ok = data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { buffer in
                BrotliEncoderCompress(5, window, BROTLI_MODE_TEXT, input.count, input.bindMemory(to: UInt8.self).baseAddress, &size, buffer.baseAddress)
            }
        }
        return ok == BROTLI_TRUE ? Data(output[0..<size]) : nil
    }
}
