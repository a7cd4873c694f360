import Disclosure

/// A figure of money as a document printed it: its exact ``Money`` and the measure that set its
/// rounding. How figures printed in different measures are compared.
///
/// 上海's budgets print their tables in 元 (164,978,640.00) and their narrative in 万元
/// (16,497.86): the same figure, rounded to 0.01万元. Two figures of one measure agree only
/// when equal; of two measures, when they differ by no more than half the coarser one's last
/// printed digit (0.005万元 is 50元).
public struct PrintedMoney: Hashable, Sendable {
    public var money: Money
    public var measure: Measure

    public init(money: Money, measure: Measure) {
        self.money = money
        self.measure = measure
    }

    /// The fact's amount as money, or nil when it is not money.
    public init?(_ fact: Fact) {
        guard let money = fact.money else { return nil }
        self.money = money
        measure = fact.measure
    }

    /// The amount as the document printed it (in 元 where the measure cannot hold it exactly:
    /// a figure implied from a total and a change printed in two measures).
    public var amount: Amount { money.printed(in: measure) }

    /// Whether the two are one figure printed in their measures.
    public func agrees(with other: PrintedMoney) -> Bool {
        let tolerance = measure == other.measure ? 0 : max(measure.roundingFen, other.measure.roundingFen)
        return (money - other.money).fen.magnitude <= UInt64(tolerance)
    }
}

extension Money {
    /// This money as an amount of `measure` where that is exact, else of 元: how findings,
    /// which quote figures as printed, show an engine value.
    func printed(in measure: Measure) -> Amount { amount(in: measure) ?? yuan }
}
