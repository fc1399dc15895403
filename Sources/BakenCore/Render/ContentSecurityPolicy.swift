import Foundation

/// The Content-Security-Policy of the site: only its own files, plus hashes of any inline script or style,
/// never 'unsafe-inline'. Written into every page as a meta tag and, for hosts that set headers, into _headers and nginx.conf.
struct ContentSecurityPolicy: Sendable {
    /// Origins of allowExternal entries, such as `https://video.example.nl`.
    let allowedOrigins: [String]

    init(allowExternal: [String]) {
        allowedOrigins = Array(Set(allowExternal.map(Self.origin))).sorted()
    }

    /// The policy for a page with these inline blocks.
    func policy(scripts: Set<String>, styles: Set<String>, forHeader: Bool = false) -> String {
        let extra = allowedOrigins.isEmpty ? "" : " " + allowedOrigins.joined(separator: " ")
        let scriptHashes = scripts.sorted().map { " 'sha256-\($0)'" }.joined()
        let styleHashes = styles.sorted().map { " 'sha256-\($0)'" }.joined()
        var parts = [
            "default-src 'self'\(extra)",
            "script-src 'self'\(scriptHashes)\(extra)",
            "style-src 'self'\(styleHashes)\(extra)",
            "img-src 'self' data:\(extra)",
            "font-src 'self'\(extra)",
            "media-src 'self'\(extra)",
            "connect-src 'self'",
            "frame-src 'self'\(extra)",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
        // Browsers ignore these two in a meta tag; only a header can carry them.
        if forHeader { parts.append("frame-ancestors 'none'") }
        return parts.joined(separator: "; ")
    }

    /// Hashes of the page's inline `<script>` and `<style>` blocks (JSON data blocks are not scripts).
    static func inlineHashes(_ html: String) -> (scripts: Set<String>, styles: Set<String>) {
        var scripts: Set<String> = []
        var styles: Set<String> = []
        for (tag, attributes, body) in blocks(html, tags: ["script", "style"]) {
            if tag == "script" {
                if attributes["src"] != nil { continue }
                let type = attributes["type"]?.lowercased() ?? ""
                if type.hasSuffix("json") { continue }
                scripts.insert(SHA256.base64(Array(body.utf8)))
            } else {
                styles.insert(SHA256.base64(Array(body.utf8)))
            }
        }
        return (scripts, styles)
    }

    /// Puts the policy in a meta tag right after `<meta charset>` (or `<head>`); pages without a head are left as they are.
    /// `hashes` are the page's `inlineHashes`.
    func insertMeta(into html: String, hashes: (scripts: Set<String>, styles: Set<String>)) -> String {
        let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy(scripts: hashes.scripts, styles: hashes.styles))\">"
        let bytes = Array(html.utf8)
        for anchor in ["<meta charset=\"utf-8\">", "<meta charset=utf-8>", "<head>"] {
            let needle = Array(anchor.utf8)
            if let at = bytes.find(needle, caseless: true) {
                let end = at + needle.count
                return bytes.string(0..<end) + "\n" + meta + bytes.string(end..<bytes.count)
            }
        }
        return html
    }

    /// Inline elements `tags` with their attributes and text, found by scanning bytes.
    static func blocks(_ html: String, tags: [String]) -> [(String, [String: String], String)] {
        let bytes = Array(html.utf8)
        var result: [(String, [String: String], String)] = []
        var index = 0
        let names = tags.map { ($0, Array($0.utf8)) }
        while let open = bytes.find(Self.lessThan, from: index) {
            index = open + 1
            guard let name = names.first(where: { _, t in
                guard open + 1 + t.count < bytes.count, bytes.has(t, at: open + 1, caseless: true) else { return false }
                let next = bytes[open + 1 + t.count]
                return next == UInt8(ascii: " ") || next == UInt8(ascii: ">")
            })?.0, let tagEnd = bytes.find([UInt8(ascii: ">")], from: open) else { continue }
            let attributes = HTMLTags(bytes.string(open..<(tagEnd + 1))).makeIterator().next()?.attributes ?? [:]
            guard let close = bytes.find(Array("</\(name)".utf8), from: tagEnd + 1, caseless: true) else { break }
            result.append((name, attributes, bytes.string((tagEnd + 1)..<close)))
            index = close
        }
        return result
    }

    private static let lessThan = [UInt8(ascii: "<")]

    static func origin(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" }
        return String(url[..<scheme.upperBound]) + host
    }
}
