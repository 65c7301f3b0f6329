import Testing
import SimulationKernel

/// A ticker: every event records the time and schedules the next one `period` later.
struct Ticker: DiscreteEventModel {
    enum Event: Equatable { case tick(Int) }
    var simulation = Simulation<Event>()
    var period: Double
    var handled: [(Int, Double)] = []

    init(period: Double, first: Double) {
        self.period = period
        simulation.schedule(.tick(1), at: first, class: .arrival)
    }

    mutating func handle(_ event: Event) {
        guard case .tick(let n) = event else { return }
        handled.append((n, simulation.now))
        simulation.schedule(.tick(n + 1), after: period, class: .arrival)
    }
}

@Suite struct DiscreteEventModelTests {
    @Test func runUntilHandlesEverythingDueAndStopsClockAtLimit() {
        var model = Ticker(period: 1, first: 1)
        model.run(until: 10.5)
        #expect(model.handled.map(\.0) == Array(1...10))
        #expect(model.handled.map(\.1) == (1...10).map(Double.init))
        #expect(model.simulation.now == 10.5)
        #expect(model.simulation.eventsProcessed == 10)
        #expect(model.simulation.pendingCount == 1, "tick 11 stays pending")
        // Continuing picks up exactly where it stopped.
        model.run(until: 12)
        #expect(model.handled.map(\.0) == Array(1...12))
        #expect(model.simulation.now == 12)
    }

    @Test func runUntilIncludesEventsAtTheLimit() {
        var model = Ticker(period: 2, first: 2)
        model.run(until: 6)
        #expect(model.handled.map(\.1) == [2, 4, 6])
        #expect(model.simulation.now == 6)
    }

    @Test func runUntilWhileStopsWhenPredicateFails() {
        var model = Ticker(period: 1, first: 1)
        model.run(until: 100) { $0.handled.count < 3 }
        #expect(model.handled.map(\.0) == [1, 2, 3])
        #expect(model.simulation.now == 3, "stopping early leaves the clock at the last event")
        #expect(model.simulation.eventsProcessed == 3)
    }

    @Test func runUntilWhileChecksBeforeTheFirstEvent() {
        var model = Ticker(period: 1, first: 1)
        model.run(until: 100) { _ in false }
        #expect(model.handled.isEmpty)
        #expect(model.simulation.eventsProcessed == 0)
        #expect(model.simulation.pendingCount == 1)
    }

    @Test func runUntilWhileReachesLimitWhenPredicateHolds() {
        var model = Ticker(period: 1, first: 1)
        model.run(until: 4.5) { _ in true }
        #expect(model.handled.map(\.0) == [1, 2, 3, 4])
        #expect(model.simulation.now == 4.5)
    }
}
