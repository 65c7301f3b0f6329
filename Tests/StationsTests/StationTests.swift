import Stations
import Testing

struct StationTests {
    /// Drains the station, returning (job, completion time) in completion order.
    func drain(_ station: inout Station, from now: Double) -> [(Int32, Double)] {
        var t = now
        var out: [(Int32, Double)] = []
        while let next = station.nextCompletion(now: t) {
            t = next
            out.append((station.completeNext(now: t), t))
        }
        return out
    }

    @Test func processorSharingSplitsCoresEvenly() {
        // Two cores, four jobs of 1 s each arriving together: each gets half a core → all end at 2 s.
        var s = Station(servers: 2, discipline: .processorSharing)
        for j in 0..<4 { s.arrive(job: Int32(j), demand: 1, now: 0) }
        #expect(s.busyServers == 2)
        let done = drain(&s, from: 0)
        #expect(done.map(\.0) == [0, 1, 2, 3])
        for (_, t) in done { #expect(abs(t - 2) < 1e-12) }
    }

    @Test func processorSharingShortJobLeavesFirst() {
        // One core: job A (2 s) at 0, job B (0.5 s) at 1. From 1 both run at half speed:
        // B ends at 2; A has 0.5 s left at 2 and ends at 2.5.
        var s = Station(servers: 1, discipline: .processorSharing)
        s.arrive(job: 0, demand: 2, now: 0)
        s.arrive(job: 1, demand: 0.5, now: 1)
        let done = drain(&s, from: 1)
        #expect(done.map(\.0) == [1, 0])
        #expect(abs(done[0].1 - 2) < 1e-12)
        #expect(abs(done[1].1 - 2.5) < 1e-12)
    }

    @Test func fcfsServesInArrivalOrderOnePerServer() {
        var s = Station(servers: 1, discipline: .fcfs)
        s.arrive(job: 7, demand: 3, now: 0)
        s.arrive(job: 8, demand: 1, now: 0)
        #expect(s.jobCount == 2)
        #expect(s.busyServers == 1)
        let done = drain(&s, from: 0)
        #expect(done.map(\.0) == [7, 8])
        #expect(done.map(\.1) == [3, 4])
    }

    @Test func pauseKeepsRemainingWork() {
        var s = Station(servers: 1, discipline: .processorSharing)
        s.arrive(job: 1, demand: 10, now: 0)
        s.pause(now: 4)
        #expect(s.nextCompletion(now: 4) == nil)
        #expect(s.busyServers == 0)
        s.resume(now: 100)
        #expect(s.nextCompletion(now: 100) == 106)
    }

    @Test func removeTakesAJobOutAndLetsTheNextOneIn() {
        var s = Station(servers: 1, discipline: .fcfs)
        s.arrive(job: 1, demand: 5, now: 0)
        s.arrive(job: 2, demand: 5, now: 0)
        s.arrive(job: 3, demand: 5, now: 0)
        let first = s.remove(job: 1, now: 1)
        let again = s.remove(job: 1, now: 1)
        let third = s.remove(job: 3, now: 1)
        #expect(first && !again && third)
        #expect(s.nextCompletion(now: 1) == 6)
        let rest = s.removeAll(now: 2)
        #expect(rest == [2])
        #expect(s.jobCount == 0)
    }
}
