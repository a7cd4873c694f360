/// A rectangle on a PDF page in poppler's coordinates: points, origin at the top-left corner,
/// y growing downwards (so `yMin` is the top edge).
public struct WordBox: Hashable, Sendable, Codable {
    public var xMin: Double
    public var yMin: Double
    public var xMax: Double
    public var yMax: Double

    public init(xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
        self.xMin = xMin
        self.yMin = yMin
        self.xMax = xMax
        self.yMax = yMax
    }

    public var width: Double { xMax - xMin }
    public var height: Double { yMax - yMin }
    public var midX: Double { (xMin + xMax) / 2 }
    public var midY: Double { (yMin + yMax) / 2 }

    /// The smallest box holding both.
    public func union(_ other: WordBox) -> WordBox {
        WordBox(xMin: min(xMin, other.xMin), yMin: min(yMin, other.yMin),
                xMax: max(xMax, other.xMax), yMax: max(yMax, other.yMax))
    }

    /// How far the two boxes overlap vertically (negative when a gap separates them).
    func verticalOverlap(_ other: WordBox) -> Double { min(yMax, other.yMax) - max(yMin, other.yMin) }

    /// How far the two boxes overlap horizontally (negative when a gap separates them).
    func horizontalOverlap(_ other: WordBox) -> Double { min(xMax, other.xMax) - max(xMin, other.xMin) }

    /// The union of several boxes; nil for none.
    static func union<S: Sequence>(of boxes: S) -> WordBox? where S.Element == WordBox {
        var result: WordBox?
        for box in boxes { result = result.map { $0.union(box) } ?? box }
        return result
    }
}

/// One word as poppler found it: its text and where it sits on which page.
public struct PositionedWord: Hashable, Sendable, Codable {
    public var text: String
    /// 1-based page number.
    public var page: Int
    public var box: WordBox

    public init(text: String, page: Int, box: WordBox) {
        self.text = text
        self.page = page
        self.box = box
    }
}

/// One page of a PDF as a set of positioned words.
public struct LaidOutPage: Hashable, Sendable, Codable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    /// The words in poppler's order (flow, block, line, word).
    public var words: [PositionedWord]

    public init(number: Int, width: Double, height: Double, words: [PositionedWord]) {
        self.number = number
        self.width = width
        self.height = height
        self.words = words
    }
}
