import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// Stopping cleanly on SIGINT (Ctrl-C) and SIGTERM (a batch scheduler's cancel).
///
/// The two signals are blocked in every thread and taken by one waiting thread (`sigwait`),
/// so the stop runs as ordinary code rather than in a signal handler: it removes the
/// temporary files being written (results are renamed into place only when complete, so no
/// partial result is left under a final name), says so in one line and exits with the usual
/// status, 128 + the signal (130, 143). A sweep keeps the points it finished in `sweep.csv`
/// and carries on from there when run again.
enum StopSignals {
    /// Call first thing in `main`, before any other thread starts, so that they all inherit
    /// the blocked set.
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let blocked = set
        let waiter = Thread {
            var wanted = blocked
            var signal: Int32 = 0
            while sigwait(&wanted, &signal) != 0 {}
            AtomicFile.removeTemporaryFiles()
            OutputLock.releaseAll()
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            printError("smsim: stopped by \(name); unfinished files removed (a sweep resumes where it stopped when run again)")
            // `_exit`, not `exit`: the simulation threads are still running, and must not see
            // the process's static state torn down under them.
            fflush(nil) // every output stream
            _exit(128 + signal)
        }
        waiter.name = "smsim-stop-signals"
        waiter.start()
    }
}
