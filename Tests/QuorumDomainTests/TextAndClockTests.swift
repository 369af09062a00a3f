import Foundation
import PropertyBased
import QuorumDomain
import Testing

/// The byte and arithmetic readings that pages use agree with the character and calendar readings they replaced.
@Suite struct TextAndClockTests {
    @Test("A title is the minutes' title exactly when, lowercased, it contains “minutes”")
    func minutesTitlesMatchTheCharacterReading() async {
        // Pieces that make the word in every mix of cases, fall one letter short of it, or only look like it.
        let pieces = ["minutes", "MINUTES", "Minutes", "mInUtEs", "minute", "MINUTE", "s", "S", "mİnutes", "minuteſ", "é", " ", "👩🏽‍⚖️", "of"]
        let titles = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...4).map { $0.joined() }
        await propertyCheck(count: 2_000, input: titles) { title in
            #expect(isMinutesTitle(title) == title.lowercased().contains("minutes"), "\(title)")
        }
        #expect(isMinutesTitle("MINUTES OF THE LAST MEETING"))
        #expect(isMinutesTitle("To approve the Minutes"))
        #expect(!isMinutesTitle("MINUTE"))
        #expect(!isMinutesTitle(""))
    }

    @Test("The wall-clock time of an instant is the one a Gregorian calendar in that zone gives, either side of 1970")
    func wallClockMatchesTheCalendar() async {
        let instants = zip(Gen.int(in: -2_208_988_800...4_102_444_800), Gen.int(in: 0...999))  // 1900 to 2100, with milliseconds
        for zone in [TimeZone.london, TimeZone(identifier: "America/St_Johns")!, TimeZone(identifier: "UTC")!] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            await propertyCheck(count: 1_000, input: instants) { seconds, milliseconds in
                let instant = Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1_000)
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
                let expected = LocalDateTime(CalendarDay(c.year!, c.month!, c.day!), TimeOfDay(hour: c.hour!, minute: c.minute!)!)
                #expect(LocalDateTime(instant, in: zone) == expected, "\(instant) in \(zone.identifier)")
            }
        }
    }

    @Test("British Summer Time begins and ends at 1.00 am GMT on the last Sundays of March and October")
    func summerTimeBoundaries() {
        func london(_ iso: String) -> String { LocalDateTime(ISO8601DateFormatter().date(from: iso)!, in: .london).iso }
        #expect(london("2025-03-30T00:59:59Z") == "2025-03-30T00:59")
        #expect(london("2025-03-30T01:00:00Z") == "2025-03-30T02:00")
        #expect(london("2025-10-26T00:59:59Z") == "2025-10-26T01:59")
        #expect(london("2025-10-26T01:00:00Z") == "2025-10-26T01:00")
        #expect(london("1969-12-31T23:59:59Z") == "1970-01-01T00:59")  // British Standard Time, an hour ahead all year
    }
}
