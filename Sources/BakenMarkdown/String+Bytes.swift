import CBakenIO

extension String {
    /// Whether `needle` occurs in the text's UTF-8 bytes, found by libc's `memmem`. Every page is asked such
    /// questions; a loop over `utf8` or Foundation's search costs many times more.
    public func holds(_ needle: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, needle.utf8CodeUnitCount > 0 else { return false }
            return baken_find_bytes(base, bytes.count, needle.utf8Start, needle.utf8CodeUnitCount) != nil
        }
    }
}
