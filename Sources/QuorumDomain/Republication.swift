/// How a record published again (in a later agenda pack, or an earlier one imported late) updates the one
/// already held. A later stage of a meeting is never undone, and nothing an officer added is wiped by a
/// pack that does not mention it.
extension Meeting {
    public func updated(with incoming: Meeting) -> Meeting {
        var result = merged(with: incoming)
        result.scheduleRevision = max(scheduleRevision, incoming.scheduleRevision)
        // A later paper that moves it or changes its place is a new version for calendars too.
        if result.start != start || result.venue != venue { result.scheduleRevision += 1 }
        return result
    }

    private func merged(with incoming: Meeting) -> Meeting {
        // Another paper's mention never overrides a meeting's own papers; its own papers replace a mere mention.
        if incoming.knownFrom != nil, knownFrom == nil { return self }
        if knownFrom != nil, incoming.knownFrom == nil {
            var result = incoming
            if status.stage > incoming.status.stage, case .held = status { result.status = status }
            return result
        }
        guard incoming.status.stage >= status.stage else {
            var kept = self
            if kept.venue.isEmpty { kept.venue = incoming.venue }
            if kept.clerk == nil { kept.clerk = incoming.clerk }
            return kept
        }
        var result = incoming
        if result.venue.isEmpty { result.venue = venue }
        if result.clerk == nil { result.clerk = clerk }
        if result.status.endedAt == nil, let end = status.endedAt {
            switch result.status {
            case .held: result.status = .held(endedAt: end)
            case .minutesApproved: result.status = .minutesApproved(endedAt: end)
            default: break
            }
        }
        return result
    }
}

extension Committee {
    public func updated(with incoming: Committee) -> Committee {
        var result = incoming
        if result.remit.isEmpty { result.remit = remit }
        if result.clerk == nil { result.clerk = clerk }
        return result
    }
}

extension Person {
    public func updated(with incoming: Person) -> Person {
        var result = incoming
        if result.title == nil { result.title = title }
        if result.jobTitle == nil { result.jobTitle = jobTitle }
        return result
    }
}

extension Membership {
    /// This membership as a paper for another meeting shows it. A newer paper's role and listing stand; the role dates
    /// from the first paper that shows it, and the membership from the first that lists the member at all.
    public func merged(with incoming: Membership) -> Membership {
        let incomingIsNewer: Bool =
            switch (incoming.lastListed, lastListed) {
            case (let new?, let held?): new >= held
            case (nil, _?): false
            default: true
            }
        var result = incomingIsNewer ? incoming : self
        result.from = [from, incoming.from].compactMap { $0 }.min()
        result.lastListed = [lastListed, incoming.lastListed].compactMap { $0 }.max()
        result.until = incoming.until ?? until
        if role == incoming.role {
            result.roleFrom = [roleFrom, incoming.roleFrom].compactMap { $0 }.min()
        }
        // Listed again by a later paper, a member is a member again; the same paper again changes nothing, and a
        // later paper's leaving them out stands.
        let listedLater: Bool =
            switch (incoming.lastListed, lastListed) {
            case (let new?, let held?): new > held
            case (_?, nil): true
            default: false
            }
        result.isListed = listedLater ? incoming.isListed : isListed
        return result
    }

    /// Left off the published membership of a meeting after `lastListed`: it ended, the papers do not say when.
    public func notListed() -> Membership {
        var result = self
        result.isListed = false
        return result
    }
}
