/// How a record published again (in a later agenda pack, or an earlier one imported late) updates the one
/// already held. A later stage of a meeting is never undone, and nothing an officer added is wiped by a
/// pack that does not mention it.
extension Meeting {
    public func updated(with incoming: Meeting) -> Meeting {
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
    /// The role and end as most recently published (a member listed again is a member again); the period
    /// runs from the earliest day either knew of.
    public func updated(with incoming: Membership) -> Membership {
        var result = incoming
        switch (from, incoming.from) {
        case (let a?, let b?): result.from = min(a, b)
        case (let a?, nil): result.from = a
        default: break
        }
        return result
    }

    /// Ended the day before `day`: the first meeting whose published membership leaves this member out.
    public func ended(before day: CalendarDay) -> Membership {
        var result = self
        if result.until == nil { result.until = day.adding(days: -1) }
        return result
    }
}
