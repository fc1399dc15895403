import CZlib
import Foundation

/// Cuts a PNG that Chromium wrote (8 bits per channel, RGB or RGBA, not interlaced) into pictures of equal height,
/// top to bottom, each a PNG of its own: one screenshot of many share cards becomes one picture per card.
enum PNGTiles {
    enum Failure: Error { case notAPNG, unsupported, corrupt }

    static func split(_ png: Data, height tile: Int) throws(Failure) -> [Data] {
        let bytes = [UInt8](png)
        guard bytes.count > 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw .notAPNG }
        var width = 0, height = 0, channels = 0, compressed: [UInt8] = []
        var at = 8
        while at + 12 <= bytes.count {
            let length = Int(be32(bytes, at)), type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            guard at + 12 + length <= bytes.count else { throw .corrupt }
            let body = bytes[(at + 8)..<(at + 8 + length)]
            switch type {
            case "IHDR":
                width = Int(be32(bytes, at + 8))
                height = Int(be32(bytes, at + 12))
                let (depth, colour, interlace) = (body[body.startIndex + 8], body[body.startIndex + 9], body[body.startIndex + 12])
                guard depth == 8, colour == 2 || colour == 6, interlace == 0 else { throw .unsupported }
                channels = colour == 2 ? 3 : 4
            case "IDAT":
                compressed += body
            default:
                break
            }
            at += 12 + length
        }
        guard width > 0, height >= tile, tile > 0, channels > 0 else { throw .corrupt }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        var size = uLongf(raw.count)
        guard uncompress(&raw, &size, compressed, uLong(compressed.count)) == Z_OK, Int(size) == raw.count else { throw .corrupt }
        let pixels = try unfilter(raw, stride: stride, channels: channels, height: height)
        return (0..<(height / tile)).map { index in
            encode(pixels[(index * tile * stride)..<((index + 1) * tile * stride)], width: width, height: tile, channels: channels)
        }
    }

    /// The scanlines without their filters (PNG's five: none, sub, up, average, Paeth).
    private static func unfilter(_ raw: [UInt8], stride: Int, channels: Int, height: Int) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: stride * height)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)], source = row * (stride + 1) + 1, line = row * stride
            for x in 0..<stride {
                let value = raw[source + x]
                let left = x >= channels ? Int(out[line + x - channels]) : 0
                let up = row > 0 ? Int(out[line - stride + x]) : 0
                let corner = row > 0 && x >= channels ? Int(out[line - stride + x - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let p = left + up - corner
                    let (pa, pb, pc) = (abs(p - left), abs(p - up), abs(p - corner))
                    predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner
                default: throw .corrupt
                }
                out[line + x] = UInt8(truncatingIfNeeded: Int(value) + predicted)
            }
        }
        return out
    }

    /// A PNG of the pixels: each scanline with the "up" filter, compressed at zlib's best level.
    static func encode(_ pixels: ArraySlice<UInt8>, width: Int, height: Int, channels: Int) -> Data {
        let stride = width * channels, start = pixels.startIndex
        var raw = [UInt8](repeating: 0, count: (stride + 1) * height)
        for row in 0..<height {
            raw[row * (stride + 1)] = 2
            for x in 0..<stride {
                let above = row > 0 ? pixels[start + (row - 1) * stride + x] : 0
                raw[row * (stride + 1) + 1 + x] = pixels[start + row * stride + x] &- above
            }
        }
        var compressed = [UInt8](repeating: 0, count: Int(compressBound(uLong(raw.count))))
        var size = uLongf(compressed.count)
        _ = compress2(&compressed, &size, raw, uLong(raw.count), 9)
        var header = [UInt8]()
        header += be32(UInt32(width)) + be32(UInt32(height)) + [8, channels == 3 ? 2 : 6, 0, 0, 0]
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png += chunk("IHDR", header) + chunk("IDAT", Array(compressed.prefix(Int(size)))) + chunk("IEND", [])
        return png
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> Data {
        let typed = Array(type.utf8) + body
        let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        return Data(be32(UInt32(body.count)) + typed + be32(crc))
    }

    private static func be32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }

    private static func be32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
