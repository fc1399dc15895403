import CBrotli
import CZlib
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
        let copies = ParallelMap.map(files) { file -> [(path: String, data: Data)] in
            guard wants(file.path), file.data.count >= minimumSize else { return [] }
            var result = [(path: file.path + ".gz", data: gzip(file.data))]
            if let br = brotli(file.data) { result.append((file.path + ".br", br)) }
            return result
        }
        return files + copies.flatMap { $0 }
    }

    /// A gzip file (RFC 1952) around zlib's raw deflate at level 6, with mtime 0 and no name.
    static func gzip(_ data: Data) -> Data {
        var out = Data([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03])
        out.append(deflate(data, level: 6))
        let crc = data.withUnsafeBytes { UInt32(crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count))) }
        withUnsafeBytes(of: crc.littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: data.count).littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// Brotli at quality 5: most of brotli's gain over gzip at a fraction of quality 11's time.
    static func brotli(_ data: Data) -> Data? {
        var size = BrotliEncoderMaxCompressedSize(data.count)
        guard size > 0 else { return nil }
        var output = [UInt8](repeating: 0, count: size)
        let ok = data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { buffer in
                BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, input.count, input.bindMemory(to: UInt8.self).baseAddress, &size, buffer.baseAddress)
            }
        }
        return ok == BROTLI_TRUE ? Data(output[0..<size]) : nil
    }

    private static func deflate(_ data: Data, level: Int32) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return Data()
        }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        _ = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        return Data(output[0..<Int(stream.total_out)])
    }
}
