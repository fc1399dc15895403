#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A minimal HTTP/1.1 client over a socket, enough to read pages and a server-sent event stream in tests.
enum HTTP {
    enum Failure: Error { case connect, timeout, closed }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw Failure.connect }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    static func get(port: Int, path: String) throws -> (status: Int, body: String) {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Reads `event:` / `data:` blocks from a text/event-stream response sent in chunks.
    final class EventStream {
        private let fd: Int32
        private var raw: [UInt8] = []
        private var headersDone = false
        private var text = ""

        init(port: Int, path: String) throws {
            fd = try HTTP.connect(port: port)
            HTTP.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(fd) }

        /// The next event's name and data (data lines joined with newlines).
        func next() throws -> (String, String) {
            while true {
                if let range = text.range(of: "\n\n") {
                    let block = String(text[..<range.lowerBound])
                    text = String(text[range.upperBound...])
                    var name = "", data: [String] = []
                    for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                        if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                    }
                    if !name.isEmpty { return (name, data.joined(separator: "\n")) }
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 { throw Failure.timeout }
                if n == 0 { throw Failure.closed }
                raw += buffer[0..<n]
                decode()
            }
        }

        /// Moves complete chunks from `raw` into `text`, after the response headers.
        private func decode() {
            let crlf: [UInt8] = [13, 10]
            if !headersDone {
                guard let end = find([13, 10, 13, 10], in: raw) else { return }
                raw.removeFirst(end + 4)
                headersDone = true
            }
            while let lineEnd = find(crlf, in: raw) {
                let sizeText = String(decoding: raw[0..<lineEnd], as: UTF8.self)
                guard let size = Int(sizeText, radix: 16), raw.count >= lineEnd + 2 + size + 2 else { return }
                text += String(decoding: raw[(lineEnd + 2)..<(lineEnd + 2 + size)], as: UTF8.self)
                raw.removeFirst(lineEnd + 2 + size + 2)
            }
        }

        private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard haystack.count >= needle.count else { return nil }
            for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return i }
            return nil
        }
    }
}
