import Testing
@testable import Disclosure

@Suite struct AmountTests {
    @Test func parsesPrintedDecimalsExactly() {
        #expect(Amount(parsing: "2,345.22")?.hundredths == 234_522)
        #expect(Amount(parsing: "5.62")?.hundredths == 562)
        #expect(Amount(parsing: "2.2")?.hundredths == 220)
        #expect(Amount(parsing: "-220.84")?.hundredths == -22_084)
        #expect(Amount(parsing: "１２３．４５")?.hundredths == 12_345)
        #expect(Amount(parsing: "156,211,123")?.hundredths == 15_621_112_300)
    }

    @Test func refusesWhatIsNotAnAmount() {
        #expect(Amount(parsing: "1,2345.6") == nil)
        #expect(Amount(parsing: "—") == nil)
        #expect(Amount(parsing: "") == nil)
        #expect(Amount(parsing: "1.234") == nil)
        #expect(Amount(parsing: "12,34") == nil)
        #expect(Amount(parsing: "1.2.3") == nil)
    }

    @Test func printsShortestExactForm() {
        #expect(Amount(hundredths: 226_386).description == "2263.86")
        #expect(Amount(hundredths: 220).description == "2.2")
        #expect(Amount(hundredths: 500).description == "5")
        #expect(Amount(hundredths: 5).description == "0.05")
        #expect(Amount(hundredths: -22_084).description == "-220.84")
        #expect(Amount(hundredths: 234_522).grouped == "2,345.22")
        #expect(Amount(hundredths: 100).grouped == "1.00")
    }

    @Test func percentChangeRoundsHalfAwayFromZero() {
        let before = Amount(hundredths: 288_233)
        let after = Amount(hundredths: 234_522)
        #expect(after.percentChange(from: before) == Amount(hundredths: -1_863))
        #expect(after.percentChange(from: .zero) == nil)
    }

    @Test func percentChangeOfGarbledFiguresIsNilNotATrap() {
        let huge = Amount(parsing: "9,000,000,000,000,000")!
        #expect(huge.percentChange(from: Amount(hundredths: 1)) == nil)
        #expect(Amount(hundredths: .min).percentChange(from: Amount(hundredths: .max)) == nil)
        #expect(Amount(units: 2).percentChange(from: Amount(units: 1)) == Amount(units: 100))
    }

    @Test func sumIsNilWhenItOverflows() {
        let huge = Amount(parsing: "9,000,000,000,000,000")!
        #expect(Amount.sum(Array(repeating: huge, count: 10)) == Amount(hundredths: 9_000_000_000_000_000_000))
        #expect(Amount.sum(Array(repeating: huge, count: 11)) == nil)
        #expect(Amount.sum([]) == .zero)
    }
}
