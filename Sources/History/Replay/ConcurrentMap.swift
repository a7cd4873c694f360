import Dispatch

extension Array where Element: Sendable {
    /// `map` run on every core: for independent, CPU-bound work such as parsing documents.
    /// The results keep the order of the elements.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot, so the slots need no lock.
        nonisolated(unsafe) let slots = results
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(elements[index])
            }
        }
        return results.map { $0! }
    }
}

/// A `concurrentMap` started now and collected later, so that the caller can
/// do serial work (folding, appending) while the cores map the next chunk.
///
/// `@unchecked Sendable`: `results` is written once, before the group is left, and read only
/// after waiting on the group, which orders the two.
final class BackgroundMap<Result: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var results: [Result] = []

    init<Element: Sendable>(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> Result) {
        group.enter()
        DispatchQueue.global().async { [self] in
            results = elements.concurrentMap(transform)
            group.leave()
        }
    }

    /// The results in the order of the elements; waits for them.
    func wait() -> [Result] {
        group.wait()
        return results
    }
}
