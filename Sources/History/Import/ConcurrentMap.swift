import Dispatch

/// `map` over every core: each element is transformed on some thread, results keep their order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ elements: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Slots<R>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results.set(index, transform(elements[index]))
        }
        return results.values
    }

    /// One slot per index, each written by exactly one iteration before `values` is read; a
    /// buffer allocated once, so writers share no array (no copy-on-write, no exclusivity check).
    private final class Slots<R>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<R?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: R) { storage[index] = value }

        var values: [R] { storage.map { $0! } }
    }
}
