extension Array {
    /// The same elements in storage of their own size. An array grown by appending can hold up to twice the room
    /// it needs; the index trims its largest working arrays before it makes others beside them.
    func withoutSpareCapacity() -> [Element] {
        guard capacity - count > count / 8 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
