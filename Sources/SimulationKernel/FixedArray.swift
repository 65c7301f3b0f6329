/// A fixed number of elements in storage that every copy of the value shares: writing an
/// element is a store, with no copy-on-write check.
///
/// For a model's per-entity state (its consoles, its stations), which one replication builds,
/// owns and never copies. A `ContiguousArray` in the same place costs a call to the runtime's
/// uniqueness check on every write, about fifteen per event in the management-group model; the
/// price here is reference semantics: a copy of a `FixedArray` is another handle to the same
/// elements, so copy the elements (`Array(fixed)`) to keep a snapshot. Indices are checked.
public struct FixedArray<Element>: RandomAccessCollection {
    @usableFromInline final class Storage {
        @usableFromInline let base: UnsafeMutablePointer<Element>
        @usableFromInline let count: Int

        /// Room for `count` elements, which `initialize` must initialise, all of them.
        init(count: Int, initialize: (UnsafeMutablePointer<Element>) -> Void) {
            self.count = count
            // No elements, no allocation: an aligned address that is never read or freed.
            base = count > 0 ? .allocate(capacity: count)
                : UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
            initialize(base)
        }

        deinit {
            guard count > 0 else { return }
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    @usableFromInline let storage: Storage

    /// The elements of `elements`, in order.
    public init(_ elements: some Sequence<Element>) {
        func copy(_ source: UnsafeBufferPointer<Element>) -> Storage {
            Storage(count: source.count) { base in
                if let start = source.baseAddress { base.initialize(from: start, count: source.count) }
            }
        }
        // An array's elements are copied straight across; other sequences are gathered first.
        storage = elements.withContiguousStorageIfAvailable(copy) ?? ContiguousArray(elements).withUnsafeBufferPointer(copy)
    }

    /// `count` copies of `value`.
    public init(repeating value: Element, count: Int) {
        storage = Storage(count: count) { $0.initialize(repeating: value, count: count) }
    }

    /// The first `count` elements of `old` (all of them, if it has fewer), then copies of
    /// `value` up to `count`: how a queue's storage grows, with one allocation.
    public init(_ old: FixedArray, resizedTo count: Int, filling value: Element) {
        let kept = Swift.min(old.count, count)
        storage = Storage(count: count) { base in
            base.initialize(from: old.storage.base, count: kept)
            (base + kept).initialize(repeating: value, count: count - kept)
        }
    }

    /// Where the elements start, for code that walks them in place (a heap's sifts); valid
    /// while this array or a copy of it lives.
    @inlinable public var base: UnsafeMutablePointer<Element> { storage.base }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }
    @inlinable public var count: Int { storage.count }

    @inlinable public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FixedArray index out of range")
            return storage.base[index]
        }
        @inline(__always) nonmutating _modify {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FixedArray index out of range")
            yield &storage.base[index]
        }
        @inline(__always) nonmutating set {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: storage.count), "FixedArray index out of range")
            storage.base[index] = newValue
        }
    }
}
