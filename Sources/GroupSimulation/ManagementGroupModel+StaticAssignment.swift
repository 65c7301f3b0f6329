/// Consoles without a load balancer: each analyst has a server set in the console's connection
/// dialog (stored per user, B-REGSRV). The scenario gives each server a share of the analysts;
/// a connecting console picks a server with probability proportional to its share among the
/// servers that are up, in the pool and below their cap. When none of the servers with a share
/// can take it (all down or full), the analyst picks another server in the dialog: the
/// eligible server with the fewest consoles.
extension ManagementGroupModel {
    mutating func staticChoice() -> Int? {
        let n = config.servers.count
        var total = 0.0
        var fallback: Int?
        for s in 0..<n where serverUp[s] && serverInPool[s] && Int(connections[s]) < config.connectionLimits[s] {
            total += config.shares[s]
            if fallback == nil || connections[s] < connections[fallback!] { fallback = s }
        }
        guard total > 0 else { return fallback }
        var pick = balancerStream.uniform() * total
        var last: Int?
        for s in 0..<n where serverUp[s] && serverInPool[s] && Int(connections[s]) < config.connectionLimits[s]
            && config.shares[s] > 0 {
            pick -= config.shares[s]
            last = s
            if pick < 0 { return s }
        }
        return last
    }
}
