import Foundation
import Testing
@testable import MupicListen

@Suite struct QuotaBudgetTests {
    @Test func theQuotaDayIsPacificAndFollowsDaylightSaving() {
        // 2026-03-08 starts summer time in California: a 23-hour quota day.
        let spring = QuotaDay.interval(containing: date("2026-03-08T12:00:00-07:00"))
        #expect(spring.start == date("2026-03-08T00:00:00-08:00"))
        #expect(spring.duration == 23 * 3600)
        // 2026-11-01 ends it: 25 hours.
        #expect(QuotaDay.interval(containing: date("2026-11-01T12:00:00-08:00")).duration == 25 * 3600)
        // Seoul's afternoon is still the previous Pacific day; it resets at 17:00 KST in winter.
        #expect(QuotaDay.nextReset(after: date("2026-01-15T14:00:00+09:00")) == date("2026-01-15T17:00:00+09:00"))
        #expect(QuotaDay.nextReset(after: date("2026-07-15T14:00:00+09:00")) == date("2026-07-15T16:00:00+09:00"))
    }

    @Test func searchesStopWhenTheDailyUnitsAreSpentAndResumeAtPacificMidnight() {
        var budget = QuotaBudget(dailyUnits: 250)
        let evening = date("2026-03-07T20:00:00-08:00")
        #expect(budget.reserve(at: evening) == nil)
        #expect(budget.reserve(at: evening) == nil)
        #expect(budget.remaining(at: evening) == 50)
        #expect(budget.reserve(at: evening) == .budgetSpent)
        #expect(budget.resumes(after: .budgetSpent, at: evening) == date("2026-03-08T00:00:00-08:00"))
        #expect(budget.reserve(at: date("2026-03-07T23:59:59-08:00")) == .budgetSpent)
        #expect(budget.reserve(at: date("2026-03-08T00:00:00-08:00")) == nil)
        #expect(budget.remaining(at: date("2026-03-08T00:00:01-08:00")) == 150)
    }

    @Test func quotaExceededBlocksUntilTheResetWhateverTheCount() {
        var budget = QuotaBudget(dailyUnits: 9_000)
        let noon = date("2026-05-01T12:00:00-07:00")
        #expect(budget.reserve(at: noon) == nil)
        budget.recordFailure(.quotaExceeded, at: noon)
        #expect(budget.reserve(at: date("2026-05-01T23:59:00-07:00")) == .quotaExceeded)
        // A cool-down reported meanwhile never shortens it.
        budget.recordFailure(.timeout, at: noon)
        #expect(budget.reserve(at: date("2026-05-01T12:05:00-07:00")) == .quotaExceeded)
        #expect(budget.reserve(at: date("2026-05-02T00:00:00-07:00")) == nil)
    }

    @Test func transientFailuresCoolDownLongerEachTimeUntilASuccess() {
        var budget = QuotaBudget(dailyUnits: 9_000, coolDown: .seconds(60), maxCoolDown: .seconds(150))
        let start = date("2026-05-01T12:00:00Z")
        budget.recordFailure(.server(status: 503), at: start)
        #expect(budget.reserve(at: start.addingTimeInterval(59)) == .coolingDown)
        #expect(budget.reserve(at: start.addingTimeInterval(60)) == nil)
        budget.recordFailure(.timeout, at: start.addingTimeInterval(60))
        #expect(budget.reserve(at: start.addingTimeInterval(60 + 119)) == .coolingDown)
        #expect(budget.reserve(at: start.addingTimeInterval(60 + 120)) == nil)
        budget.recordFailure(.malformed("x"), at: start.addingTimeInterval(180))
        // 240 s would be next; the maximum is 150 s.
        #expect(budget.reserve(at: start.addingTimeInterval(180 + 150)) == nil)
        budget.recordSuccess()
        budget.recordFailure(.transport("reset"), at: start.addingTimeInterval(400))
        #expect(budget.reserve(at: start.addingTimeInterval(460)) == nil)  // back to 60 s after the success
        // Failed calls were charged: 4 calls so far.
        #expect(budget.spent == 400)
    }

    @Test func aRefusedKeyStopsEverythingForGood() {
        var budget = QuotaBudget(dailyUnits: 9_000)
        let now = date("2026-05-01T12:00:00Z")
        budget.recordFailure(.keyRejected(reason: "keyInvalid"), at: now)
        #expect(budget.reserve(at: now.addingTimeInterval(7 * 86_400)) == .keyRejected)
        #expect(budget.resumes(after: .keyRejected, at: now) == nil)
    }
}
