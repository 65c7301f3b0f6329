import Foundation
import Testing
import QueueingTheory

@Suite struct ErlangCTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-4) -> Bool { abs(a - b) <= tolerance }

    @Test func mm1AtRho09() throws {
        let q = try MMcQueue(arrivalRate: 0.9, serviceRate: 1, servers: 1)
        #expect(Self.close(q.offeredLoad, 0.9, 1e-12))
        #expect(Self.close(q.utilization, 0.9, 1e-12))
        #expect(Self.close(q.probabilityOfWaiting, 0.9, 1e-12), "M/M/1: P(wait) = ρ")
        #expect(Self.close(q.meanWait, 9, 1e-9))
        #expect(Self.close(q.meanTimeInSystem, 10, 1e-9))
        #expect(Self.close(q.meanQueueLength, 8.1, 1e-9))
    }

    @Test(arguments: [0.1, 0.5, 0.8, 0.99])
    func mm1ClosedForms(rho: Double) throws {
        // μ = 2: Wq = ρ / (μ − λ), W = 1 / (μ − λ).
        let mu = 2.0, lambda = rho * mu
        let q = try MMcQueue(arrivalRate: lambda, serviceRate: mu, servers: 1)
        #expect(Self.close(q.meanWait, rho / (mu - lambda), 1e-9 * q.meanWait))
        #expect(Self.close(q.meanTimeInSystem, 1 / (mu - lambda), 1e-9 * q.meanTimeInSystem))
    }

    @Test func mm2TextbookValues() throws {
        let q = try MMcQueue(arrivalRate: 1.6, serviceRate: 1, servers: 2)
        #expect(Self.close(q.utilization, 0.8, 1e-12))
        #expect(Self.close(q.probabilityOfWaiting, 0.7111))
        #expect(Self.close(q.probabilityOfWaiting, 32.0 / 45, 1e-12))
        #expect(Self.close(q.meanWait, 1.7778))
        #expect(Self.close(q.meanWait, 16.0 / 9, 1e-12))
        #expect(Self.close(q.meanTimeInSystem, 25.0 / 9, 1e-12))
        #expect(Self.close(q.meanQueueLength, 1.6 * 16 / 9, 1e-12))
    }

    @Test func mm3TextbookValues() throws {
        // a = 2, c = 3: C = 4/9, Wq = C / (cμ − λ) = 4/9.
        let q = try MMcQueue(arrivalRate: 2, serviceRate: 1, servers: 3)
        #expect(Self.close(q.probabilityOfWaiting, 4.0 / 9, 1e-12))
        #expect(Self.close(q.meanWait, 4.0 / 9, 1e-12))
    }

    /// Erlang C from its defining sum (in log space), for comparison with the recursion.
    static func erlangCBySum(a: Double, c: Int) -> Double {
        // terms a^k / k! for k < c, and a^c / c! · c / (c − a)
        let logs = (0..<c).map { Double($0) * log(a) - lgamma(Double($0) + 1) }
        let logLast = Double(c) * log(a) - lgamma(Double(c) + 1) + log(Double(c) / (Double(c) - a))
        let m = max(logs.max() ?? logLast, logLast)
        let sum = logs.reduce(0) { $0 + exp($1 - m) } + exp(logLast - m)
        return exp(logLast - m) / sum
    }

    @Test(arguments: [(4, 3.4), (8, 7.2), (20, 15.0), (100, 95.0), (500, 480.0)] as [(Int, Double)])
    func recursionMatchesDefiningSum(servers: Int, offeredLoad: Double) throws {
        let q = try MMcQueue(arrivalRate: offeredLoad * 0.5, serviceRate: 0.5, servers: servers)
        let c = q.probabilityOfWaiting
        #expect(c > 0 && c < 1)
        #expect(Self.close(c, Self.erlangCBySum(a: offeredLoad, c: servers), 1e-9))
    }

    @Test func moreServersWaitLess() throws {
        var previous = Double.infinity
        for c in 4...12 {
            let q = try MMcQueue(arrivalRate: 3.5, serviceRate: 1, servers: c)
            #expect(q.meanWait < previous)
            previous = q.meanWait
        }
    }

    @Test func unstableOrInvalidQueuesThrow() {
        let bad: [(Double, Double, Int)] = [
            (1, 1, 1),              // ρ = 1
            (2, 1, 1),              // ρ = 2
            (4, 1, 4),              // ρ = 1 with c = 4
            (0, 1, 1),              // λ = 0
            (-1, 1, 1),
            (1, 0, 2),              // μ = 0
            (1, -1, 2),
            (0.5, 1, 0),            // c = 0
            (0.5, 1, -3),
            (.nan, 1, 1),
            (0.5, .nan, 1),
            (.infinity, 1, 1),
            (0.5, .infinity, 1),
        ]
        for (lambda, mu, c) in bad {
            #expect(throws: TheoryError.self, "λ=\(lambda) μ=\(mu) c=\(c)") {
                try MMcQueue(arrivalRate: lambda, serviceRate: mu, servers: c)
            }
        }
        do {
            _ = try MMcQueue(arrivalRate: 2, serviceRate: 1, servers: 1)
            Issue.record("ρ = 2 accepted")
        } catch {
            #expect(error.message.contains("below 1"))
            #expect(error.description == error.message)
        }
    }
}
