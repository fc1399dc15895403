import Foundation

/// Where an installed Baken keeps its themes, so that a site without a `themes/` folder still builds.
public enum Installation {
    /// Folders that hold installed themes, first match wins: `share/baken/themes/` beside the binary's folder
    /// (the tarball), `/usr/share/baken/themes/` (the .deb), and, for a binary built inside a checkout of
    /// Baken, the checkout's own `themes/`. `BAKEN_THEME_PATH` (folders separated by colons) replaces them all.
    public static func themeFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let path = environment["BAKEN_THEME_PATH"] {
            return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).standardizedFileURL }
        }
        var folders: [URL] = []
        if let binary = executable {
            let prefix = binary.deletingLastPathComponent().deletingLastPathComponent()
            folders.append(prefix.appendingPathComponent("share/baken/themes"))
            folders.append(URL(fileURLWithPath: "/usr/share/baken/themes"))
            // .build/<triple>/debug/baken inside a checkout: the checkout's themes/ holds the default theme.
            let parts = binary.pathComponents
            if let build = parts.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") }), build > 1 {
                let checkout = URL(fileURLWithPath: parts[..<build].joined(separator: "/").replacingOccurrences(of: "//", with: "/"))
                if FileManager.default.fileExists(atPath: checkout.appendingPathComponent("Package.swift").path) {
                    folders.append(checkout.appendingPathComponent("themes"))
                }
            }
        } else {
            folders.append(URL(fileURLWithPath: "/usr/share/baken/themes"))
        }
        return folders.map(\.standardizedFileURL)
    }

    /// The running binary, through `/proc/self/exe`: `CommandLine.arguments[0]` may be a bare name found on PATH.
    static var executable: URL? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return URL(fileURLWithPath: String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// The installed folder of the theme `name`, if any.
    public static func theme(_ name: String, in folders: [URL]) -> URL? {
        folders.map { $0.appendingPathComponent(name) }.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
