import SimulationKernel
import Stochastics

/// Open versus active consoles: a connected console alternates active periods (think,
/// request, think …) and idle periods (open, analyst elsewhere), each with its own
/// distribution. An idle console may refresh its view in the background. Without
/// `activePeriod` every console is active for its whole session and nothing here draws a
/// random number.
extension ManagementGroupModel {
    var hasIdlePeriods: Bool { config.activePeriod != nil && config.idlePeriod != nil }

    /// The starting state of a new session's activity. A session that arrives during the run
    /// starts active (its analyst has just opened the console); one already connected at
    /// time 0 is active with the long-run active fraction E[active] / (E[active] + E[idle]).
    mutating func startActivity(console c: Int, fresh: Bool) {
        guard let active = config.activePeriod, let idle = config.idlePeriod else { return }
        let stream = consoleSources[c]
        let fraction = active.mean / (active.mean + idle.mean)
        if fresh || stream.uniform() < fraction {
            consoles[c].activeUntil = simulation.now + active.sample(stream)
        } else {
            // Idle from the start: the active period is over already.
            consoles[c].activeUntil = simulation.now
        }
    }

    /// After connecting or after an answer: think if the active period lasts, else go idle.
    mutating func resumeActivity(console c: Int, extraDelay: Double = 0) {
        scheduleThink(console: c, extraDelay: extraDelay)
    }

    /// Starts the console's think time (after `extraDelay`, the response's trip back); if the
    /// active period ends first, the console goes idle at its end instead.
    mutating func scheduleThink(console c: Int, extraDelay: Double = 0) {
        let think = config.thinkTime.sample(consoleSources[c])
        let at = simulation.now + extraDelay + think
        if at > consoles[c].activeUntil {
            let idleAt = max(consoles[c].activeUntil, simulation.now + extraDelay)
            scheduleActivity(.idleStart(console: Int32(c)), at: idleAt, class: .arrival, console: c)
        } else {
            scheduleActivity(.thinkEnd(console: Int32(c)), at: at, class: .arrival, console: c)
        }
    }

    /// The active period is over: the console stays open and idle for an idle period.
    mutating func startIdle(console c: Int) {
        guard let idle = config.idlePeriod else { return }
        consoles[c].phase = .idle
        consoles[c].idleUntil = simulation.now + idle.sample(consoleSources[c])
        setCounted(console: c, false)
        scheduleIdleStep(console: c)
    }

    /// The idle console's next event: a background refresh if one falls inside the idle
    /// period, else the end of the idle period (or the session's end, whichever is first).
    mutating func scheduleIdleStep(console c: Int, extraDelay: Double = 0) {
        let refreshAt = config.refreshClass != nil ? simulation.now + extraDelay + config.refreshEvery : .infinity
        if refreshAt < consoles[c].idleUntil {
            scheduleActivity(.refresh(console: Int32(c)), at: refreshAt, class: .service, console: c)
        } else {
            scheduleActivity(.idleEnd(console: Int32(c)), at: max(consoles[c].idleUntil, simulation.now + extraDelay),
                             class: .arrival, console: c)
        }
    }

    /// The analyst is back: a new active period starts with a think time.
    mutating func endIdle(console c: Int) {
        guard let active = config.activePeriod else { return }
        consoles[c].phase = .thinking
        consoles[c].activeUntil = simulation.now + active.sample(consoleSources[c])
        setCounted(console: c, true)
        scheduleThink(console: c)
    }

    /// An idle console's view refreshes itself: one background request of the refresh class.
    mutating func refreshIdleView(console c: Int) {
        guard let k = config.refreshClass else { return }
        consoles[c].background = true
        send(requestClass: k, console: c)
    }

    /// Keeps the per-server count of active consoles: a connected console is counted unless it
    /// is in an idle period.
    mutating func setCounted(console c: Int, _ counted: Bool) {
        guard consoles[c].counted != counted else { return }
        consoles[c].counted = counted
        let s = Int(consoles[c].server)
        guard s >= 0 else { return }
        activeConsoles[s] += counted ? 1 : -1
        recorder.activeChanged(s, to: Int(activeConsoles[s]), at: simulation.now)
    }
}
