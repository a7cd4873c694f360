import Disclosure

/// An amount of money as a document printed it, in 分 (hundredths of a 元), with the rounding
/// its measure allows: how figures printed in 元 and in 万元 are compared.
///
/// 上海's budgets print their tables in 元 (164,978,640.00) and their narrative in 万元
/// (16,497.86): the same figure, rounded to 0.01万元. Two figures of one measure agree only
/// when equal; of two measures, when they differ by no more than half the coarser one's last
/// printed digit (0.005万元 is 50元).
struct PrintedMoney: Hashable, Sendable {
    var fen: Int64
    var measure: Measure

    /// The fact's amount in 分, or nil when it is not money in 元 or 万元.
    init?(_ fact: Fact) {
        guard let amount = fact.amount else { return nil }
        switch fact.measure {
        case .yuan: fen = amount.hundredths
        case .wanYuan:
            let (scaled, overflow) = amount.hundredths.multipliedReportingOverflow(by: 10_000)
            guard !overflow else { return nil }
            fen = scaled
        default: return nil
        }
        measure = fact.measure
    }

    /// Half the last printed digit of the measure, in 分: 0.005元 rounds to nothing, 0.005万元 is 5,000分.
    private var halfDigit: Int64 { measure == .wanYuan ? 5_000 : 0 }

    /// Whether the two are one figure printed in their measures.
    func agrees(with other: PrintedMoney) -> Bool {
        let tolerance = measure == other.measure ? 0 : max(halfDigit, other.halfDigit)
        return (fen - other.fen).magnitude <= UInt64(tolerance)
    }
}
