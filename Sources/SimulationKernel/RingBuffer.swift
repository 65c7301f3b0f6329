/// A first-in, first-out queue on one growable circular buffer.
///
/// Once it has grown to the largest size a run needs, pushing and popping allocate nothing:
/// the FCFS waiting lines of the models use it.
public struct RingBuffer<Element> {
    @usableFromInline var storage: ContiguousArray<Element?>
    @usableFromInline var head = 0
    @inlinable public var count: Int { length }
    @usableFromInline var length = 0

    public init(capacity: Int = 16) {
        storage = ContiguousArray(repeating: nil, count: Swift.max(capacity, 1))
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Appends at the back.
    /// - Complexity: amortised O(1).
    @inlinable @inline(__always)
    public mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        var tail = head + count
        if tail >= storage.count { tail -= storage.count }
        storage[tail] = element
        length += 1
    }

    /// Removes and returns the front element.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head += 1
        if head == storage.count { head = 0 }
        length -= 1
        return element
    }

    /// The front element, if any.
    @inlinable public var first: Element? { count > 0 ? storage[head] : nil }

    /// Removes every element, keeping the memory.
    public mutating func removeAll() {
        while popFirst() != nil {}
        head = 0
    }

    @usableFromInline
    mutating func grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: storage.count * 2)
        for i in 0..<count {
            let j = (head + i) % storage.count
            bigger[i] = storage[j].take()
        }
        storage = bigger
        head = 0
    }
}

extension RingBuffer: Sequence {
    public struct Iterator: IteratorProtocol {
        let buffer: RingBuffer
        var offset = 0
        public mutating func next() -> Element? {
            guard offset < buffer.count else { return nil }
            defer { offset += 1 }
            return buffer.storage[(buffer.head + offset) % buffer.storage.count]
        }
    }
    public func makeIterator() -> Iterator { Iterator(buffer: self) }
}
