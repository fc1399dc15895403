extension Array {
    /// The same elements in storage of their own size. An array grown by appending can hold up to twice the room
    /// it needs; this matters for the arrays a build keeps until its end (each page's sections and headings) and
    /// for search's largest working arrays.
    public func withoutSpareCapacity() -> [Element] {
        guard capacity - count > count / 8 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
