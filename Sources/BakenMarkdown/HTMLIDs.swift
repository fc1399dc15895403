/// The literal `id="…"` values of HTML or of a template, in the order they are written.
public enum HTMLIDs {
    /// Every literal id; ids built from template tags (`{{…}}`) are left out. Works on UTF-8 bytes: every page
    /// of a build is read for its ids.
    public static func all(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes in
            var result: [String] = []
            var i = 0
            let n = bytes.count
            while i + 5 <= n {
                guard bytes[i] == 0x20, bytes[i + 1] == 0x69, bytes[i + 2] == 0x64, bytes[i + 3] == 0x3D, bytes[i + 4] == 0x22 else {
                    i += 1
                    continue
                }
                let start = i + 5
                var end = start
                while end < n && bytes[end] != 0x22 { end += 1 }
                guard end < n else { break }
                let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if !id.contains("{{") { result.append(id) }
                i = end
            }
            return result
        }
    }

    /// The ids that occur more than once, each once, in the order of their second occurrence.
    public static func duplicates(in html: String) -> [String] {
        var seen: Set<String> = [], reported: Set<String> = [], result: [String] = []
        for id in all(in: html) where !seen.insert(id).inserted && reported.insert(id).inserted {
            result.append(id)
        }
        return result
    }
}
