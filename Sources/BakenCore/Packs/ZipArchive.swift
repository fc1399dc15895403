import CZlib
import Foundation

/// A zip file made in memory, byte for byte the same for the same entries: sorted names, one fixed date,
/// fixed permissions, no extra fields. Deflate through zlib, or stored when deflate would not make it smaller.
struct ZipArchive: Sendable {
    struct Entry: Sendable {
        var path: String
        var data: Data
    }

    var entries: [Entry]
    /// The modification date of every entry, at midnight.
    var date: Day

    /// The archive's bytes; entries in byte order of their paths.
    func bytes() -> Data {
        var out = Data()
        var central = Data()
        let (dosTime, dosDate) = (UInt16(0), dosDate(date))
        for entry in entries.sorted(by: { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }) {
            let name = Data(entry.path.utf8)
            let crc = Self.crc32(entry.data)
            let deflated = Self.deflate(entry.data)
            let (method, body): (UInt16, Data) = deflated.count < entry.data.count ? (8, deflated) : (0, entry.data)
            let version: UInt16 = method == 8 ? 20 : 10
            let offset = UInt32(out.count)

            out.append(le32: 0x0403_4b50)
            out.append(le16: version)
            out.append(le16: 0x0800)  // names are UTF-8
            out.append(le16: method)
            out.append(le16: dosTime)
            out.append(le16: dosDate)
            out.append(le32: crc)
            out.append(le32: UInt32(body.count))
            out.append(le32: UInt32(entry.data.count))
            out.append(le16: UInt16(name.count))
            out.append(le16: 0)
            out.append(name)
            out.append(body)

            central.append(le32: 0x0201_4b50)
            central.append(le16: 0x0300 | 20)  // made by Unix, zip 2.0: the external attributes are Unix modes
            central.append(le16: version)
            central.append(le16: 0x0800)
            central.append(le16: method)
            central.append(le16: dosTime)
            central.append(le16: dosDate)
            central.append(le32: crc)
            central.append(le32: UInt32(body.count))
            central.append(le32: UInt32(entry.data.count))
            central.append(le16: UInt16(name.count))
            central.append(le16: 0)  // extra
            central.append(le16: 0)  // comment
            central.append(le16: 0)  // disk
            central.append(le16: 0)  // internal attributes
            central.append(le32: UInt32(0o100644) << 16)
            central.append(le32: offset)
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32: 0x0605_4b50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(entries.count))
        out.append(le16: UInt16(entries.count))
        out.append(le32: UInt32(central.count))
        out.append(le32: centralOffset)
        out.append(le16: 0)
        return out
    }

    /// A zip without Zip64 holds fewer than 65,535 entries and 4 GiB; packs stay far below, at most `limit` bytes.
    static func fits(_ entries: [Entry], limit: Int = 0xFFFF_FFFF) -> Bool {
        entries.count < 0xFFFF && entries.reduce(0) { $0 + $1.data.count + $1.path.utf8.count + 128 } < min(limit, 0xFFFF_FFFF)
    }

    private func dosDate(_ day: Day) -> UInt16 {
        UInt16(max(0, min(127, day.year - 1980))) << 9 | UInt16(day.month) << 5 | UInt16(day.day)
    }

    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { buffer in
            UInt32(CZlib.crc32(0, buffer.bindMemory(to: Bytef.self).baseAddress, uInt(buffer.count)))
        }
    }

    /// Raw deflate (no zlib header), level 9: the same bytes for the same input with the same zlib.
    static func deflate(_ data: Data) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return data
        }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return data }
        return Data(output[0..<Int(stream.total_out)])
    }
}

extension Data {
    mutating func append(le16 value: UInt16) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func append(le32 value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
